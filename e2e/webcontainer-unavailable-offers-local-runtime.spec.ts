/**
 * Served by `npm start`, a learner who forces the WebContainer runtime on a machine that cannot
 * reach StackBlitz (these test machines have no internet) reads why it did not start, within
 * the boot timeout, and switches to the local runtime from that message to run the lesson.
 */
import { expect, test } from '@playwright/test';
import { withSecret } from './login.ts';

test('learner whose sandbox cannot start switches to the local runtime and runs the lesson', async ({ page }) => {
  await page.goto(withSecret('/?runtime=webcontainer&bootTimeout=1500#/a-default-and-a-clear-error'));
  await expect(page.getByText('Runtime: WebContainer')).toBeVisible();
  // Monaco keeps empty role="alert" live regions of its own; the runtime's alert is the one that speaks.
  const alert = page.getByRole('alert').filter({ hasText: 'sandbox' });
  await expect(alert).toContainText('did not start within 1.5 seconds');
  await expect(alert).toContainText('stackblitz.com');

  await alert.getByRole('button', { name: 'Use the local runtime instead' }).click();
  await expect(page).toHaveURL(/[?&]runtime=local\b.*#\/a-default-and-a-clear-error$/);
  await expect(page.getByText('Runtime: local')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.frameLocator('[title="Preview"]').locator('body')).toContainText('inventory', { timeout: 30_000 });
});
