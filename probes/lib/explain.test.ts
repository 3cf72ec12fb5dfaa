import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { listenErrors } from './explain.mjs';
import { summarize } from './observer-log.mjs';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** An observer log with one listen() on `port` that bound, or failed with EADDRINUSE. */
function log(port: number, bound: boolean) {
  const events = [{ event: 'start', pid: 1 }, { event: 'listen', pid: 1, id: 1, kind: 'http', port }, bound ? { event: 'listening', pid: 1, id: 1, port, address: '::' } : { event: 'error', pid: 1, id: 1, code: 'EADDRINUSE', message: 'in use' }];
  return events.map((e) => JSON.stringify(e)).join('\n') + '\n';
}

describe('who held a taken port', () => {
  test("names another copy of the learner's server when one of the check's runs held it, another program otherwise", () => {
    const dir = mkdtempSync(join(tmpdir(), 'explain-test-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'instance-1.jsonl'), log(4321, true));
    writeFileSync(join(dir, 'instance-2.jsonl'), log(4321, false));
    const run = { logFile: join(dir, 'instance-2.jsonl') };
    const failed = summarize(JSON.parse(`[${log(4321, false).trim().split('\n').join(',')}]`));
    expect(listenErrors(failed, { tmpDir: dir }, run)[0]).toMatch(/another copy of your server that the check was running/);
    const elsewhere = summarize(JSON.parse(`[${log(5555, false).trim().split('\n').join(',')}]`));
    expect(listenErrors(elsewhere, { tmpDir: dir }, run)[0]).toMatch(/in use by another program/);
  });
});
