/**
 * The learner's side of the preview bench, in real Chromium: open a lesson, load its solution
 * through the UI, then press Run and time it until the preview shows the response, and Stop.
 *
 * Timing is taken inside the page with performance.now(): from the Run button's click event
 * (a capturing listener on document, so before React handles it) to the preview iframe's load
 * event. Node then confirms the frame really shows the expected text, and also reports its own
 * wall clock from calling click() to seeing that text (this adds Playwright's round trips).
 */
import type { Page } from '@playwright/test';

export interface TimedRun {
  /** Click event → preview iframe load event, in the page. */
  inPageMs: number;
  /** click() called → expected text seen in the frame, wall clock in Node. */
  wallMs: number;
  /** How often the preview frame loaded before the text was seen; 1 unless it first showed something else. */
  frameLoads: number;
}

interface Marks {
  runClicks: number[];
  previewLoads: number[];
}

const LIMIT_MS = 15_000;
const PREVIEW_URL = /^http:\/\/\d+(\.[0-9a-f]+)?\.localhost[:/]/;

/**
 * Installed before the app's own scripts. A string, not a function: tsx's esbuild wraps named
 * inner functions in a `__name` helper that does not exist in the page.
 * Load events do not bubble, but a capturing listener on document still sees the iframe's.
 */
const RECORD_MARKS = `
  window.__benchMarks = { runClicks: [], previewLoads: [] };
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && button.textContent.trim() === 'Run') window.__benchMarks.runClicks.push(performance.now());
  }, true);
  document.addEventListener('load', (event) => {
    if (event.target instanceof HTMLIFrameElement && event.target.title === 'Preview') window.__benchMarks.previewLoads.push(performance.now());
  }, true);
`;

const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true, disabled: false });
const stopButton = (page: Page) => page.getByRole('button', { name: 'Stop', exact: true, disabled: false });
const runStatus = (page: Page) => page.getByRole('group', { name: 'Run your program' }).getByRole('status');

/** Opens the lesson on the local runtime and replaces the starter with the solution, as a learner would. */
export async function openWithSolution(page: Page, baseUrl: string, lessonId: string): Promise<void> {
  await page.addInitScript({ content: RECORD_MARKS });
  await page.goto(`${baseUrl}#/${lessonId}`);
  await page.getByText('Runtime: local (Node on this computer)').waitFor();
  await runButton(page).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Show solution' }).first().click();
  await page.getByRole('dialog', { name: 'Replace your code with the solution?' }).getByRole('button', { name: 'Show solution' }).click();
  // Measure a learner who has the editor in front of them, not Monaco still loading beside the run.
  await page.locator('.monaco-editor .view-lines').filter({ hasText: 'listen' }).waitFor({ timeout: 60_000 });
}

/** Presses Run, waits until the preview shows `expected`, then Stops and waits until stopped. */
export async function timeRun(page: Page, expected: string): Promise<TimedRun> {
  await page.evaluate(() => {
    const marks = (window as unknown as { __benchMarks: Marks }).__benchMarks;
    marks.runClicks.length = 0;
    marks.previewLoads.length = 0;
  });
  const run = runButton(page);
  await run.waitFor();
  const started = performance.now();
  await run.click();
  await previewShows(page, expected);
  const wallMs = performance.now() - started;
  const marks = await page.waitForFunction(() => {
    const { runClicks, previewLoads } = (window as unknown as { __benchMarks: Marks }).__benchMarks;
    return runClicks.length > 0 && previewLoads.length > 0 ? { runClicks, previewLoads } : null;
  }, undefined, { timeout: LIMIT_MS });
  const { runClicks, previewLoads } = (await marks.jsonValue()) as Marks;
  await stopButton(page).click();
  await runStatus(page).filter({ hasText: /^Stopped$/ }).waitFor({ timeout: LIMIT_MS });
  // The next run must not find this run's frame still showing the text.
  await page.locator('iframe[title="Preview"]').waitFor({ state: 'detached', timeout: LIMIT_MS });
  return { inPageMs: previewLoads.at(-1)! - runClicks[0]!, wallMs, frameLoads: previewLoads.length };
}

/** Polls the preview frame's text every 5 ms (each poll is one cheap evaluate in the frame). */
async function previewShows(page: Page, expected: string): Promise<void> {
  const deadline = performance.now() + LIMIT_MS;
  let seen = '(no preview frame)';
  while (performance.now() < deadline) {
    const frame = page.frames().find((f) => PREVIEW_URL.test(f.url()));
    if (frame) {
      seen = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => seen);
      if (seen.includes(expected)) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const status = await runStatus(page).textContent().catch(() => '?');
  throw new Error(`the preview did not show "${expected}" within ${LIMIT_MS / 1000} s (run status: ${status}; preview: ${seen.slice(0, 200)})`);
}
