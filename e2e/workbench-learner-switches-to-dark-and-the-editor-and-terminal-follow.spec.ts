/**
 * Dark mode follows the system until the learner chooses: with a dark system the page, Monaco and
 * the terminal are dark; choosing Light switches all three at once, survives a reload, and a
 * choice of System follows the system again. Names: e2e/workbench-steps.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { openLesson } from './playground-steps.ts';

const themeRadio = (page: Page, name: 'System' | 'Light' | 'Dark') => page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name });
const background = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).backgroundColor);

/** Relative luminance of an `rgb(r, g, b)` colour: below 0.2 is dark, above 0.6 light. */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((v) => v / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function expectTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  const dark = theme === 'dark';
  for (const part of ['body', '.monaco-editor .monaco-editor-background', '.terminal-pane .xterm-scrollable-element']) {
    await expect.poll(async () => luminance(await background(page, part)) < 0.2, { message: `${part} is ${theme}` }).toBe(dark);
  }
}

test.use({ colorScheme: 'dark' });

test('learner with a dark system sees a dark workbench, switches to light, and the choice is remembered', async ({ page }) => {
  await openLesson(page, 'take-the-port');
  await expect(themeRadio(page, 'System')).toBeChecked();
  await expectTheme(page, 'dark');

  await themeRadio(page, 'Light').check();
  await expectTheme(page, 'light');

  await page.reload();
  await expect(themeRadio(page, 'Light')).toBeChecked();
  await expectTheme(page, 'light');

  // Back to following the system, which is then switched to light and back to dark.
  await themeRadio(page, 'System').check();
  await expectTheme(page, 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expectTheme(page, 'light');
});
