import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { launchPlan } from './launch.mjs';

const everything = { nodeOptionsPreload: true, cliPreload: true, processGroups: true, shell: true, proc: true };
const webcontainer = { ...everything, nodeOptionsPreload: false, processGroups: false, shell: false, proc: false };
const workspace = mkdtempSync(join(tmpdir(), 'portside-launch-test-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

function plan(command: string, has: Record<string, boolean>, pkg?: Record<string, unknown>) {
  const ctx = { command, capabilities: { has }, baseEnv: { PATH: '/usr/bin' }, packageJson: { value: pkg }, cwd: workspace, observerPath: '/ws/.portside/observer.cjs' };
  return launchPlan(ctx, { env: { PORT: '41873' }, unset: [], logFile: '/tmp/log.jsonl' });
}

describe('node commands', () => {
  test('load the observer on the command line, and through NODE_OPTIONS where it is honoured', () => {
    const [step] = plan('node --inspect server.js', everything);
    expect(step?.file).toBe(process.execPath);
    expect(step?.args).toEqual(['--require', '/ws/.portside/observer.cjs', '--inspect', 'server.js']);
    expect(step?.env.NODE_OPTIONS).toBe('--require /ws/.portside/observer.cjs');
    expect(step?.env).toMatchObject({ PORT: '41873', PORTSIDE_OBSERVER_LOG: '/tmp/log.jsonl', PORTSIDE_HARNESS_PID: String(process.pid) });
  });

  test('without a NODE_OPTIONS preload, the command line carries the observer alone', () => {
    const [step] = plan('node server.js', webcontainer);
    expect(step?.args).toEqual(['--require', '/ws/.portside/observer.cjs', 'server.js']);
    expect(step?.env.NODE_OPTIONS).toBeUndefined();
  });

  test("the line's own assignments win over the check's variables", () => {
    expect(plan('PORT=3000 node server.js', everything)[0]?.env.PORT).toBe('3000');
  });
});

describe('npm scripts, run as npm would', () => {
  const pkg = { name: 'orders', version: '1.2.3', scripts: { prestart: 'node build.js', start: 'node server.js', build: 'node a.js && node b.js' } };

  test('pre and post scripts are steps of their own, each with its lifecycle event', () => {
    const steps = plan('npm start', webcontainer, pkg);
    expect(steps.map((s) => [s.event, s.args.at(-1)])).toEqual([['prestart', 'build.js'], ['start', 'server.js']]);
    expect(steps[1]?.env).toMatchObject({ npm_lifecycle_event: 'start', npm_lifecycle_script: 'node server.js', npm_package_name: 'orders', npm_package_version: '1.2.3', npm_command: 'start', npm_config_local_prefix: workspace, INIT_CWD: workspace });
    expect(steps[1]?.env.npm_config_user_agent).toMatch(/^npm\/\S+ node\/v\d+/);
    expect(steps[1]?.env.PATH?.split(':')[0]).toBe(join(workspace, 'node_modules', '.bin'));
    expect(steps[0]?.env.npm_lifecycle_event).toBe('prestart');
  });

  test('arguments after -- reach the script', () => {
    expect(plan('npm start -- --verbose', everything, pkg).at(-1)?.args.slice(-2)).toEqual(['server.js', '--verbose']);
  });

  test('a script that needs a shell runs with /bin/sh, or by npm itself where there is none', () => {
    const withShell = plan('npm run build', everything, pkg);
    expect(withShell.map((s) => [s.file, ...s.args])).toEqual([['/bin/sh', '-c', 'node a.js && node b.js']]);
    const withoutShell = plan('npm run build', webcontainer, pkg);
    expect(withoutShell.map((s) => [s.file, ...s.args])).toEqual([['npm', 'run', 'build']]);
  });

  test('a node script in node_modules/.bin runs with our node and the observer', () => {
    const bin = join(workspace, 'node_modules', 'tool', 'cli.js');
    mkdirSync(join(workspace, 'node_modules', '.bin'), { recursive: true });
    mkdirSync(join(workspace, 'node_modules', 'tool'), { recursive: true });
    writeFileSync(bin, '#!/usr/bin/env node\nconsole.log("hi")\n');
    chmodSync(bin, 0o755);
    symlinkSync('../tool/cli.js', join(workspace, 'node_modules', '.bin', 'tool'));
    const [step] = plan('npm start', webcontainer, { scripts: { start: 'tool --port 8080 app.js' } });
    expect(step?.file).toBe(process.execPath);
    expect(step?.args).toEqual(['--require', '/ws/.portside/observer.cjs', bin, '--port', '8080', 'app.js']);
  });
});

describe('command lines with shell constructs', () => {
  test('run with /bin/sh where it exists', () => {
    expect(plan('node a.js | tee log', everything).map((s) => [s.file, ...s.args])).toEqual([['/bin/sh', '-c', 'node a.js | tee log']]);
  });

  test('cannot run without one, and the error names the construct', () => {
    expect(() => plan('node a.js | tee log', webcontainer)).toThrow(/no \/bin\/sh.*a pipe \(`\|`\)/);
  });
});
