/**
 * A learner on lesson 1 turns on "Restart on save" in the run's environment panel, edits the
 * reply of their running server and presses Ctrl+S (twice, as people do): the Run restarts once
 * and the preview shows the new reply. The choice is still on after a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { runStatus } from './check-steps.ts';
import { showSolution } from './course-steps.ts';
import { editorText, openLesson, preview, replaceInEditor, restartButton, runButton } from './playground-steps.ts';
import { runOutputPanel } from './shell-steps.ts';

const environment = (page: Page) => page.locator('summary', { hasText: /^Environment/ });
const restartOnSave = (page: Page) => page.getByRole('group', { name: 'Run environment' }).getByRole('checkbox', { name: 'Restart on save' });

/** How many times Run started the server, from the `$` lines in Run's output (\s: xterm may use no-break spaces). */
async function starts(page: Page): Promise<number> {
  return ((await runOutputPanel(page).textContent()) ?? '').match(/\$\sPORT=\d+\snode\sserver\.js/g)?.length ?? 0;
}

test('learner turns on restart on save, edits the reply and sees the new reply in the preview', async ({ page }) => {
  await openLesson(page, 'your-program-is-the-server');
  await showSolution(page);
  await runButton(page).click();
  await expect(preview(page)).toContainText('Hello from my own server');

  await environment(page).click();
  await expect(restartOnSave(page)).not.toBeChecked(); // off by default
  await restartOnSave(page).check();
  await environment(page).click();
  await expect(environment(page)).toHaveText('Environment · restarts on save');

  await replaceInEditor(page, 'Hello from my own server', 'Ahoy from my edited server');
  await page.keyboard.press('ControlOrMeta+S');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(preview(page)).toContainText('Ahoy from my edited server');
  // Settled (not busy, running): the two saves made one restart, so two starts in all.
  await expect(runStatus(page)).toHaveText(/^Running · PORT \d+$/);
  await expect(restartButton(page)).toBeEnabled();
  expect(await starts(page)).toBe(2);

  await page.reload();
  await expect(editorText(page)).toContainText('Ahoy');
  await expect(environment(page)).toHaveText('Environment · restarts on save');
  await environment(page).click();
  await expect(restartOnSave(page)).toBeChecked();
});
