/**
 * The port map, live. On lesson 10's starter (a hardcoded 3000 behind the router) it lists each
 * process with the PORT it was given and the socket it really holds: instance 1 was given its
 * own PORT but holds 3000, and instance 2 found 3000 in use — held by instance 1. A server the
 * learner starts in the shell shows up there too.
 */
import { expect, test } from '@playwright/test';
import { openLesson, runButton } from './playground-steps.ts';
import { waitUntilFree } from './course-steps.ts';
import { freePort, openShell, typeInShell } from './shell-steps.ts';

const portMap = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Port map' });

test("learner runs lesson 10's starter and reads in the port map who holds port 3000", async ({ page }) => {
  await openLesson(page, 'behind-the-router');
  await waitUntilFree([3000]);
  await runButton(page).click();

  /** The map's entry for one process, by its name. */
  const row = (name: string) => portMap(page).getByRole('listitem').filter({ has: page.locator('strong', { hasText: new RegExp(`^${name}$`) }) });
  const first = row('instance 1');
  await expect(first).toContainText(/PORT=\d+/);
  await expect(first).toContainText(/TCP \S+:3000/);
  await expect(first).toContainText(/It was given PORT=\d+ but does not listen there/);
  await expect(row('instance 2')).toContainText('Address in use: port 3000 is held by instance 1.');
  await expect(row('router')).toContainText('preview reaches it');
  await page.getByRole('button', { name: 'Stop', exact: true }).click();

  const port = await freePort();
  await openShell(page);
  await typeInShell(page, `PORT=${port} node -e "require('http').createServer((q, s) => s.end('x')).listen(process.env.PORT, '0.0.0.0')"`);
  await expect(row('the shell')).toContainText(`TCP 0.0.0.0:${port}`);
  await page.keyboard.press('Control+C');
  await expect(row('the shell')).toHaveCount(0);
});
