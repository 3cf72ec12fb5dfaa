/**
 * A keyboard learner: Run says its shortcut, Alt+Enter runs from the page and from inside Monaco,
 * the editor says how Tab works while it has focus (Tab indents; Ctrl+M lets Tab move focus), and
 * Ctrl+M really releases Tab. After Check from the button, focus is on the results, not <body>.
 */
import { expect, test } from '@playwright/test';
import { checkButton, checkResults, checkSummary, runStatus } from './check-steps.ts';
import { editorText, openLesson, replaceInEditor, runButton } from './playground-steps.ts';
import { showSolution } from './course-steps.ts';

test('keyboard learner runs lesson 1 with Alt+Enter and leaves the editor with Ctrl+M then Tab', async ({ page }) => {
  await openLesson(page, 'your-program-is-the-server');
  // The solution is a server that keeps running (the starter ends at once).
  await showSolution(page);
  await expect(editorText(page)).toContainText('server.listen');
  await expect(runButton(page)).toHaveAttribute('aria-keyshortcuts', 'Alt+Enter');
  await expect(runButton(page)).toHaveAttribute('title', /Alt\+Enter/);

  // The hint shows only while the editor has focus.
  const hint = page.locator('#editor-keys');
  await expect(hint).toHaveCount(0);
  await editorText(page).click();
  await expect(hint).toHaveText(/Tab indents · Ctrl\+M lets Tab move focus/);

  // Alt+Enter inside Monaco runs (and inserts nothing).
  const before = await editorText(page).textContent();
  await page.keyboard.press('Alt+Enter');
  await expect(runStatus(page)).toHaveText(/^Running · PORT \d+$/, { timeout: 30_000 });
  expect(await editorText(page).textContent()).toBe(before);

  // Ctrl+M, then Tab moves focus out of the editor instead of indenting.
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  await expect(page.locator('.monaco-editor textarea')).not.toBeFocused();
  await expect(hint).toHaveCount(0);
  expect(await editorText(page).textContent()).toBe(before);

  // Outside the editor, Alt+Enter restarts the run on a fresh port.
  const firstPort = (await runStatus(page).textContent())?.match(/\d+/)?.[0];
  await page.keyboard.press('Alt+Enter');
  await expect(runStatus(page)).toHaveText(/^Running · PORT \d+$/, { timeout: 30_000 });
  await expect.poll(async () => (await runStatus(page).textContent())?.match(/\d+/)?.[0]).not.toBe(firstPort);
});

test('keyboard learner presses Check and lands on the results, not on the page body', async ({ page }) => {
  await openLesson(page, 'take-the-port');
  await replaceInEditor(page, '3000, ', 'process.env.PORT, ');
  await checkButton(page).focus();
  await page.keyboard.press('Enter');
  await expect(checkSummary(page)).toHaveText('All 3 rules pass. Lesson complete.', { timeout: 60_000 });
  await expect(checkResults(page)).toBeFocused();
});
