/**
 * A learner on lesson 9 (apps as backing services) runs the solution: Run starts a stand-in
 * quotes service and passes its URL in QUOTES_URL, so the page shows a quote. They switch the
 * environment to the platform preset, then to a laptop's, and the terminal's `$` line says
 * exactly what each Run passed. The choice is still there after a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { openLesson, preview, restartButton, runButton } from './playground-steps.ts';
import { runOutputPanel } from './shell-steps.ts';

async function openLessonNineSolution(page: Page) {
  await openLesson(page, 'apps-as-backing-services');
  await page.getByRole('button', { name: 'Show solution' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Show solution' }).click();
  await page.getByText('Environment', { exact: true }).click();
  return page.getByRole('group', { name: 'Run environment' });
}

test('learner runs lesson 9 with a stand-in quotes service, then as a platform, and the $ line is what Run passed', async ({ page }) => {
  const panel = await openLessonNineSolution(page);
  await expect(panel).toContainText('Next Run passes PORT=<random> QUOTES_URL=http://127.0.0.1:…');
  await runButton(page).click();
  await expect(preview(page)).toContainText('Martin Fowler');
  await expect(runOutputPanel(page)).toContainText(/\$ PORT=\d+ QUOTES_URL=http:\/\/127\.0\.0\.1:\d+ node server\.js/);
  await expect(runOutputPanel(page)).toContainText(/stand-in upstream listening on http:\/\/127\.0\.0\.1:\d+/);

  await panel.getByRole('button', { name: /Platform/ }).click();
  await expect(panel).toContainText('Next Run passes PORT=<random> HOST=0.0.0.0 QUOTES_URL=');
  await restartButton(page).click();
  await expect(runOutputPanel(page)).toContainText(/\$ PORT=\d+ HOST=0\.0\.0\.0 QUOTES_URL=http:\/\/127\.0\.0\.1:\d+ node server\.js/);
  await expect(preview(page)).toContainText('Martin Fowler');
});

test('learner runs lesson 9 as on a laptop, with nothing set, and finds that choice after a reload', async ({ page }) => {
  const panel = await openLessonNineSolution(page);
  await panel.getByRole('button', { name: /Laptop/ }).click();
  await panel.getByRole('radio', { name: 'not set' }).last().check();
  await expect(panel).toContainText('Next Run passes nothing');
  await runButton(page).click();
  // Exactly what a laptop passes: nothing. (Where it then listens is the app's own default.)
  await expect(runOutputPanel(page)).toContainText(/\$ node server\.js/);
  await expect(runOutputPanel(page)).not.toContainText(/\$ PORT=\d+ node server\.js/);

  await page.reload();
  await expect(page.getByText('Environment: laptop')).toBeVisible({ timeout: 30_000 });
});
