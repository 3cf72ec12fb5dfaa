/**
 * axe-core over the whole workbench, in the light and the dark theme (the system's, as a learner's
 * browser reports it): no serious or critical violation at load, while the server runs, and after
 * Check with its results open. The preview frame is the learner's own page and is left out.
 */
import { expect, test } from '@playwright/test';
import { checkButton, checkSummary, runStatus } from './check-steps.ts';
import { openLesson, runButton } from './playground-steps.ts';
import { seriousViolations } from './workbench-steps.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`learner with a ${colorScheme} system theme meets no serious accessibility problem at load, running and after Check`, async ({ page }) => {
      test.setTimeout(120_000);
      await openLesson(page, 'take-the-port');
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      // The terminal's intro line is part of what is checked; wait until xterm has drawn it.
      await expect(page.locator('.xterm-rows').first()).toContainText('What Run starts shows here');
      expect(await seriousViolations(page), 'at load').toEqual([]);

      await runButton(page).click();
      await expect(runStatus(page)).toHaveText(/^Running · PORT \d+$/, { timeout: 30_000 });
      expect(await seriousViolations(page), 'while running').toEqual([]);

      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      await expect(runStatus(page)).toHaveText(/^(Stopped|Exited with code -?\d+)$/, { timeout: 30_000 });
      await checkButton(page).click();
      await expect(checkSummary(page)).toHaveText(/^0 of 3 rules pass\./, { timeout: 60_000 });
      expect(await seriousViolations(page), 'after Check').toEqual([]);
    });
  });
}
