/**
 * A learner's server waits a minute before it listens, so a check of it keeps waiting for it.
 * The learner had pressed Run; Check stops that Run and shows its progress on the button, and the
 * learner cancels at once. The UI returns to idle, says the check was cancelled, and the Run comes
 * back. Names: e2e/check-steps.ts.
 */
import { expect, test } from '@playwright/test';
import { cancelButton, checkButton, checkResults, checkSummary, replaceExactly, runStatus } from './check-steps.ts';
import { openLesson, runButton, terminal } from './playground-steps.ts';

test('learner cancels a running check and gets their Run back', async ({ page }) => {
  await openLesson(page, 'take-the-port');
  await replaceExactly(page, 'const server =', 'await new Promise((resolve) => setTimeout(resolve, 60_000)); const server =');

  await runButton(page).click();
  await expect(runStatus(page)).toHaveText(/^Running · PORT \d+$/);

  await checkButton(page).click();
  await expect(cancelButton(page)).toContainText(/Checking… 0 of 3/);
  // Cancelled straight away: the check would otherwise end by itself once the server had not listened for 10 s.
  await cancelButton(page).click();

  await expect(checkSummary(page)).toHaveText('Check cancelled. Press Check to run it again.');
  await expect(cancelButton(page)).toHaveCount(0);
  await expect(checkButton(page)).toBeEnabled();
  await expect(checkButton(page)).not.toHaveAttribute('aria-disabled', 'true');
  const rules = checkResults(page).getByRole('listitem');
  await expect(rules).toHaveCount(3);
  for (const rule of await rules.all()) await expect(rule).toContainText('not run');

  // The Run it had before the check is running again: stopped for the check, then started anew.
  await expect(runStatus(page)).toHaveText(/^Running · PORT \d+$/);
  await page.getByRole('button', { name: 'Close check results' }).click();
  await expect(checkResults(page)).toHaveCount(0);
  await expect(terminal(page)).toContainText(/\[process stopped — exit code \d+\][\s\S]*\$ PORT=\d+ node server\.js/);
});
