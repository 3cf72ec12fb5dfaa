/**
 * A learner's server waits a minute before it listens, so a check of it keeps waiting for it.
 * The learner had pressed Run; Check shows its progress on the button, and the learner cancels at
 * once. The UI returns to idle, says the check was cancelled, and the learner's Run is running:
 * the very same one under bubblewrap (Check has a network of its own and leaves it alone), else
 * stopped for the check and started again. Names: e2e/check-steps.ts.
 */
import { expect, test } from '@playwright/test';
import { cancelButton, checkButton, checkResults, checkSummary, replaceExactly, runStatus } from './check-steps.ts';
import { openLesson, runButton, terminal } from './playground-steps.ts';
import { sandboxStatus } from '../server/sandbox/sandbox.ts';

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

  await expect(runStatus(page)).toHaveText(/^Running · PORT \d+$/);
  await page.getByRole('button', { name: 'Close check results' }).click();
  await expect(checkResults(page)).toHaveCount(0);
  // The same sandbox decision as the server under test (it inherits this environment).
  if ((await sandboxStatus()).kind === 'bubblewrap') {
    // Left alone: one start, no stop.
    await expect(terminal(page)).toContainText(/\$ PORT=\d+ node server\.js/);
    const transcript = (await terminal(page).textContent()) ?? '';
    expect(transcript.match(/\$\sPORT=\d+\snode\sserver\.js/g)).toHaveLength(1);
    expect(transcript).not.toContain('[process stopped');
  } else {
    // One network for both: stopped for the check, then started anew.
    await expect(terminal(page)).toContainText(/\[process stopped — exit code \d+\][\s\S]*\$ PORT=\d+ node server\.js/);
  }
});
