/**
 * The run status tells the truth. Lesson 13's starter cannot start at all (its start script names
 * a program that does not exist), so both instances exit with 127 and the run is over — not
 * "Running". A server that loops before listen() is called out after the ready timeout, as Check
 * does. And while something runs, Run is Restart.
 */
import { expect, test } from '@playwright/test';
import { editorText, openLesson, restartButton, runButton } from './playground-steps.ts';

test('learner runs lesson 13 starter and sees it exited with 127, not Running', async ({ page }) => {
  await openLesson(page, 'capstone');
  await runButton(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'Exited with code 127' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Running' })).toHaveCount(0);
  await expect(runButton(page)).toBeEnabled();
});

test('learner runs a server stuck before listen() and is told so after the ready timeout', async ({ page }) => {
  await openLesson(page, 'your-program-is-the-server');
  // A timer keeps the program alive, and it never listens.
  await editorText(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('setInterval(() => {}, 1000);');
  await runButton(page).click();
  await expect(restartButton(page)).toBeVisible();
  await expect(page.getByText('Your server has not listened yet')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: 'not listening yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(runButton(page)).toBeVisible();
});
