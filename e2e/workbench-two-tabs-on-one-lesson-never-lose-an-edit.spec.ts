/**
 * Two browser tabs on lesson 2. An edit saved in one reaches the other live. When the other tab
 * saves while this one has unsaved edits, this one says so and lets the learner choose; the
 * version not chosen stays under "Restore my code". Never a silent loss. Names: e2e/workbench-steps.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { editorText, openLesson, replaceInEditor } from './playground-steps.ts';

const KEY = 'portside:v1:files:take-the-port';
const footer = (page: Page) => page.locator('.editor-footer');

/** Saves a version of server.js as another tab would: through localStorage, which tells the other tabs. */
async function otherTabSaves(page: Page, marker: string): Promise<void> {
  await page.evaluate(
    ({ key, marker }) => {
      const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as { files: Record<string, string> };
      saved.files['server.js'] = `// ${marker}\n${saved.files['server.js'] ?? ''}`;
      localStorage.setItem(key, JSON.stringify(saved));
    },
    { key: KEY, marker },
  );
}

test('learner edits lesson 2 in two tabs: edits arrive live, and a clash asks instead of losing one', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await openLesson(first, 'take-the-port');
  await openLesson(second, 'take-the-port');

  // Saved in the first tab → shown in the second, which says where it came from.
  await replaceInEditor(first, '3000, ', 'process.env.PORT, ');
  await expect(footer(first)).toContainText('Saved in this browser');
  await expect(editorText(second)).toContainText('server.listen(process.env.PORT,');
  await expect(footer(second)).toContainText('Updated from another tab');

  // The second tab has an unsaved edit when the first saves another version: it asks.
  await editorText(second).click();
  await second.keyboard.press('ControlOrMeta+End');
  await second.keyboard.type('// mine');
  await otherTabSaves(first, 'theirs');
  const clash = second.getByRole('alert').filter({ hasText: 'Another tab changed this lesson’s files' });
  await expect(clash).toBeVisible();
  await expect(editorText(second)).toContainText('// mine');
  await expect(editorText(second)).not.toContainText('// theirs');

  // Keeping this tab's files saves them, the first tab follows live, and theirs can be restored.
  await clash.getByRole('button', { name: 'Keep this tab’s files' }).click();
  await expect(clash).toHaveCount(0);
  await expect(editorText(first)).toContainText('// mine');
  await second.getByRole('button', { name: 'Restore my code' }).click();
  await expect(editorText(second)).toContainText('// theirs');
});

test('learner in two tabs takes the other tab’s files and can still restore their own', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await openLesson(first, 'take-the-port');
  await openLesson(second, 'take-the-port');
  await replaceInEditor(first, '3000, ', 'process.env.PORT, ');
  await expect(editorText(second)).toContainText('server.listen(process.env.PORT,');

  await editorText(second).click();
  await second.keyboard.press('ControlOrMeta+End');
  await second.keyboard.type('// mine');
  await otherTabSaves(first, 'theirs');
  const clash = second.getByRole('alert').filter({ hasText: 'Another tab changed this lesson’s files' });
  await clash.getByRole('button', { name: 'Use the other tab’s files' }).click();
  await expect(editorText(second)).toContainText('// theirs');
  await expect(editorText(second)).not.toContainText('// mine');
  await second.getByRole('button', { name: 'Restore my code' }).click();
  await expect(editorText(second)).toContainText('// mine');
});
