// What this runtime really supports, measured once and kept in the workspace
// (.portside/capabilities.json), so the harness picks its mechanisms from facts instead of
// assuming Linux: how to load the observer, how to stop a process tree, whether /proc and
// /bin/sh exist, whether a rule can be decided here at all (see rule-needs.mjs).
//
// PORTSIDE_SANDBOX_PROFILE=webcontainer takes away, on any machine, what a WebContainer may lack
// (process groups, /proc, /bin/sh, preloads through NODE_OPTIONS, a python3 that can serve), so
// the paths the harness takes there are tested here too. Every mechanism reads this record; none
// looks at the profile itself.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as probes from './capability-probes.mjs';

export const PROFILE_ENV = 'PORTSIDE_SANDBOX_PROFILE';
/** Where the record is kept, relative to the workspace root. */
export const CAPABILITIES_FILE = '.portside/capabilities.json';
const RECORD_VERSION = 1;
/** A record shared between workspaces on one machine (grading many folders) is re-measured after this. */
const SHARED_MAX_AGE_MS = 60 * 60 * 1000;

/** What each profile takes away. `native` takes nothing. */
export const PROFILES = {
  native: [],
  webcontainer: ['processGroups', 'proc', 'shell', 'nodeOptionsPreload', 'python3'],
};

/** Every capability, with what it means, for the report and the closing note. */
export const CAPABILITY_MEANINGS = {
  nodeOptionsPreload: 'node honours --require in NODE_OPTIONS (the observer then rides along into child processes and npm)',
  cliPreload: 'node honours --require on its command line (the observer for `node …`)',
  sigtermCatchable: 'a SIGTERM sent from another process reaches a handler in node (graceful-shutdown)',
  processGroups: 'a detached child gets its own process group and kill(-pid) signals all of it',
  signalZero: 'process.kill(pid, 0) tells whether a process exists',
  proc: '/proc has process and socket tables (listeners of programs that are not node)',
  shell: '/bin/sh exists (command lines and npm scripts with shell constructs)',
  python3: 'python3 exists and can listen on a TCP port',
  eaddrinuseAcrossHosts: 'binding 0.0.0.0 on a port taken on 127.0.0.1 fails with EADDRINUSE (port-in-use)',
  serverAddress: 'server.address() reports the real address and port (binds-host-from-env)',
  tcpLoopback: 'raw TCP between processes on 127.0.0.1 works (every server rule)',
  udpLoopback: 'UDP datagrams on 127.0.0.1 arrive',
};

/** @typedef {keyof typeof CAPABILITY_MEANINGS} CapabilityName */

/**
 * @typedef {object} Capabilities
 * @property {number} version
 * @property {string} profile
 * @property {string} node the node version measured
 * @property {string} platform
 * @property {Record<CapabilityName, boolean>} has
 * @property {Partial<Record<CapabilityName, string>>} why for each missing capability, why (measured, or taken away by the profile)
 * @property {unknown} [serverAddressReported] what server.address() said for a listen on 127.0.0.1
 * @property {number} measuredAt ms since the epoch
 * @property {number} durationMs how long measuring took
 */

/**
 * The profile asked for in `env`; throws on a name that is not a profile.
 * @param {Record<string, string | undefined>} env
 * @returns {keyof typeof PROFILES}
 */
export function profileFrom(env) {
  const name = env[PROFILE_ENV] || 'native';
  if (!Object.hasOwn(PROFILES, name)) throw new Error(`${PROFILE_ENV}=${name} is not a sandbox profile (known: ${Object.keys(PROFILES).join(', ')})`);
  return /** @type {keyof typeof PROFILES} */ (name);
}

/**
 * The record for this runtime: from the workspace when it matches, else from this machine's
 * shared copy when it is fresh, else measured now (and kept in both places).
 * @param {{ cwd: string, env?: Record<string, string | undefined>, fresh?: boolean }} options
 * @returns {Promise<Capabilities>}
 */
export async function loadCapabilities({ cwd, env = process.env, fresh = false }) {
  const profile = profileFrom(env);
  const own = join(cwd, CAPABILITIES_FILE);
  const shared = join(tmpdir(), `portside-capabilities-${profile}-${process.version}.json`);
  if (!fresh) {
    const kept = readRecord(own, profile, Infinity) ?? readRecord(shared, profile, SHARED_MAX_AGE_MS);
    if (kept) {
      keep(own, kept);
      return kept;
    }
  }
  const record = await measureCapabilities(profile, env, join(cwd, '.portside'));
  keep(own, record);
  keep(shared, record);
  return record;
}

/**
 * Measures every capability (in parallel), then takes away what the profile removes.
 * @param {keyof typeof PROFILES} profile
 * @param {Record<string, string | undefined>} env
 * @param {string} [fallbackDir] for scratch files where the system temp folder is unusable
 * @returns {Promise<Capabilities>}
 */
export async function measureCapabilities(profile, env = process.env, fallbackDir = tmpdir()) {
  const started = Date.now();
  const removed = new Set(PROFILES[profile]);
  const scratch = scratchDir(fallbackDir);
  const childEnv = { ...env };
  delete childEnv.NODE_OPTIONS; // measure node itself, not whatever the caller preloads
  try {
    const preload = probes.writePreload(scratch);
    const notTried = Promise.resolve({ ok: false, note: 'not tried' });
    const [nodeOptions, signals, python, sockets, udp] = await Promise.all([
      removed.has('nodeOptionsPreload') ? notTried : probes.nodeOptionsPreload(preload, childEnv),
      probes.signalsAndCliPreload({ preload, env: childEnv, tryGroups: !removed.has('processGroups') }),
      removed.has('python3') ? notTried : probes.python3(childEnv),
      probes.tcp(),
      probes.udp(),
    ]);
    /** @type {Record<CapabilityName, { ok: boolean, note?: string }>} */
    const answers = {
      nodeOptionsPreload: nodeOptions,
      ...signals,
      proc: removed.has('proc') ? { ok: false } : probes.proc(),
      shell: removed.has('shell') ? { ok: false } : probes.shell(),
      python3: python,
      ...sockets,
      udpLoopback: udp,
    };
    const has = /** @type {Record<CapabilityName, boolean>} */ ({});
    /** @type {Partial<Record<CapabilityName, string>>} */
    const why = {};
    for (const name of /** @type {CapabilityName[]} */ (Object.keys(CAPABILITY_MEANINGS))) {
      const answer = answers[name];
      has[name] = answer.ok && !removed.has(name);
      if (removed.has(name)) why[name] = `taken away by ${PROFILE_ENV}=${profile}`;
      else if (!answer.ok) why[name] = answer.note ?? 'not supported';
    }
    return { version: RECORD_VERSION, profile, node: process.version, platform: process.platform, has, why, serverAddressReported: sockets.serverAddress.reported, measuredAt: Date.now(), durationMs: Date.now() - started };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A scratch folder in the system temp folder, or in `fallbackDir` where there is none (os.tmpdir() is unverified in a WebContainer). */
function scratchDir(fallbackDir) {
  try {
    return mkdtempSync(join(tmpdir(), 'portside-capabilities-'));
  } catch {
    mkdirSync(fallbackDir, { recursive: true });
    return mkdtempSync(join(fallbackDir, 'capabilities-'));
  }
}

/**
 * One line per capability, for people: `✓ processGroups  …` / `✗ proc  no /proc … (why)`.
 * @param {Capabilities} record
 */
export function describeCapabilities(record) {
  const head = `Runtime capabilities (profile ${record.profile}, node ${record.node}, ${record.platform}, measured in ${record.durationMs} ms):`;
  const lines = Object.entries(CAPABILITY_MEANINGS).map(([name, meaning]) => {
    const key = /** @type {CapabilityName} */ (name);
    return record.has[key] ? `  yes  ${name}: ${meaning}` : `  no   ${name}: ${meaning} — ${record.why[key] ?? 'not supported'}`;
  });
  return [head, ...lines].join('\n');
}

/**
 * @param {string} file
 * @param {string} profile
 * @param {number} maxAgeMs
 * @returns {Capabilities | null}
 */
function readRecord(file, profile, maxAgeMs) {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8'));
    const matches = record?.version === RECORD_VERSION && record.profile === profile && record.node === process.version && typeof record.has === 'object' && record.has !== null;
    const complete = matches && Object.keys(CAPABILITY_MEANINGS).every((name) => typeof record.has[name] === 'boolean');
    return complete && Date.now() - record.measuredAt <= maxAgeMs ? record : null;
  } catch {
    return null;
  }
}

/** Writes the record whole or not at all (another harness may be reading it right now). */
function keep(file, record) {
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(record, null, 2) + '\n');
    renameSync(partial, file);
  } catch {
    // A read-only place: the record is still used for this check, just measured again next time.
  }
}
