/**
 * A learner on lesson 9 (apps as backing services) runs the solution: Run starts a stand-in
 * quotes service and passes its URL in QUOTES_URL, so the page shows a quote. They switch the
 * environment to the platform preset and then to a laptop's, and the terminal's `$` line says
 * exactly what each Run passed. The choice is still there after a reload.
 */
import { expect, test } from '@playwright/test';
import { openLesson, preview, restartButton, runButton } from './playground-steps.ts';
import { runOutputPanel } from './shell-steps.ts';

test('learner runs lesson 9 with a stand-in quotes service, switches presets, and the $ line is what Run passed', async ({ page }) => {
  await openLesson(page, 'apps-as-backing-services');
  await page.getByRole('button', { name: 'Show solution' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Show solution' }).click();

  await runButton(page).click();
  await expect(preview(page)).toContainText('Martin Fowler');
  await expect(runOutputPanel(page)).toContainText(/\$ PORT=\d+ QUOTES_URL=http:\/\/127\.0\.0\.1:\d+ node server\.js/);
  await expect(runOutputPanel(page)).toContainText(/stand-in upstream listening on http:\/\/127\.0\.0\.1:\d+/);

  await page.getByText('Environment', { exact: true }).click();
  const panel = page.getByRole('group', { name: 'Run environment' });
  await panel.getByRole('button', { name: /Platform/ }).click();
  await expect(panel).toContainText(/Next Run passes PORT=<random> HOST=0\.0\.0\.0 QUOTES_URL=/);
  await restartButton(page).click();
  await expect(runOutputPanel(page)).toContainText(/\$ PORT=\d+ HOST=0\.0\.0\.0 QUOTES_URL=http:\/\/127\.0\.0\.1:\d+ node server\.js/);
  await expect(preview(page)).toContainText('Martin Fowler');

  await panel.getByRole('button', { name: /Laptop/ }).click();
  await panel.getByRole('radio', { name: 'not set' }).last().check();
  await expect(panel).toContainText('Next Run passes nothing');
  await restartButton(page).click();
  await expect(runOutputPanel(page)).toContainText(/\$ node server\.js/);
  await expect(page.getByRole('status').filter({ hasText: /no PORT/ })).toBeVisible();
  await page.getByRole('button', { name: 'Stop', exact: true }).click();

  await page.reload();
  await expect(page.getByText('Environment: laptop')).toBeVisible({ timeout: 30_000 });
});
