// check.json: what the harness is asked to check. Built from a lesson by `checkConfigFor` (the UI
// and `npm run grade` both use it) and read back by the harness with `readCheckConfig`, which
// fills defaults and rejects anything malformed with a message naming the field.
import { RULE_IDS } from './catalogue.mjs';

export const DEFAULT_READY_TIMEOUT_MS = 10000;
/** The most a grader may stretch the deadlines (on a busy or slow machine). */
export const MAX_TIMEOUT_SCALE = 20;

/**
 * @typedef {object} CheckConfig
 * @property {string} command the lesson's command, e.g. "node server.js"
 * @property {string[]} rules rule ids from catalogue.mjs, in the order to report them
 * @property {Record<string, unknown>} probe the lesson's probe options (path, bodyPattern, defaultPort…)
 * @property {number[]} avoidPorts ports never handed to the learner's server (those named in the lesson text)
 * @property {number} [timeoutScale] multiplies every deadline of the checks (default 1); see MAX_TIMEOUT_SCALE
 */

/**
 * @param {{ command: string, rules: readonly string[], probe?: object, namedPorts?: readonly number[], timeoutScale?: number }} lesson
 * @returns {CheckConfig}
 */
export function checkConfigFor(lesson) {
  const scale = lesson.timeoutScale === undefined ? {} : { timeoutScale: lesson.timeoutScale };
  return { command: lesson.command, rules: [...lesson.rules], probe: { ...(lesson.probe ?? {}) }, avoidPorts: [...(lesson.namedPorts ?? [])], ...scale };
}

/**
 * Validates a parsed check.json and fills defaults. Throws an Error naming the bad field.
 * @param {any} raw
 * @returns {CheckConfig & { probe: { path: string, readyTimeoutMs: number }, timeoutScale: number }}
 */
export function readCheckConfig(raw) {
  /** @type {(field: string, why: string) => Error} */
  const bad = (field, why) => new Error(`check.json: "${field}" ${why}`);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('check.json must hold a JSON object');
  if (typeof raw.command !== 'string' || !raw.command.trim()) throw bad('command', 'must be a non-empty string such as "node server.js"');
  if (!Array.isArray(raw.rules) || raw.rules.length === 0) throw bad('rules', 'must be a non-empty list of rule ids');
  for (const id of raw.rules) if (!RULE_IDS.includes(id)) throw bad('rules', `contains the unknown rule "${id}" (known: ${RULE_IDS.join(', ')})`);
  const probe = raw.probe ?? {};
  if (typeof probe !== 'object' || Array.isArray(probe)) throw bad('probe', 'must be an object');
  const avoidPorts = raw.avoidPorts ?? [];
  if (!Array.isArray(avoidPorts) || avoidPorts.some((p) => !Number.isInteger(p))) throw bad('avoidPorts', 'must be a list of port numbers');
  const readyTimeoutMs = probe.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  if (!Number.isInteger(readyTimeoutMs) || readyTimeoutMs <= 0) throw bad('probe.readyTimeoutMs', 'must be a positive whole number of milliseconds');
  // Multiplies every wall-clock deadline (readyTimeoutMs and the rules' own windows); a grader
  // running many checks at once on few cores raises it so the reference solutions still pass.
  const timeoutScale = raw.timeoutScale ?? 1;
  if (typeof timeoutScale !== 'number' || !(timeoutScale > 0 && timeoutScale <= MAX_TIMEOUT_SCALE)) throw bad('timeoutScale', `must be a number above 0 and at most ${MAX_TIMEOUT_SCALE}`);
  return {
    command: raw.command.trim(),
    rules: [...new Set(raw.rules)],
    probe: { ...probe, path: probe.path ?? '/', readyTimeoutMs },
    avoidPorts,
    timeoutScale,
  };
}
