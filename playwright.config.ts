import { defineConfig, devices } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';

/** Debian's Chromium where it is installed (Playwright cannot download browsers here). */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const executablePath = process.env.PORTSIDE_CHROMIUM ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);

/** The playground under test listens here; a port no lesson and no default uses. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4791);

/**
 * The login secret of the server under test (e2e/login.ts puts it in the first URL). Random per
 * run; set in the environment here so the workers, which load this file again, inherit the same.
 */
process.env.PORTSIDE_E2E_SECRET ??= randomBytes(24).toString('base64url');

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'local', testIgnore: /webcontainer-real\.spec\.ts/ },
    // Opt-in: boots real WebContainers from StackBlitz, so it needs the internet. Without
    // E2E_WEBCONTAINER=1 its tests skip themselves with the reason, and are reported as skipped.
    { name: 'webcontainer', testMatch: /webcontainer-real\.spec\.ts/, timeout: 240_000 },
  ],
  webServer: {
    command: 'npm start',
    url: `http://127.0.0.1:${E2E_PORT}/healthz`,
    env: { PORT: String(E2E_PORT), HOST: '127.0.0.1', PORTSIDE_SECRET: process.env.PORTSIDE_E2E_SECRET },
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
