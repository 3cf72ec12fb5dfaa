import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Debian's Chromium where it is installed (Playwright cannot download browsers here). */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const executablePath = process.env.PORTSIDE_CHROMIUM ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);

/** The playground under test listens here; a port no lesson and no default uses. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4791);

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
    env: { PORT: String(E2E_PORT), HOST: '127.0.0.1' },
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
