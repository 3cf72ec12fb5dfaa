// The harness's output protocol, for whoever reads it (the UI, grade): one JSON object per line.
// See README.md for the meaning of each event and status. The types below are the only
// definition of the protocol: the harness, the browser build and the server are checked against them.

/** Every status a rule's result can have (README.md, "Statuses"). */
export const STATUSES = /** @type {const} */ (['pass', 'fail', 'timeout', 'error', 'skipped']);

/** @typedef {typeof STATUSES[number]} RuleStatus */

/**
 * What a result explains, for the results list and the editor. All optional but `transcript`.
 * @typedef {object} RuleDetails
 * @property {string[]} transcript always present: the whole story as lines, ready for a <pre>
 * @property {string} [command] the command as a learner would type it: `PORT=41873 node server.js`
 * @property {Record<string, string>} [env]
 * @property {string} [curl] a copyable curl for HTTP rules
 * @property {string[]} [steps]
 * @property {string} [expected]
 * @property {string[]} [observed]
 * @property {string} [file] where in the learner's files, for marking the editor
 * @property {number} [line] 1-based
 * @property {number} [column] 1-based
 * @property {number} [endLine]
 * @property {number} [endColumn]
 * @property {string} [snippet] the source line at `line`
 * @property {string} [hint]
 * @property {string} [output] the tail of the learner's output: at most 40 lines / 4 KB
 * @property {number} [outputOmittedBytes]
 * @property {boolean} [crashed]
 * @property {boolean} [neverStarted] this result explains that the server never started; other server rules are skipped
 * @property {string} [blockedBy] on a skipped rule: the rule whose result explains why
 * @property {string} [unsupported] on a skipped rule: the capability this runtime lacks to decide it (probes/lib/capabilities.mjs)
 */

/**
 * @typedef {object} RuleResult
 * @property {string} id
 * @property {RuleStatus} status
 * @property {string} message one or two sentences for the results list
 * @property {RuleDetails} details
 * @property {number} [durationMs]
 */

/**
 * One line of the harness's stdout.
 * @typedef {{ type: 'start', rules: string[] }
 *   | { type: 'running', id: string }
 *   | { type: 'result', result: RuleResult }
 *   | { type: 'error', message: string }
 *   | { type: 'done', passed: boolean, cancelled?: boolean, signal?: string, counts?: Record<RuleStatus, number> }} HarnessEvent
 */

/**
 * Parses one stdout line into an event, or null for anything that is not a well-formed one (a
 * stray log line, a stack trace from a crashed harness). Never throws.
 * @param {string} line
 * @returns {HarnessEvent | null}
 */
export function readEvent(line) {
  const text = String(line).trim();
  if (!text.startsWith('{')) return null;
  /** @type {any} checked field by field below */
  let event;
  try {
    event = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(event)) return null;
  switch (event.type) {
    case 'start':
      return isStringList(event.rules) ? event : null;
    case 'running':
      return typeof event.id === 'string' ? event : null;
    case 'result':
      return isResult(event.result) ? { ...event, result: withTranscript(event.result) } : null;
    case 'error':
      return typeof event.message === 'string' ? event : null;
    case 'done':
      return typeof event.passed === 'boolean' ? event : null;
    default:
      return null;
  }
}

/** @param {unknown} value */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @param {unknown} value
 * @returns {value is string[]}
 */
function isStringList(value) {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** @param {any} value */
function isResult(value) {
  return isObject(value) && typeof value.id === 'string' && STATUSES.includes(value.status) && typeof value.message === 'string';
}

/**
 * A result whose details are an object with a list of transcript lines, whatever was sent.
 * @param {any} result
 * @returns {RuleResult}
 */
function withTranscript(result) {
  const details = isObject(result.details) ? result.details : {};
  return { ...result, details: { ...details, transcript: isStringList(details.transcript) ? details.transcript : [] } };
}
