/**
 * A learner binds lesson 2's server to process.env.PORT and presses Ctrl+Enter in the editor:
 * every rule passes, the success is announced, and the lesson is marked complete in the text and
 * in the lesson list. The shortcut checks instead of inserting a line. Names: e2e/check-steps.ts.
 */
import { expect, test } from '@playwright/test';
import { checkButton, checkResults, checkSummary, ruleButton } from './check-steps.ts';
import { editorText, openLesson, replaceInEditor } from './playground-steps.ts';

test('learner fixes lesson 2 and every rule passes and the lesson is marked complete', async ({ page }) => {
  await openLesson(page, 'take-the-port');
  await replaceInEditor(page, '3000, ', 'process.env.PORT, ');

  // The cursor is in Monaco, right after the edit: Ctrl/Cmd+Enter must check, not insert a line.
  await page.keyboard.press('ControlOrMeta+Enter');

  await expect(checkSummary(page)).toHaveText('All 3 rules pass. Lesson complete.');
  for (const id of ['responds-http', 'uses-env-port', 'no-hardcoded-port']) await expect(ruleButton(page, id, 'passed')).toBeVisible();
  await expect(checkResults(page).getByRole('link', { name: /^Next lesson: A development default/ })).toBeVisible();
  await expect(editorText(page)).toContainText(/server\.listen\(process\.env\.PORT,\s\(\)\s=>\s\{/);
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
  await expect(checkButton(page)).toBeEnabled();

  // Completed: in the lesson's text, and with a ✓ in the lesson list.
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: /^Lessons/ }).click();
  await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /Take the port from the environment \(completed\)/ })).toBeVisible();

  // The results belong to this lesson: another lesson starts without them.
  await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /^A development default/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /A development default/ })).toBeVisible();
  await expect(checkResults(page)).toHaveCount(0);
});
