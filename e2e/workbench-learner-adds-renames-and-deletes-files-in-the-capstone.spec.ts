/**
 * Lesson 13 has six files, two in routes/. A tree beside the editor lists them all; the tab strip
 * shows every name whole. The learner creates a file, is told plainly when a name cannot be used,
 * renames the file, deletes a starter file, and finds all of it again after a reload; "Reset to
 * starter" brings the lesson's own files back. Names: e2e/workbench-steps.ts.
 */
import { expect, test } from '@playwright/test';
import { editorText, openLesson } from './playground-steps.ts';
import { fileTree } from './workbench-steps.ts';

test.use({ viewport: { width: 1440, height: 900 } });

test('learner adds, renames and deletes files in the capstone and finds them again after a reload', async ({ page }) => {
  await openLesson(page, '13-capstone');
  const tree = fileTree(page);
  for (const path of ['app.js', 'config.js', 'package.json', 'server.js', 'routes/health.js', 'routes/notes.js']) {
    await expect(tree.getByRole('button', { name: path, exact: true })).toBeVisible();
  }

  // Every tab shows its whole name: none is cut or scrolled out of the strip.
  const tabs = page.getByRole('tablist', { name: 'Files' });
  const strip = await tabs.boundingBox();
  for (const tab of await tabs.getByRole('tab').all()) {
    const box = await tab.boundingBox();
    expect(box && strip && box.x >= strip.x - 0.5 && box.x + box.width <= strip.x + strip.width + 0.5).toBe(true);
    expect(await tab.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  }

  // A name that is taken is refused, in words.
  await tree.getByRole('button', { name: 'New file' }).click();
  await page.getByRole('textbox', { name: 'New file path' }).fill('server.js');
  await page.keyboard.press('Enter');
  await expect(tree.getByRole('alert')).toHaveText('server.js already exists.');

  // A new file opens empty in the editor, and takes what is typed.
  await page.getByRole('textbox', { name: 'New file path' }).fill('routes/users.js');
  await page.keyboard.press('Enter');
  await expect(tree.getByRole('button', { name: 'routes/users.js', exact: true })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('tab', { name: 'routes/users.js', selected: true })).toBeVisible();
  await editorText(page).click();
  await page.keyboard.type('export const users = 1;');
  await expect(editorText(page)).toContainText('export const users = 1;');

  await tree.getByRole('button', { name: 'Rename routes/users.js' }).click();
  await page.getByRole('textbox', { name: 'New name for routes/users.js' }).fill('routes/people.js');
  await page.keyboard.press('Enter');
  await expect(tree.getByRole('button', { name: 'routes/people.js', exact: true })).toBeVisible();
  await expect(tree.getByRole('button', { name: 'routes/users.js', exact: true })).toHaveCount(0);
  await expect(editorText(page)).toContainText('export const users = 1;');

  await tree.getByRole('button', { name: 'Delete routes/health.js' }).click();
  await page.getByRole('dialog', { name: 'Delete routes/health.js?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(tree.getByRole('button', { name: 'routes/health.js', exact: true })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'routes/health.js' })).toHaveCount(0);

  // Saved per lesson: after a reload the tree is as the learner left it.
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  await page.reload();
  await expect(tree.getByRole('button', { name: 'routes/people.js', exact: true })).toBeVisible();
  await expect(tree.getByRole('button', { name: 'routes/health.js', exact: true })).toHaveCount(0);
  await tree.getByRole('button', { name: 'routes/people.js', exact: true }).click();
  await expect(editorText(page)).toContainText('export const users = 1;');

  // Reset to starter brings the lesson's own six files back.
  await page.getByRole('button', { name: 'Reset to starter' }).click();
  await page.getByRole('dialog', { name: 'Start over from the starter code?' }).getByRole('button', { name: 'Reset to starter' }).click();
  await expect(tree.getByRole('button', { name: 'routes/health.js', exact: true })).toBeVisible();
  await expect(tree.getByRole('button', { name: 'routes/people.js', exact: true })).toHaveCount(0);
});
