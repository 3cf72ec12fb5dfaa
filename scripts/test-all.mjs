#!/usr/bin/env node
// `npm test`: type-checks, then runs every suite (Vitest, then Playwright) even when one fails,
// and ends with one line of totals across all of them: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reports = mkdtempSync(join(tmpdir(), 'portside-test-'));
let passed = 0;
let failed = 0;
let skipped = 0;

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

if (run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) === 0) passed += 1; else failed += 1;
if (run('typecheck (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']) === 0) passed += 1; else failed += 1;
if (run('typecheck (probes, checkJs)', 'npx', ['tsc', '-p', 'tsconfig.probes.json', '--noEmit']) === 0) passed += 1; else failed += 1;
if (run('typecheck (contracts)', 'npx', ['tsc', '-p', 'tsconfig.contracts.json', '--noEmit']) === 0) passed += 1; else failed += 1;

const vitestReport = join(reports, 'vitest.json');
const vitestStatus = run('unit and server tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  if (vitestStatus !== 0 && report.numFailedTests === 0) failed += 1; // a suite failed to load
} else failed += 1;

const playwrightReport = join(reports, 'playwright.json');
const playwrightStatus = run('end-to-end tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
});
if (existsSync(playwrightReport)) {
  const { stats } = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
  if (playwrightStatus !== 0 && stats.unexpected === 0) failed += 1; // setup or web server failed
} else failed += 1;

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
