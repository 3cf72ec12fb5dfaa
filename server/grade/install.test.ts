/**
 * `grade --install`, offline: submissions depend on a local `file:` package, so npm needs no
 * registry. The server imports it, so a pass proves npm installed it into the copy (grading
 * without --install cannot provide it). A broken dependency is that row's error, not the class's;
 * a relative one inside the folder is installed, one outside it is refused with the reason.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { gradeCli } from './grade-cli.test-helper.ts';
import { npmReason, packagesOutside } from './install.ts';

const scratch = mkdtempSync(join(tmpdir(), 'portside-install-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const dep = join(scratch, 'status-word');
mkdirSync(dep);
writeFileSync(join(dep, 'package.json'), JSON.stringify({ name: 'status-word', version: '1.0.0', type: 'module', main: 'index.js' }));
writeFileSync(join(dep, 'index.js'), "export const status = 'ok';\n");

const SERVER = `import http from 'node:http';
import { status } from 'status-word';
const server = http.createServer((request, response) => response.end(JSON.stringify({ service: 'orders', status })));
server.listen(Number(process.env.PORT));
`;

function submission(name: string, dependency: string): string {
  const dir = join(scratch, 'class', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module', dependencies: { 'status-word': dependency } }));
  writeFileSync(join(dir, 'server.js'), SERVER);
  return dir;
}

const unlocked = submission('unlocked', `file:${dep}`);
const locked = submission('locked', `file:${dep}`);
execFileSync('npm', ['install', '--package-lock-only', '--install-links', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: locked, stdio: 'ignore' });
// npm records a file: package relative to the project; grade installs in a copy elsewhere, so make it absolute.
const lock = JSON.parse(readFileSync(join(locked, 'package-lock.json'), 'utf8'));
lock.packages['node_modules/status-word'].resolved = `file:${dep}`;
writeFileSync(join(locked, 'package-lock.json'), JSON.stringify(lock));
const broken = submission('broken', `file:${join(scratch, 'no-such-package')}`);
// Relative: inside the folder it is copied along; outside it, the copy (and a clean checkout) lacks it.
const vendored = submission('vendored', 'file:./vendor/status-word');
mkdirSync(join(vendored, 'vendor'));
execFileSync('cp', ['-r', dep, join(vendored, 'vendor')]);
submission('outside', 'file:../../status-word');

const rowsOf = (stdout: string) => Object.fromEntries(stdout.trim().split('\n').map((line) => JSON.parse(line)).filter((r) => !r.summary).map((r) => [r.student, r]));

test('--install: npm install without a lockfile, npm ci with one; a failed install is that row\'s error', async () => {
  const { code, stdout, left } = await gradeCli(['take-the-port', join(scratch, 'class'), '--install', '--json', '--jobs', '3'], { scratch });
  const rows = rowsOf(stdout);
  expect(rows.unlocked).toMatchObject({ verdict: 'passed', points: 3, maxPoints: 3, notes: ['dependencies installed with npm install'] });
  expect(rows.locked, rows.locked.problem).toMatchObject({ verdict: 'passed', notes: ['dependencies installed with npm ci'] });
  expect(rows.broken).toMatchObject({ verdict: 'error', points: 0 });
  expect(rows.broken.problem).toMatch(/^npm install failed: .+/);
  expect(rows.vendored, rows.vendored.problem).toMatchObject({ verdict: 'passed', notes: ['dependencies installed with npm install'] });
  expect(rows.outside).toMatchObject({ verdict: 'error', points: 0 });
  expect(rows.outside.problem).toMatch(/^cannot install: package\.json takes status-word from file:\.\.\/\.\.\/status-word, outside the project folder/);
  expect(code).toBe(3);
  expect(left).toEqual([]);
}, 120_000);

test('without --install the same package is not available to the grader', async () => {
  const { stdout } = await gradeCli(['take-the-port', unlocked, '--json'], { scratch });
  expect(rowsOf(stdout).unlocked.problem).toMatch(/^not available to the grader: status-word/);
}, 60_000);

test.each([
  ['a relative file: leaving the folder', { dependencies: { a: 'file:../a' } }, undefined, ['package.json takes a from file:../a']],
  ['a bare relative path, in devDependencies', { devDependencies: { b: '../../b' } }, undefined, ['package.json takes b from ../../b']],
  ['paths that stay inside, after .. too', { dependencies: { c: 'file:vendor/c', d: './d', e: 'file:x/../e' } }, undefined, []],
  ['absolute paths and registry versions (npm finds those from the copy too)', { dependencies: { f: 'file:/srv/f', g: '^1.0.0', h: 'file:~/h' } }, undefined, []],
  ['a lockfile link to a folder outside', {}, { packages: { '': {}, 'node_modules/a': { resolved: '../a', link: true }, '../a': { version: '1.0.0' } } }, ['package-lock.json links ../a']],
  ['a lockfile copy resolved from outside', {}, { packages: { 'node_modules/a': { resolved: 'file:../a' } } }, ['package-lock.json resolves a from file:../a']],
  ['workspaces and registry packages in a lockfile', {}, { packages: { 'packages/w': {}, 'node_modules/w': { resolved: 'packages/w', link: true }, 'node_modules/x': { resolved: 'https://registry.npmjs.org/x/-/x-1.0.0.tgz' } } }, []],
  ['files that are not what npm writes', 'nonsense', [1, 2], []],
])('packagesOutside: %s', (_name, packageJson, lock, expected) => {
  expect(packagesOutside(packageJson, lock)).toEqual(expected);
});

test('npm\'s reason without its log footer', () => {
  expect(npmReason('npm error code ENOENT\nnpm error syscall open\nnpm error enoent Could not read package.json\nnpm error A complete log of this run can be found in: /x.log\n')).toBe('syscall open enoent Could not read package.json');
});
