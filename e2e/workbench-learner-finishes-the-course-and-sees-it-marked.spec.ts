/**
 * The header shows progress ("N of 13 done"). A learner with twelve lessons done completes the
 * last one: the course is marked finished in a banner that takes neither focus nor the page, and
 * the header says all are done. The preview opens in a tab of its own at its own address.
 */
import { expect, test } from '@playwright/test';
import { checkSummary } from './check-steps.ts';
import { editorText, openLesson, replaceInEditor, runButton } from './playground-steps.ts';
import { showSolution } from './course-steps.ts';
import { seedStorage } from './workbench-steps.ts';

test('learner completes the last lesson left and sees the course marked finished', async ({ page }) => {
  test.setTimeout(90_000);
  await openLesson(page, 'take-the-port');
  await expect(page.getByRole('banner').getByText('0 of 13 done')).toBeVisible();

  // The menu is closed, so its links are read from the DOM rather than by role.
  const ids = await page.locator('#lesson-nav a').evaluateAll((links) => links.map((link) => decodeURIComponent((link as HTMLAnchorElement).hash.replace('#/', ''))));
  expect(ids).toHaveLength(13);
  await seedStorage(page, { completed: ids.filter((id) => id !== 'take-the-port') });
  await expect(page.getByRole('banner').getByText('12 of 13 done')).toBeVisible();
  await expect(runButton(page)).toBeEnabled({ timeout: 30_000 });

  await replaceInEditor(page, '3000, ', 'process.env.PORT, ');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(checkSummary(page)).toHaveText('All 3 rules pass. Lesson complete.', { timeout: 60_000 });

  await expect(page.getByRole('banner').getByText('All 13 lessons done')).toBeVisible();
  const moment = page.getByRole('status').filter({ hasText: 'Course complete.' });
  await expect(moment).toBeVisible();
  // Not a modal: nothing blocks the page, and the banner goes when dismissed.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await moment.getByRole('button', { name: 'Dismiss' }).click();
  await expect(moment).toHaveCount(0);
  await expect(page.getByRole('banner').getByText('All 13 lessons done')).toBeVisible();
});

test('learner opens the preview in a tab of its own', async ({ page, context }) => {
  await openLesson(page, 'your-program-is-the-server');
  await showSolution(page);
  await expect(editorText(page)).toContainText('server.listen');
  await runButton(page).click();
  const link = page.getByRole('link', { name: 'Open the preview in a new tab' });
  await expect(link).toHaveAttribute('target', '_blank');
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  expect(new URL(tab.url()).hostname).toMatch(/^\d+\.[0-9a-f]+\.localhost$/);
  await expect(tab.locator('body')).toContainText('Hello from my own server');
});
