/**
 * Opens a page in a fresh browser context and records, on the page's own clock, when the editor
 * placeholder, the ready runtime and the Monaco editor first appear, and which scripts the page
 * fetched when (Resource Timing). The marks are taken by a MutationObserver installed before the
 * app's scripts, so a placeholder that Monaco replaces quickly is not missed.
 */
import type { Browser } from '@playwright/test';

export interface FirstScreen {
  placeholderAt: number;
  runtimeReadyAt: number;
  editorAt: number;
  /** Same-origin scripts as `assets/…` paths, with when their fetch started. */
  scripts: { file: string; startTime: number }[];
}

/** A string, not a function: tsx's esbuild adds a `__name` helper to functions that the page lacks. */
const RECORD_FIRST_SEEN = `
  window.__benchSeen = {};
  const marks = { placeholderAt: '.editor-placeholder', runtimeReadyAt: '.runtime-badge--ready', editorAt: '.monaco-editor' };
  new MutationObserver(() => {
    for (const [name, selector] of Object.entries(marks)) {
      if (window.__benchSeen[name] === undefined && document.querySelector(selector)) window.__benchSeen[name] = performance.now();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
`;

export async function firstScreen(browser: Browser, url: string): Promise<FirstScreen> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: RECORD_FIRST_SEEN });
    await page.goto(url, { waitUntil: 'commit' });
    const seen = await page.waitForFunction(
      () => {
        const marks = (window as unknown as { __benchSeen: Record<string, number> }).__benchSeen;
        return marks.placeholderAt !== undefined && marks.runtimeReadyAt !== undefined && marks.editorAt !== undefined ? marks : null;
      },
      undefined,
      { timeout: 60_000 },
    );
    const marks = (await seen.jsonValue()) as Omit<FirstScreen, 'scripts'>;
    const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ name: e.name, startTime: e.startTime })));
    const origin = new URL(url).origin;
    const scripts = entries
      .filter((e) => e.name.startsWith(origin) && new URL(e.name).pathname.endsWith('.js'))
      .map((e) => ({ file: new URL(e.name).pathname.slice(1), startTime: e.startTime }));
    return { ...marks, scripts };
  } finally {
    await context.close();
  }
}
