/**
 * Steps of the workbench stories (e2e/workbench-*.spec.ts): small screens, keyboard, themes,
 * progress, the file tree and two tabs. Names the stories rely on:
 *
 *   tablist "Workbench" → tab "Lesson" | "Code" | "Output"   below 960px wide; panels are tabpanels
 *   region  "Lesson text"                                     the lesson pane, focusable (wide screens)
 *   group   "Theme" → radio "System" | "Light" | "Dark"       <html data-theme="light|dark">
 *   header  "N of 13 done" / "All 13 lessons done"            with a bar; status "Course complete."
 *   link    "Open the preview in a new tab"                   the preview's own URL
 *   navigation "Lesson files" → button "<path>", "New file", "Rename <path>", "Delete <path>"
 *   textbox "New file path" / "New name for <path>"
 *   alert   "Another tab changed this lesson’s files …"       buttons "Keep this tab’s files", "Use the other tab’s files"
 *   Run: title "Run your program (Alt+Enter)", aria-keyshortcuts "Alt+Enter"
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { withSecret } from './login.ts';
import { editorText, runButton } from './playground-steps.ts';

export const workbenchTab = (page: Page, name: 'Lesson' | 'Code' | 'Output') => page.getByRole('tablist', { name: 'Workbench' }).getByRole('tab', { name, exact: true });
export const fileTree = (page: Page) => page.getByRole('navigation', { name: 'Lesson files' });

/** Opens a lesson on a narrow screen, where the lesson text shows first, and waits for the runtime. */
export async function openLessonNarrow(page: Page, id: string): Promise<void> {
  await page.goto(withSecret(`/#/${id}`));
  await expect(page.getByText('Runtime: local (Node on this computer)')).toBeVisible();
  await expect(workbenchTab(page, 'Lesson')).toHaveAttribute('aria-selected', 'true');
  await workbenchTab(page, 'Code').click();
  await expect(editorText(page)).toBeVisible({ timeout: 30_000 });
  await expect(runButton(page)).toBeEnabled({ timeout: 30_000 });
}

/** Whether the element's box lies inside the viewport (not cut by its right or bottom edge). */
export async function insideViewport(page: Page, selector: ReturnType<Page['locator']>): Promise<boolean> {
  const box = await selector.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 0.5 && box.y < size.height;
}

/** The page is as wide as the viewport: nothing sticks out to the right and makes it scroll sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
}

/**
 * axe-core over the whole page; returns the serious and critical violations, each as
 * "rule: target" lines, so a failure names what to fix. The preview frame is the learner's own
 * page, not Portside's, so it is left out.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude('iframe[title="Preview"]').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`));
}

/**
 * axe's `page-has-heading-one` (moderate): whether the page as shown has an h1 for screen
 * readers' heading navigation. Returns its violations at moderate impact or above, as lines.
 */
export async function headingOneViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withRules(['page-has-heading-one']).exclude('iframe[title="Preview"]').analyze();
  return results.violations
    .filter((violation) => ['moderate', 'serious', 'critical'].includes(violation.impact ?? ''))
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`));
}

/** Sets what localStorage holds for Portside (key without the `portside:v1:` prefix) and reloads. */
export async function seedStorage(page: Page, entries: Record<string, unknown>): Promise<void> {
  await page.evaluate((items) => {
    for (const [key, value] of Object.entries(items)) localStorage.setItem(`portside:v1:${key}`, JSON.stringify(value));
  }, entries);
  await page.reload();
}
