/**
 * A learner with a running server edits its response text, presses Restart and sees the new
 * text; after reloading the page the edit is still in the editor and runs again. Resetting to
 * the starter does not lose it: "Restore my code" brings it back.
 */
import { expect, test } from '@playwright/test';
import { editorText, openLesson, preview, replaceInEditor, restartButton, runButton } from './playground-steps.ts';

test('learner edits the response, restarts to see it, finds the edit after a reload, and can always get it back', async ({ page }) => {
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

  await page.getByRole('button', { name: 'Reset to starter' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset to starter' }).click();
  await expect(editorText(page)).toContainText('nobody is listening yet');
  await page.getByRole('button', { name: 'Restore my code' }).click();
  await expect(editorText(page)).toContainText('Ahoy');
});
