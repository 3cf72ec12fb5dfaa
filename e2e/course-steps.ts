/**
 * Steps of the course suite (e2e/course-*.spec.ts): a learner runs a lesson, checks it, loads the
 * solution and runs it again. Every wait is on a state the UI shows, never on a clock.
 */
import { expect, type Page } from '@playwright/test';
import { checkButton, checkResults, checkSummary, runStatus } from './check-steps.ts';
import { listening, runButton } from './playground-steps.ts';

/** How long one Check of a whole lesson may take on a busy 2-core machine (the capstone has 9 rules). */
export const CHECK_TIMEOUT_MS = 60_000;

/** The run status once Run, Stop or Restart has finished what it was doing. */
const SETTLED_RUN = /^(Running · PORT \d+|Exited with code -?\d+|Stopped|Not running|Could not start)$/;

/** Starts the learner's files afresh: Stop what runs, then Run, so the click cannot meet a busy button. */
export async function runFromScratch(page: Page): Promise<void> {
  await expect(runStatus(page)).toHaveText(SETTLED_RUN, { timeout: 30_000 });
  if ((await runStatus(page).textContent())?.startsWith('Running')) {
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(runStatus(page)).toHaveText(/^(Stopped|Exited with code -?\d+)$/, { timeout: 30_000 });
  }
  await expect(runButton(page)).toBeEnabled();
  await runButton(page).click();
  await expect(runStatus(page)).toHaveText(/^(Running · PORT \d+|Exited with code -?\d+|Could not start)$/, { timeout: 30_000 });
}

/** The "Show solution" action and its confirmation. */
export async function showSolution(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Show solution' }).click();
  await page.getByRole('dialog', { name: 'Replace your code with the solution?' }).getByRole('button', { name: 'Show solution' }).click();
  await expect(page.getByText('The editor shows the solution.')).toBeVisible();
}

/** Presses Check and waits until the harness is done; returns the summary the screen reader hears. */
export async function checkAndWait(page: Page): Promise<string> {
  await expect(checkButton(page)).toBeEnabled({ timeout: 30_000 });
  // Closing the last results first means the summary read below can only be this check's.
  const close = page.getByRole('button', { name: 'Close check results' });
  if (await close.isVisible()) await close.click();
  await expect(checkSummary(page)).toHaveCount(0);
  await checkButton(page).click();
  const finished = /^(\d+ of \d+ rules? pass(es)?\.|All \d+ rules pass\.|The rule passes\.|The check could not run|The check itself failed|Check cancelled)/;
  await expect(checkSummary(page)).toHaveText(finished, { timeout: CHECK_TIMEOUT_MS });
  await expect(checkButton(page)).toBeEnabled();
  return (await checkSummary(page).textContent()) ?? '';
}

/** Each rule's status words in the results ("passed", "failed", "never started", "not run", …). */
export async function ruleStatuses(page: Page, ids: readonly string[]): Promise<Map<string, string>> {
  const rules = checkResults(page).getByRole('list', { name: 'Rules' });
  await expect(rules.getByRole('listitem')).toHaveCount(ids.length);
  const statuses = new Map<string, string>();
  for (const id of ids) {
    const status = rules.locator(`li[data-rule="${id}"] .check-rule__status`);
    statuses.set(id, ((await status.textContent()) ?? '').trim());
  }
  return statuses;
}

/** The summary a completed lesson announces (summaryText in app/check/check-words.ts). */
export function completeSummary(ruleCount: number): string {
  return ruleCount === 1 ? 'The rule passes. Lesson complete.' : `All ${ruleCount} rules pass. Lesson complete.`;
}

/** Literal ports the starter's code names (e.g. its hardcoded 3000) among the lesson's named ports. */
export function hardcodedPorts(namedPorts: readonly number[], files: Record<string, string>): number[] {
  const code = Object.values(files).join('\n');
  return namedPorts.filter((port) => new RegExp(`\\b${port}\\b`).test(code));
}

/**
 * A starter that hardcodes a port only fails the way its lesson says when that port is free;
 * the previous lesson's processes may still be on their way out.
 */
export async function waitUntilFree(ports: readonly number[]): Promise<void> {
  for (const port of ports) {
    await expect.poll(() => listening(port), { message: `port ${port} (hardcoded in the starter) to be free`, timeout: 30_000 }).toBe(false);
  }
}
