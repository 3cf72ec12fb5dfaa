/**
 * A learner on a phone (390×844), and one reading at 200% zoom (≈ 640×400 CSS px): a tab bar
 * switches between the lesson, the code and the output; the lesson menu stays inside the screen;
 * after Check the results are on screen and have the focus, so the failure is read, not hunted for.
 * The line button of a result takes the learner back to the code. Every view keeps an h1 (axe's
 * page-has-heading-one). Names: e2e/workbench-steps.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { withSecret } from './login.ts';
import { checkButton, checkResults, checkSummary, runStatus } from './check-steps.ts';
import { listening, previewPort, runButton } from './playground-steps.ts';
import { expectNoSidewaysScroll, headingOneViolations, insideViewport, openLessonNarrow, seriousViolations, workbenchTab } from './workbench-steps.ts';

async function checkAndReadTheFailure(page: Page): Promise<void> {
  // The starter's literal 3000 must be free, or the check would see EADDRINUSE instead of a wrong port.
  await expect.poll(() => listening(3000), { timeout: 30_000 }).toBe(false);
  await checkButton(page).click();

  // The output view opens with the results in it, on screen and focused.
  await expect(workbenchTab(page, 'Output')).toHaveAttribute('aria-selected', 'true');
  const results = checkResults(page);
  await expect(checkSummary(page)).toHaveText(/^0 of 3 rules pass\. responds-http failed/, { timeout: 60_000 });
  await expect(results).toBeFocused();
  expect(await insideViewport(page, results.getByRole('button', { name: /^responds-http / }))).toBe(true);
  await expect(results.getByRole('button', { name: /^responds-http / })).toHaveAttribute('aria-expanded', 'true');
  await expectNoSidewaysScroll(page);
  expect(await seriousViolations(page), 'the results on a small screen').toEqual([]);
  expect(await headingOneViolations(page), 'the results on a small screen').toEqual([]);

  // The result's file:line opens the code at that line.
  await results.getByRole('button', { name: 'server.js:9' }).click();
  await expect(workbenchTab(page, 'Code')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.monaco-editor .line-numbers.active-line-number')).toHaveText('9');
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('learner on a phone switches between lesson, code and output, and checks lesson 2 and reads the failure', async ({ page }) => {
    await page.goto(withSecret('/#/take-the-port'));
    // The lesson shows first, and the editor is not 800 px down the page.
    await expect(page.getByRole('heading', { level: 1, name: 'Take the port from the environment' })).toBeVisible();
    await expectNoSidewaysScroll(page);
    expect(await headingOneViolations(page), 'the lesson view').toEqual([]);

    // The lesson menu opens inside the screen.
    await page.getByRole('button', { name: /^Lessons/ }).click();
    const nav = page.getByRole('navigation', { name: 'Lessons' });
    await expect(nav).toBeVisible();
    expect(await insideViewport(page, nav)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();

    await openLessonNarrow(page, 'take-the-port');
    const editorBox = await page.locator('.monaco-editor').boundingBox();
    expect(editorBox && editorBox.y).toBeLessThan(400);
    // The run's environment panel (with Restart on save) opens inside the screen too.
    const environment = page.locator('summary', { hasText: /^Environment/ });
    await environment.click();
    expect(await insideViewport(page, page.getByRole('group', { name: 'Run environment' }))).toBe(true);
    await environment.click();

    // The lesson's h1 is out of sight with its text, but the page still has one, named for the lesson.
    expect(await headingOneViolations(page), 'the code view').toEqual([]);
    await expect(page.getByRole('heading', { level: 1, name: 'Take the port from the environment' })).toHaveCount(1);

    // Run shows the output view with the server's answer.
    await runButton(page).click();
    await expect(workbenchTab(page, 'Output')).toHaveAttribute('aria-selected', 'true');
    await previewPort(page);
    expect(await headingOneViolations(page), 'the output view').toEqual([]);
    // The starter holds port 3000 while it runs; the check needs it free.
    await workbenchTab(page, 'Code').click();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(runStatus(page)).toHaveText(/^(Stopped|Exited with code -?\d+)$/, { timeout: 30_000 });

    await checkAndReadTheFailure(page);
  });
});

test.describe('at 200% zoom', () => {
  test.use({ viewport: { width: 640, height: 400 } });

  test('learner reading at 200% zoom checks lesson 2 and lands on the results', async ({ page }) => {
    await openLessonNarrow(page, 'take-the-port');
    await expectNoSidewaysScroll(page);
    await checkAndReadTheFailure(page);
  });
});
