/**
 * Steps a learner takes in the playground, shared by the playground-*.spec.ts stories.
 * Editing goes through the real keyboard: Monaco's find widget selects the text to change,
 * and the replacement is typed over the selection (without brackets, which Monaco would close).
 */
import { connect } from 'node:net';
import { expect, type Page } from '@playwright/test';
import { withSecret } from './login.ts';

export const preview = (page: Page) => page.frameLocator('[title="Preview"]').locator('body');
export const editorText = (page: Page) => page.locator('.monaco-editor .view-lines');
export const terminal = (page: Page) => page.getByRole('region', { name: 'Terminal' });
export const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
export const restartButton = (page: Page) => page.getByRole('button', { name: 'Restart', exact: true });

/** Opens a lesson and waits for the editor and the runtime, as a learner would before pressing Run. */
export async function openLesson(page: Page, id: string): Promise<void> {
  await page.goto(withSecret(`/#/${id}`));
  await expect(page.getByText('Runtime: local (Node on this computer)')).toBeVisible();
  await expect(editorText(page)).toBeVisible({ timeout: 30_000 });
  await expect(runButton(page)).toBeEnabled({ timeout: 30_000 });
}

/** Finds `text` in the open file and types `replacement` over it. */
export async function replaceInEditor(page: Page, text: string, replacement: string): Promise<void> {
  await editorText(page).click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ControlOrMeta+F');
  const find = page.getByRole('textbox', { name: 'Find' });
  await expect(find).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  await expect(page.locator('.find-widget .matchesCount')).toHaveText(/^1 of 1$/);
  await page.keyboard.press('Escape');
  await page.keyboard.type(replacement);
  await page.keyboard.press('Escape'); // closes a suggestion list, if one opened
  await expect(editorText(page)).toContainText(replacement.split(' ')[0] ?? replacement);
}

/** The port the preview points at, read from its address bar's port chip ("port 41873"). */
export async function previewPort(page: Page): Promise<number> {
  const chip = page.getByTitle('The port in PORT, where the preview connects');
  await expect(chip).toHaveText(/^port \d+$/);
  return Number((await chip.textContent())?.replace('port ', ''));
}

/** Whether something accepts connections on this loopback port right now. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
