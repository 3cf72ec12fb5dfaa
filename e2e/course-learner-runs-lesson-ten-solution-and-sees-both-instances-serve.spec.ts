/**
 * Lesson 10, behind the router: a learner runs the solution. Run starts two instances, each on its
 * own PORT, and the router in front of them; the preview shows the router's port. The Router panel
 * says both instances listen on their PORTs and lists which one served each request; reloading the
 * preview sends the next request to the other instance. Stop ends all three processes.
 */
import { expect, test } from '@playwright/test';
import { listening, openLesson, preview, previewPort, runButton, terminal } from './playground-steps.ts';
import { instanceList, routerPanel, requestLog } from './course-router-steps.ts';
import { showSolution } from './course-steps.ts';

test("learner runs lesson 10's solution and sees requests served by both instances", async ({ page }) => {
  await openLesson(page, 'behind-the-router');
  await showSolution(page);
  await runButton(page).click();

  const instances = instanceList(page);
  await expect(instances.getByRole('listitem')).toHaveText([/^Instance 1 listens on its PORT, \d+( · served 1)?$/, /^Instance 2 listens on its PORT, \d+( · served 1)?$/]);
  const [a, b] = (await instances.getByRole('listitem').allTextContents()).map((text) => Number(/PORT, (\d+)/.exec(text)?.[1]));
  await expect(preview(page)).toContainText('"service":"sessions"');
  const port = await previewPort(page);
  expect([a, b], 'the preview shows the router, not an instance').not.toContain(port);
  await expect(routerPanel(page)).toContainText(`The router listens on ${port} and sends each request to the next instance in turn: :${a} and :${b}`);

  // The first load went to one instance; the page itself names it.
  const log = requestLog(page);
  await expect(log.getByRole('listitem').first()).toHaveText(new RegExp(`^GET / → instance :(${a}|${b}) \\(200\\)$`));
  const first = Number(/:(\d+)/.exec((await log.getByRole('listitem').first().textContent()) ?? '')?.[1]);
  await expect(preview(page)).toContainText(`"instance":${first}`);

  // Round robin: the next request goes to the other instance, and the next back to the first.
  const other = first === a ? b : a;
  await page.getByRole('button', { name: 'Reload preview' }).click();
  await expect(preview(page)).toContainText(`"instance":${other}`);
  await expect(log.getByRole('listitem').first()).toHaveText(`GET / → instance :${other} (200)`);
  await page.getByRole('button', { name: 'Reload preview' }).click();
  await expect(preview(page)).toContainText(`"instance":${first}`);
  await expect(log.getByRole('listitem')).toHaveCount(3);
  const served = (port: number | undefined) => (port === first ? 2 : 1);
  await expect(instances.getByRole('listitem')).toHaveText([`Instance 1 listens on its PORT, ${a} · served ${served(a)}`, `Instance 2 listens on its PORT, ${b} · served ${served(b)}`]);
  await expect(terminal(page)).toContainText(`[router :${port}] GET / → instance :${first} (200)`);

  // Stop ends the router and both instances.
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(instances.getByRole('listitem')).toHaveText([`Instance 1 stopped · served ${served(a)}`, `Instance 2 stopped · served ${served(b)}`]);
  await expect(routerPanel(page)).toContainText('The router stopped');
  for (const open of [port, a, b]) {
    await expect.poll(() => listening(open ?? 0), { message: `port ${open} to be closed after Stop` }).toBe(false);
  }
});
