// check.json: what the harness is asked to check. Built from a lesson by `checkConfigFor` (the UI
// and `npm run grade` both use it) and read back by the harness with `readCheckConfig`, which
// fills defaults and rejects anything malformed with a message naming the field.
import { RULE_IDS } from './catalogue.mjs';

export const DEFAULT_READY_TIMEOUT_MS = 10000;

/**
 * @typedef {object} CheckConfig
 * @property {string} command the lesson's command, e.g. "node server.js"
 * @property {string[]} rules rule ids from catalogue.mjs, in the order to report them
 * @property {Record<string, unknown>} probe the lesson's probe options (path, bodyPattern, defaultPort…)
 * @property {number[]} avoidPorts ports never handed to the learner's server (those named in the lesson text)
 */

/**
 * @param {{ command: string, rules: readonly string[], probe?: object, namedPorts?: readonly number[] }} lesson
 * @returns {CheckConfig}
 */
export function checkConfigFor(lesson) {
  return { command: lesson.command, rules: [...lesson.rules], probe: { ...(lesson.probe ?? {}) }, avoidPorts: [...(lesson.namedPorts ?? [])] };
}

/**
 * Validates a parsed check.json and fills defaults. Throws an Error naming the bad field.
 * @param {any} raw
 * @returns {CheckConfig & { probe: { path: string, readyTimeoutMs: number } }}
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
  return {
    command: raw.command.trim(),
    rules: [...new Set(raw.rules)],
    probe: { ...probe, path: probe.path ?? '/', readyTimeoutMs },
    avoidPorts,
  };
}
