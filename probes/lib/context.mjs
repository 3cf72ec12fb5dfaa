// What every rule gets: the config, the workspace's static analysis, a port allocator, a clean
// base environment, and one registry of everything started so teardown can stop it all.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entryFile } from './command.mjs';
import { isAlive, PortAllocator } from './ports.mjs';
import { analyzeWorkspace } from './static-analysis.mjs';
import { readPackageJson, readSources } from './workspace.mjs';

/** Variables a check sets itself per run; inherited values would make runs lie. */
const CHECK_SET = ['PORT', 'HOST', 'PORTSIDE_OBSERVER_LOG', 'PORTSIDE_HARNESS_PID', 'PORTSIDE_SANDBOX_PROFILE'];

/**
 * @param {{ config: ReturnType<typeof import('../check-config.mjs').readCheckConfig>, cwd: string, acorn: any, observerPath: string, capabilities: import('./capabilities.mjs').Capabilities }} options
 */
export function createContext({ config, cwd, acorn, observerPath, capabilities }) {
  const sources = readSources(cwd);
  const packageJson = readPackageJson(cwd);
  const analysis = analyzeWorkspace(acorn, sources, { entry: entryFile(config.command, packageJson.value), packageType: packageJson.value?.type });
  const baseEnv = { ...process.env };
  const upstreamEnv = typeof config.probe.upstreamEnv === 'string' ? [config.probe.upstreamEnv] : [];
  for (const name of [...CHECK_SET, ...upstreamEnv]) delete baseEnv[name];
  const controller = new AbortController();
  const resources = new Set();
  const tmpDir = makeTempDir(cwd);
  const ports = new PortAllocator([...config.avoidPorts, ...analysis.numbers, config.probe.defaultPort].filter(Number.isInteger));

  return {
    cwd,
    config,
    command: config.command,
    probe: config.probe,
    readyTimeoutMs: Math.round(config.probe.readyTimeoutMs * config.timeoutScale),
    /**
     * A rule's fixed window ("exit within 3 s") stretched by check.json's timeoutScale.
     * @param {number} ms
     */
    scaled: (ms) => Math.round(ms * config.timeoutScale),
    sources,
    packageJson,
    analysis,
    baseEnv,
    observerPath,
    /** What this runtime supports (capabilities.mjs); the mechanisms choose from it. */
    capabilities,
    tmpDir,
    ports,
    signal: controller.signal,
    /** Stops every wait in progress; used on cancel and when the server never started. */
    abort: () => controller.abort(),
    /** Registers anything with a `stop()` (runs, stub servers, blockers) for teardown. */
    track: (resource) => resources.add(resource),
    async teardown() {
      await Promise.allSettled([...resources].map((resource) => resource.stop()));
      ports.releaseAll();
      rmSync(tmpDir, { recursive: true, force: true });
    },
  };
}

/**
 * Observer logs go to the system temp folder, or inside .portside/ where there is none. The
 * folder names its owner, so a later check can remove the folders of harnesses that were killed
 * before they could clean up.
 */
function makeTempDir(cwd) {
  let dir;
  try {
    sweepOrphans(tmpdir());
    dir = mkdtempSync(join(tmpdir(), 'portside-check-'));
  } catch {
    dir = mkdtempSync(join(cwd, '.portside', 'tmp-'));
  }
  writeFileSync(join(dir, 'owner'), String(process.pid));
  return dir;
}

function sweepOrphans(root) {
  for (const name of readdirSync(root)) {
    if (!name.startsWith('portside-check-')) continue;
    try {
      const owner = Number(readFileSync(join(root, name, 'owner'), 'utf8'));
      if (!isAlive(owner)) rmSync(join(root, name), { recursive: true, force: true });
    } catch {
      // No owner file yet (being created), or not ours to touch.
    }
  }
}
