/**
 * Lesson 2's starter hardcodes port 3000. Run gives it PORT from the runtime, and the preview
 * says plainly that the server is on the wrong port. After the learner replaces the literal with
 * process.env.PORT, Restart shows the service's response on the port the runtime gave it.
 */
import { expect, test } from '@playwright/test';
import { listening, openLesson, preview, previewPort, replaceInEditor, restartButton, runButton } from './playground-steps.ts';

test('lesson 2 shows in the preview only after the learner binds to process.env.PORT', async ({ page }) => {
  await openLesson(page, 'take-the-port');
  // The starter's literal 3000 must be free for this story; other suites on a busy machine may hold it briefly.
  await expect.poll(() => listening(3000), { message: 'port 3000 to be free for the starter', timeout: 30_000 }).toBe(false);

  await runButton(page).click();
  const port = await previewPort(page);
  await expect(page.getByText(`Your server listened on 3000, but PORT was ${port} — the platform sends traffic to PORT.`)).toBeVisible();
  await expect(page.locator('[title="Preview"]')).toHaveCount(0);

  await replaceInEditor(page, '3000, ', 'process.env.PORT, ');
  await restartButton(page).click();
  await expect(preview(page)).toContainText('"service":"orders"');
  const fixedPort = await previewPort(page);
  await expect(page.getByText(/Your server listened on/)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `Running · PORT ${fixedPort}` })).toBeVisible();
});
