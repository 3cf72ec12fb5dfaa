/**
 * A learner's server waits a minute before it listens, so a check of it keeps waiting. The
 * learner had pressed Run; Check stops that Run, shows its progress on the button, and the
 * learner cancels. The UI returns to idle, says the check was cancelled, and the Run comes back.
 * Names: e2e/check-steps.ts.
 */
import { expect, test } from '@playwright/test';
import { cancelButton, checkButton, checkResults, checkSummary, replaceExactly, runStatus } from './check-steps.ts';
import { openLesson, runButton } from './playground-steps.ts';

test('learner cancels a running check and gets their Run back', async ({ page }) => {
  await openLesson(page, 'take-the-port');
  await replaceExactly(page, 'const server =', 'await new Promise((resolve) => setTimeout(resolve, 60_000)); const server =');

  await runButton(page).click();
  await expect(runStatus(page)).toHaveText(/^Running · PORT \d+$/);

  await checkButton(page).click();
  await expect(cancelButton(page)).toBeVisible();
  await expect(cancelButton(page)).toContainText(/Checking… \d of 3/);
  // The learner's Run was stopped so the check could run alone.
  await expect(runStatus(page)).toHaveText('Stopped');
  await expect(runButton(page)).toHaveAttribute('aria-disabled', 'true');
  // Its rules wait for the server to listen, which it will not do for a minute.
  await expect(checkResults(page).getByRole('listitem').first()).toContainText(/waiting|checking…/);

  await cancelButton(page).click();

  await expect(checkSummary(page)).toHaveText('Check cancelled. Press Check to run it again.');
  await expect(cancelButton(page)).toHaveCount(0);
  await expect(checkButton(page)).toBeEnabled();
  await expect(checkButton(page)).not.toHaveAttribute('aria-disabled', 'true');
  for (const item of await checkResults(page).getByRole('listitem').all()) await expect(item).toContainText('not run');
  // The Run it had before the check is running again.
  await expect(runStatus(page)).toHaveText(/^Running · PORT \d+$/);
});
