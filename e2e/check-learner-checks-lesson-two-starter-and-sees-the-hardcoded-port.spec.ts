/**
 * A learner presses Check on lesson 2's starter, which hardcodes port 3000. Every rule fails, the
 * results name the literal port and PORT, the line is marked in the editor, the summary is
 * announced, and the file:line button takes the learner to the line. Changing that line clears
 * the mark. Accessible names used here are listed in e2e/check-steps.ts.
 */
import { expect, test } from '@playwright/test';
import { checkButton, checkResults, checkSummary } from './check-steps.ts';
import { listening, openLesson, replaceInEditor } from './playground-steps.ts';

test("learner checks lesson 2's starter and sees the hardcoded port named with the line marked", async ({ page }) => {
  await openLesson(page, 'take-the-port');
  // The starter's literal 3000 must be free, or the check would see EADDRINUSE instead of a wrong port.
  await expect.poll(() => listening(3000), { message: 'port 3000 to be free for the starter', timeout: 30_000 }).toBe(false);

  await checkButton(page).click();

  const results = checkResults(page);
  // "…listened on 3000 instead of 41873." — or, should another program grab 3000 first, "…called listen(3000) — not port 41873 — … EADDRINUSE".
  await expect(checkSummary(page)).toHaveText(/^0 of 3 rules pass\. responds-http failed: With PORT=(\d+), your server (listened on 3000 instead of \1\.|called listen\(3000\) — not port \1 — )/);
  for (const id of ['responds-http', 'uses-env-port', 'no-hardcoded-port']) {
    await expect(results.getByRole('button', { name: new RegExp(`^${id} (failed|your code crashed)$`) })).toBeVisible();
  }
  await expect(results.getByRole('listitem')).toHaveCount(3);

  // The first failure is open: its transcript, the line it blames, and a hint.
  await expect(results.getByRole('button', { name: /^responds-http / })).toHaveAttribute('aria-expanded', 'true');
  await expect(results.getByLabel('What the check did for responds-http')).toContainText(/expected: listen\(\) on port \d+/);
  await expect(results.locator('.check-hint')).toContainText('passes the literal 3000 to listen(). Use process.env.PORT instead.');
  await expect(results.getByRole('button', { name: 'Show a hint' })).toBeVisible();

  // Monaco marks line 9, and the result's file:line shows it.
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached();
  await results.getByRole('button', { name: 'server.js:9' }).click();
  await expect(page.locator('.monaco-editor .line-numbers.active-line-number')).toHaveText('9');

  // Another rule opens on request, with its own message.
  await results.getByRole('button', { name: /^no-hardcoded-port / }).click();
  await expect(results.getByLabel('What the check did for no-hardcoded-port')).toContainText(/\$ PORT=\d+ node server\.js/);

  // Changing the marked line removes the mark: it would point at code that is no longer there.
  await replaceInEditor(page, '3000, ', 'process.env.PORT, ');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
});
