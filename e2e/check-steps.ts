/**
 * Steps for the Check stories (e2e/check-*.spec.ts), and the names a later suite can rely on.
 *
 * Accessible names and roles of Check (keep them stable):
 *   button  "Check"                 runs the lesson's rules (also Ctrl/Cmd+Enter, in Monaco too);
 *                                   title mentions Ctrl+Enter, aria-keyshortcuts="Control+Enter Meta+Enter"
 *   button  "Cancel check"          the same button while a check runs; its text reads "Checking… 2 of 5 Cancel"
 *   region  "Check results"         the results panel (takes the preview/terminal row while open)
 *     #check-summary                role=status, aria-live=polite: "3 of 5 rules pass. uses-env-port failed: …",
 *                                   "All 3 rules pass. Lesson complete.", "Check cancelled. …",
 *                                   "The check could not run: …", "The check itself failed: …"
 *     list "Rules" → listitem       one per lesson rule, in lesson order
 *       button "<rule-id> <status>" e.g. "uses-env-port failed", aria-expanded; status words: passed, failed,
 *                                   your code crashed, never started, timed out, the check itself failed,
 *                                   not run, (while running: checking…, waiting — not buttons)
 *       button "server.js:9"        file:line of the cause: opens the file's tab and reveals the line
 *       button "Copy the curl command", button "Show a hint" / "Show the next hint"
 *     link    "Next lesson: <title> →"   after every rule passed
 *     button  "Close check results"  hides the panel (Run and Restart also bring the preview back)
 *   Monaco marks the blamed line with an error marker (`.squiggly-error`).
 */
import { expect, type Page } from '@playwright/test';
import { editorText } from './playground-steps.ts';

export const checkButton = (page: Page) => page.getByRole('button', { name: 'Check', exact: true });
export const cancelButton = (page: Page) => page.getByRole('button', { name: 'Cancel check' });
export const checkResults = (page: Page) => page.getByRole('region', { name: 'Check results' });
export const checkSummary = (page: Page) => page.locator('#check-summary');
export const ruleButton = (page: Page, id: string, status: string) => checkResults(page).getByRole('button', { name: `${id} ${status}`, exact: true });
export const runStatus = (page: Page) => page.getByRole('group', { name: 'Run your program' }).getByRole('status');

/**
 * Replaces `text` in the open file with `replacement` through Monaco's replace widget, whose input
 * is a plain text box: unlike typing into the editor, brackets and quotes are not auto-closed.
 */
export async function replaceExactly(page: Page, text: string, replacement: string): Promise<void> {
  await editorText(page).click();
  await page.keyboard.press('ControlOrMeta+H');
  const find = page.getByRole('textbox', { name: 'Find' });
  await expect(find).toBeFocused();
  await find.fill(text);
  await expect(page.locator('.find-widget .matchesCount')).toHaveText(/^1 of 1$/);
  await page.getByRole('textbox', { name: 'Replace' }).fill(replacement);
  await page.keyboard.press('ControlOrMeta+Alt+Enter'); // Replace All
  await page.keyboard.press('Escape');
}
