/**
 * At 1440 px, lessons 5, 6 and 7 have code blocks and diagrams wider than the lesson pane. They
 * scroll sideways instead of being cut off, and a keyboard user can reach and scroll them, as
 * well as the lesson pane itself (axe: scrollable-region-focusable). Names: e2e/workbench-steps.ts.
 */
import { expect, test } from '@playwright/test';
import { withSecret } from './login.ts';

test.use({ viewport: { width: 1440, height: 900 } });

for (const lesson of ['05-bring-your-own-web-server', '06-one-port-two-protocols', '07-not-just-the-web']) {
  test(`learner scrolls lesson ${lesson.slice(0, 2)}'s wide code block sideways from the keyboard`, async ({ page }) => {
    await page.goto(withSecret(`/#/${lesson}`));
    const pane = page.getByRole('region', { name: 'Lesson text' });
    await expect(pane).toBeVisible();

    // Find the widest block; it must be the scroller (not a clipped inner element) and focusable.
    const blocks = pane.locator('.lesson-body pre');
    const widths = await blocks.evaluateAll((all) => all.map((pre) => pre.scrollWidth - pre.clientWidth));
    const widest = widths.indexOf(Math.max(...widths));
    expect(widths[widest], 'a block wider than the pane').toBeGreaterThan(0);
    const block = blocks.nth(widest);
    await expect(block).toHaveAttribute('tabindex', '0');
    expect(await block.locator('code').evaluate((code) => code.scrollWidth <= code.clientWidth + 1 || getComputedStyle(code).overflowX === 'visible')).toBe(true);

    await block.focus();
    await expect(block).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => block.evaluate((pre) => pre.scrollLeft)).toBeGreaterThan(0);
  });
}

test('learner scrolls the lesson text from the keyboard', async ({ page }) => {
  await page.goto(withSecret('/#/13-capstone'));
  const pane = page.getByRole('region', { name: 'Lesson text' });
  await expect(pane).toHaveAttribute('tabindex', '0');
  await pane.focus();
  await page.keyboard.press('PageDown');
  await expect.poll(() => pane.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
});
