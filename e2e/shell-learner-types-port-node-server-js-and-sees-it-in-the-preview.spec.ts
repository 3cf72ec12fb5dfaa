/**
 * A learner opens lesson 1 with its solution and, instead of pressing Run, starts the server
 * themselves in the Shell tab: `PORT=<port> node server.js`, the very line Run prints. The shell
 * is real: `$PORT` expands, history brings the line back, Ctrl+C stops the server, and the
 * terminal size follows the window. Their server appears in the preview like one started by Run.
 */
import { expect, test } from '@playwright/test';
import { openLesson, preview, previewPort } from './playground-steps.ts';
import { freePort, openShell, shellPanel, typeInShell } from './shell-steps.ts';

test('learner types PORT=<port> node server.js in the shell and sees it in the preview', async ({ page }) => {
  await openLesson(page, 'your-program-is-the-server');
  await page.getByRole('button', { name: 'Show solution' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Show solution' }).click();

  await openShell(page);
  await typeInShell(page, 'GREETING=ahoy; echo "[$GREETING] [${PORT:-PORT is unset}]"');
  await expect(shellPanel(page)).toContainText('[ahoy] [PORT is unset]');

  const port = await freePort();
  await typeInShell(page, `PORT=${port} node server.js`);
  await expect(shellPanel(page)).toContainText(`listening on port ${port}`);
  await expect(preview(page)).toContainText('Hello from my own server');
  expect(await previewPort(page)).toBe(port);
  await expect(page.getByText('Started from the shell')).toBeVisible();

  // Ctrl+C reaches the foreground program through the pseudo-terminal; the shell stays.
  await page.keyboard.press('Control+C');
  await expect(page.getByText('Nothing running yet')).toBeVisible();
  await typeInShell(page, 'echo "status:$?"');
  await expect(shellPanel(page)).toContainText('status:130');

  // History is the shell's own: Up twice is the server line again.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(preview(page)).toContainText('Hello from my own server');
  await page.keyboard.press('Control+C');

  // The pseudo-terminal has the pane's size, and follows it.
  await typeInShell(page, 'clear; echo "size:$(stty size)"');
  await expect(shellPanel(page)).toContainText(/size:\d+ \d+/);
  const before = /size:(\d+ \d+)/.exec((await shellPanel(page).textContent()) ?? '')?.[1];
  // Still wide enough for the side-by-side workbench (below 960 px the Output view takes turns).
  await page.setViewportSize({ width: 1100, height: 640 });
  await typeInShell(page, 'clear; echo "size:$(stty size)"');
  await expect(shellPanel(page)).toContainText(/size:\d+ \d+/);
  await expect.poll(async () => /size:(\d+ \d+)/.exec((await shellPanel(page).textContent()) ?? '')?.[1]).not.toBe(before);

  // Tab is the shell's (completion); Escape, then Tab, lets a keyboard user move on.
  const input = page.getByRole('textbox', { name: 'Shell input' });
  await expect(input).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(input).not.toBeFocused();
});
