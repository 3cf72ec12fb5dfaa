/**
 * A learner with a running server edits its response text, presses Restart and sees the new
 * text; after reloading the page the edit is still in the editor and runs again.
 */
import { expect, test } from '@playwright/test';
import { editorText, openLesson, preview, replaceInEditor, restartButton, runButton } from './playground-steps.ts';

test('learner edits the response, restarts to see it, and finds the edit after a reload', async ({ page }) => {
  await openLesson(page, 'your-program-is-the-server');
  await page.getByRole('button', { name: 'Show solution' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Show solution' }).click();
  await runButton(page).click();
  await expect(preview(page)).toContainText('Hello from my own server');

  await replaceInEditor(page, 'Hello from my own server', 'Ahoy from my edited server');
  await restartButton(page).click();
  await expect(preview(page)).toContainText('Ahoy from my edited server');

  await expect(page.getByText('Saved in this browser')).toBeVisible();
  await page.reload();
  await expect(editorText(page)).toContainText('Ahoy');
  await expect(runButton(page)).toBeEnabled({ timeout: 30_000 });
  await runButton(page).click();
  await expect(preview(page)).toContainText('Ahoy from my edited server');
});
