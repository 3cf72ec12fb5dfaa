/**
 * The built app served by a real in-process playground (local runner attached, random free
 * port) and a real Chromium to open it. Both are always closed, and the runner's learner
 * processes are killed even if the bench process exits abruptly.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { startAppServer } from '../server/http/app-server.ts';
import { staticApp } from '../server/http/static-app.ts';
import { REPO_ROOT } from '../server/grade/probe-files.ts';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/** The same flags as playwright.config.ts. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface ServedApp {
  /** The address a learner opens, with the login secret: http://127.0.0.1:41234/?secret=… (paths go after it as #/lesson). */
  url: string;
  browser: Browser;
}

export async function withServedApp<T>(distDir: string, use: (app: ServedApp) => Promise<T>): Promise<T> {
  const playground = await startAppServer({ host: '127.0.0.1', port: 0, root: REPO_ROOT, app: ({ token }) => staticApp(distDir, token) });
  const killLearnerProcesses = () => playground.runner.killAllSync();
  process.once('exit', killLearnerProcesses);
  let browser: Browser | null = null;
  try {
    const executablePath = process.env.PORTSIDE_CHROMIUM ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    return await use({ url: playground.loginUrl, browser });
  } finally {
    await browser?.close();
    await playground.close();
    process.off('exit', killLearnerProcesses);
  }
}
