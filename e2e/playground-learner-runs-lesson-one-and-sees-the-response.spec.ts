/**
 * A learner opens lesson 1. The starter only builds a handler, so Run shows that the program
 * ended without listening. The learner loads the solution, which makes the program its own web
 * server on PORT; Run shows its response in the preview, and Stop ends it.
 */
import { expect, test } from '@playwright/test';
import { openLesson, preview, previewPort, runButton, terminal } from './playground-steps.ts';

test('learner runs lesson 1, sees why the starter shows nothing, and sees the solution answer in the preview', async ({ page }) => {
  await openLesson(page, 'your-program-is-the-server');
  await expect(page.getByRole('heading', { level: 1, name: 'Your program is the server' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'server.js', selected: true })).toBeVisible();

  await runButton(page).click();
  await expect(page.getByText('Your program ended before it listened')).toBeVisible();
  await expect(terminal(page)).toContainText('[process exited with code 0]');

  await page.getByRole('button', { name: 'Show a hint' }).click();
  await expect(page.getByRole('list', { name: 'Hints' })).toContainText('standard library');

  await page.getByRole('button', { name: 'Show solution' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace your code with the solution?' });
  await dialog.getByRole('button', { name: 'Show solution' }).click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('server.listen');

  await runButton(page).click();
  await expect(preview(page)).toContainText('Hello from my own server');
  const port = await previewPort(page);
  await expect(page.getByRole('status').filter({ hasText: `Running · PORT ${port}` })).toBeVisible();
  await expect(terminal(page)).toContainText(`$ PORT=${port} node server.js`);
  await expect(terminal(page)).toContainText(`listening on port ${port}`);

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByText('Press Run to start your server again.')).toBeVisible();
  await expect(terminal(page)).toContainText('[process stopped');

  // Starting over is one confirmed click away.
  await page.getByRole('button', { name: 'Reset to starter' }).click();
  await page.getByRole('dialog', { name: 'Start over from the starter code?' }).getByRole('button', { name: 'Reset to starter' }).click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('nobody is listening yet');
});
