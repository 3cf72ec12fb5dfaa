// The harness's output protocol, for whoever reads it (the UI, grade): one JSON object per line.
// See README.md for the meaning of each event and status.

export const STATUSES = ['pass', 'fail', 'timeout', 'error', 'skipped'];

/**
 * Parses one stdout line into an event, or null for anything that is not a well-formed one (a
 * stray log line, a stack trace from a crashed harness). Never throws.
 */
export function readEvent(line) {
  const text = String(line).trim();
  if (!text.startsWith('{')) return null;
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

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value) {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isResult(value) {
  return isObject(value) && typeof value.id === 'string' && STATUSES.includes(value.status) && typeof value.message === 'string';
}

/** A result whose details are an object with a list of transcript lines, whatever was sent. */
function withTranscript(result) {
  const details = isObject(result.details) ? result.details : {};
  return { ...result, details: { ...details, transcript: isStringList(details.transcript) ? details.transcript : [] } };
}
