/**
 * A learner's server lives only as long as their tab: reloading (or closing) the page disposes
 * the runtime, and the process that was listening is gone.
 */
import { expect, test } from '@playwright/test';
import { listening, openLesson, preview, previewPort, runButton } from './playground-steps.ts';

test('reloading the page kills the server the learner started', async ({ page }) => {
  await openLesson(page, 'your-program-is-the-server');
  await page.getByRole('button', { name: 'Show solution' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Show solution' }).click();
  await runButton(page).click();
  await expect(preview(page)).toContainText('Hello from my own server');
  const port = await previewPort(page);
  expect(await listening(port)).toBe(true);

  await page.reload();
  await expect.poll(() => listening(port), { message: `the server on port ${port} to be gone`, timeout: 15_000 }).toBe(false);
  await expect(page.getByText('Nothing running yet')).toBeVisible();
});

test('closing the tab kills the server the learner started', async ({ page }) => {
  await openLesson(page, 'your-program-is-the-server');
  await page.getByRole('button', { name: 'Show solution' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Show solution' }).click();
  await runButton(page).click();
  await expect(preview(page)).toContainText('Hello from my own server');
  const port = await previewPort(page);

  await page.close({ runBeforeUnload: true });
  await expect.poll(() => listening(port), { message: `the server on port ${port} to be gone`, timeout: 15_000 }).toBe(false);
});
