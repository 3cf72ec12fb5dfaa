/**
 * Lesson 10, behind the router: a learner runs the starter, which hardcodes port 3000. The first
 * instance takes 3000 instead of its PORT; the second cannot start at all. The Router panel says so
 * in words, the router answers the preview with a 502 that explains itself, and Restart and Stop
 * handle all three processes — 3000 is free again afterwards.
 */
import { expect, test } from '@playwright/test';
import { listening, openLesson, preview, restartButton, runButton, terminal } from './playground-steps.ts';
import { instanceList, requestLog, routerPanel } from './course-router-steps.ts';
import { waitUntilFree } from './course-steps.ts';

const SECOND_FAILS = 'Instance 2 could not start: port 3000 was already taken by instance 1 — a hardcoded port cannot run twice';

test("learner runs lesson 10's starter and sees why the second instance fails", async ({ page }) => {
  await openLesson(page, 'behind-the-router');
  await waitUntilFree([3000]);
  await runButton(page).click();

  const instances = instanceList(page).getByRole('listitem');
  await expect(instances).toHaveText([/^Instance 1 listens on 3000, not on its PORT (\d+): the router sends its requests to \1, where nobody answers$/, SECOND_FAILS]);

  // Nobody listens where the router looks: the preview is the router's 502, and the log says why.
  await expect(preview(page)).toContainText('502 Bad Gateway: the router tried every instance');
  await expect(requestLog(page).getByRole('listitem').first()).toHaveText('GET / → no instance answered (502)');
  await expect(terminal(page)).toContainText(/\[router :\d+\] GET \/ → no instance answered \(502\)/);
  await expect(requestLog(page)).toContainText(/GET \/ → instance :\d+ refused the connection, skipped/);

  // Restart stops all three first: the new first instance gets 3000 again, and the second fails again.
  await restartButton(page).click();
  await expect(instances.nth(1)).toHaveText(SECOND_FAILS);
  await expect(routerPanel(page)).toContainText('The router listens on');

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(instances).toHaveText(['Instance 1 stopped', SECOND_FAILS]);
  await expect.poll(() => listening(3000), { message: 'port 3000 to be free after Stop' }).toBe(false);
});
