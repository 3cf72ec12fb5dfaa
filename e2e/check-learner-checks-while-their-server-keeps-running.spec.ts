/**
 * A learner runs lesson 2's solution and presses Check while it runs. Under bubblewrap the check
 * has a network of its own, so Portside leaves the Run alone: the status says Running the whole
 * time (never Stopped), the server answers on its port during the check, and afterwards the
 * preview still shows it on the same port, with nothing new in the Run's terminal.
 */
import { expect, test } from '@playwright/test';
import { checkSummary, runStatus } from './check-steps.ts';
import { checkAndWait, showSolution } from './course-steps.ts';
import { listening, openLesson, preview, previewPort, runButton } from './playground-steps.ts';
import { runOutputPanel } from './shell-steps.ts';
import { sandboxStatus } from '../server/sandbox/sandbox.ts';

test('learner checks while their server keeps running', async ({ page }) => {
  // The server under test inherits this environment, so it makes the same sandbox decision.
  const sandbox = await sandboxStatus();
  test.skip(sandbox.kind !== 'bubblewrap', `Check shares the Run's network without bubblewrap (${sandbox.kind === 'bubblewrap' ? '' : sandbox.reason})`);
  await openLesson(page, 'take-the-port');
  await showSolution(page);
  await runButton(page).click();
  await expect(runStatus(page)).toHaveText(/^Running · PORT \d+$/, { timeout: 30_000 });
  await expect(preview(page)).toContainText('orders');
  const port = await previewPort(page);
  const statusBefore = await runStatus(page).textContent();

  // Every text the status shows from here on, so a Stopped that flashes by is seen too.
  await runStatus(page).evaluate((status) => {
    const seen: string[] = [];
    (window as unknown as { statusesSeen: string[] }).statusesSeen = seen;
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { subtree: true, childList: true, characterData: true });
  });

  const checking = checkAndWait(page);
  await expect(page.getByRole('button', { name: 'Cancel check' })).toBeVisible();
  // While the harness runs, the learner's server is still the one on its port.
  expect(await listening(port)).toBe(true);
  expect(await checking).toBe('All 3 rules pass. Lesson complete.');

  const seen = await page.evaluate(() => (window as unknown as { statusesSeen: string[] }).statusesSeen);
  expect(seen.filter((text) => !/^Running · PORT \d+$/.test(text))).toEqual([]);
  await expect(runStatus(page)).toHaveText(statusBefore ?? '');

  await page.getByRole('button', { name: 'Close check results' }).click();
  await expect(checkSummary(page)).toHaveCount(0);
  expect(await previewPort(page)).toBe(port);
  await expect(preview(page)).toContainText('orders');
  expect(await listening(port)).toBe(true);
  // The Run's terminal shows one start and no stop: the check never touched it.
  await expect(runOutputPanel(page)).toContainText(`$ PORT=${port} node server.js`);
  const transcript = (await runOutputPanel(page).textContent()) ?? '';
  // (\s: xterm's rows may hold no-break spaces.)
  expect(transcript.match(/\$\sPORT=\d+\snode\sserver\.js/g)).toHaveLength(1);
  expect(transcript).not.toContain('[process stopped');
});
