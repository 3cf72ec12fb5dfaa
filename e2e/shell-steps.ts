/**
 * Steps for the shell and run-environment stories: the terminal's tabs, typing into the real
 * shell, and a free port to hand it (never a fixed one: other servers share this machine).
 */
import { createServer, type AddressInfo } from 'node:net';
import { expect, type Page } from '@playwright/test';

export const shellTab = (page: Page) => page.getByRole('tab', { name: 'Shell' });
export const runOutputTab = (page: Page) => page.getByRole('tab', { name: 'Run output' });
export const shellPanel = (page: Page) => page.getByRole('tabpanel', { name: 'Shell' });
export const runOutputPanel = (page: Page) => page.getByRole('tabpanel', { name: 'Run output' });

/** Opens the Shell tab and waits for bash's prompt (the workspace is HOME, so `~ $`). */
export async function openShell(page: Page): Promise<void> {
  await shellTab(page).click();
  await expect(shellPanel(page)).toContainText('~ $', { timeout: 30_000 });
}

/** Types a line into the shell as a learner would, and presses Enter. */
export async function typeInShell(page: Page, line: string): Promise<void> {
  await shellPanel(page).locator('.xterm').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
