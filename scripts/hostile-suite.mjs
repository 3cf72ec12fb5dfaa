#!/usr/bin/env node
// `npm run test:hostile`: the attacks on the runner and grade (issue 11's findings, and what held
// before them), each a test that `npm test` also runs. This runs just those files and prints, per
// finding, how many attacks were tried, refused (the test passed) and leaked (it failed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Each finding, and the test files that attack it (a file belongs to one finding, so totals count each test once).
 * @type {[string, string[]][]}
 */
export const FINDINGS = [
  ['1. a stranger process asks for the runner token', ['server/http/login.test.ts', 'server/runner/runner-security.test.ts']],
  ['2. one request stops the server', ['server/http/request-edge.test.ts', 'server/runner/upgrade-guard.test.ts']],
  ['3, 5. a FIFO wedges a tab; a symlink flip races confinement', ['server/runner/handle-ops.test.ts', 'server/runner/stuck-operation.test.ts', 'server/runner/confine.test.ts', 'server/runner/runner-files.test.ts']],
  ['4. the preview dials the wrong socket', ['server/http/preview-dial.test.ts', 'server/http/preview.browser.test.ts']],
  ['6. processes escape, pile up or exhaust the server', ['server/sandbox/sandbox.test.ts', 'server/main.test.ts', 'server/runner/stdin-bound.test.ts', 'server/runner/exited-forgotten.test.ts', 'server/runner/soak.test.ts', 'server/runner/close-many.test.ts', 'server/sandbox/limits.test.ts', 'server/sandbox/cgroup.test.ts']],
  ['7. the app is framed by another site', ['server/http/app-server.test.ts']],
  ['8. a submission attacks the teacher', ['server/sandbox/harness-spawn.test.ts']],
];

export function hostileFiles() {
  return [...new Set(FINDINGS.flatMap(([, files]) => files))];
}

function main() {
  const missing = hostileFiles().filter((file) => !existsSync(file));
  if (missing.length > 0) {
    console.error(`hostile suite: these files are listed but missing: ${missing.join(', ')}`);
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'portside-hostile-'));
  const report = join(dir, 'vitest.json');
  spawnSync('npx', ['vitest', 'run', '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`, ...hostileFiles()], { stdio: 'inherit' });
  if (!existsSync(report)) {
    console.error('hostile suite: vitest wrote no report');
    process.exit(1);
  }
  const results = JSON.parse(readFileSync(report, 'utf8')).testResults;
  rmSync(dir, { recursive: true, force: true });
  const byFile = new Map(results.map((r) => [r.name.slice(process.cwd().length + 1), r.assertionResults]));
  let tried = 0;
  let leaked = 0;
  console.log('\nfinding | attacks tried | refused | leaked');
  for (const [finding, files] of FINDINGS) {
    const tests = files.flatMap((file) => byFile.get(file) ?? []).filter((t) => t.status !== 'skipped' && t.status !== 'pending');
    const failed = tests.filter((t) => t.status !== 'passed').length;
    tried += tests.length;
    leaked += failed;
    console.log(`${finding} | ${tests.length} | ${tests.length - failed} | ${failed}`);
  }
  console.log(`\n${tried} attacks tried, ${tried - leaked} refused, ${leaked} leaked`);
  process.exit(leaked === 0 ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
