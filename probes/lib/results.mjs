// The shape of a rule's result, and the transcript that explains it. Pure functions.
// What each status means: README.md, "Statuses"; the types: ../events.mjs (defined only there).
import { formatBytes } from './output-tail.mjs';

export { STATUSES } from '../events.mjs';

/**
 * @typedef {import('../events.mjs').RuleStatus} RuleStatus
 * @typedef {import('../events.mjs').RuleDetails} RuleDetails
 * @typedef {import('../events.mjs').RuleResult} RuleResult
 */

/**
 * Builds a result; `details.transcript` is derived from the structured fields.
 * @param {string} id
 * @param {RuleStatus} status
 * @param {string} message
 * @param {Record<string, unknown>} [details] RuleDetails fields; empty ones (undefined, null, '') are left out
 * @returns {RuleResult}
 */
export function result(id, status, message, details = {}) {
  const clean = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined && value !== null && value !== ''));
  return { id, status, message, details: { ...clean, transcript: transcript(clean) } };
}

/** The transcript: commands as typed, what was expected and seen, where in the code, the output. */
export function transcript(details) {
  const lines = [];
  if (details.command) lines.push(`$ ${details.command}`);
  for (const step of details.steps ?? []) lines.push(step);
  if (details.curl) lines.push(`$ ${details.curl}`);
  if (details.expected) lines.push(`expected: ${details.expected}`);
  for (const [index, seen] of (details.observed ?? []).entries()) lines.push(`${index === 0 ? 'observed' : '        '}: ${seen}`);
  if (details.file) {
    const where = [details.file, details.line, details.column].filter((part) => part !== undefined).join(':');
    lines.push(`at ${where}${details.snippet ? `    ${details.snippet.trim()}` : ''}`);
  }
  if (details.hint) lines.push(`hint: ${details.hint}`);
  if (details.blockedBy) lines.push(`your server never started (see ${details.blockedBy})`);
  if (details.output !== undefined) {
    const omitted = details.outputOmittedBytes ? ` (${formatBytes(details.outputOmittedBytes)} of earlier output not shown)` : '';
    lines.push(`--- your server's output${omitted} ---`);
    lines.push(...(details.output ? details.output.split('\n') : ['(no output)']));
  }
  return lines;
}

/** The run's part of the details: the command as typed, the env the check set, the output tail. */
export function runDetails(run) {
  if (!run) return {};
  const { text, omittedBytes } = run.output();
  return { command: run.display, env: Object.keys(run.env).length ? run.env : undefined, output: text, outputOmittedBytes: omittedBytes || undefined };
}

/** Words for how a process ended. */
/**
 * A duration for a message, as measured or as used: "3 s", "4.5 s", "0.3 s".
 * @param {number} ms
 */
export function secondsText(ms) {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

export function describeExit(exit) {
  if (!exit) return 'is still running';
  if (exit.spawnError) return `could not be started: ${exit.spawnError}`;
  if (exit.signal) return `was stopped by ${exit.signal}`;
  return `exited with code ${exit.code}`;
}

/** Finds the most telling error line in a crash's output (SyntaxError: …, Error: …). */
export function errorLine(output) {
  const lines = output.split('\n').map((line) => line.trim()).reverse(); // the last error is the crash
  return lines.find((line) => /^\w*(Error|Exception)\b.*:/.test(line)) ?? lines.find((line) => /^\w*Error\b/.test(line));
}

/** Locates a crash in the learner's files from node's own error header (`/path/server.js:5`). */
export function crashLocation(output, cwd) {
  for (const line of output.split('\n').reverse()) {
    const match = /^(?:file:\/\/)?([^\s:]+\.[cm]?js):(\d+)$/.exec(line.trim());
    if (!match || match[1].includes('node_modules')) continue;
    const file = match[1].startsWith(cwd + '/') ? match[1].slice(cwd.length + 1) : match[1].startsWith('/') ? undefined : match[1];
    if (file && !file.startsWith('.portside/')) return { file, line: Number(match[2]) };
  }
  return undefined;
}

/** The same result with more details (the transcript is rebuilt to include them). */
export function withDetails(res, extra) {
  const { transcript: _old, ...details } = res.details;
  return result(res.id, res.status, res.message, { ...details, ...extra });
}
