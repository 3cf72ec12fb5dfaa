// The harness's output protocol, for whoever reads it (the UI, grade): one JSON object per line.
// See README.md for the meaning of each event and status.

export const STATUSES = ['pass', 'fail', 'timeout', 'error', 'skipped'];
const TYPES = new Set(['start', 'running', 'result', 'error', 'done']);

/** Parses one stdout line into an event, or null for anything that is not one (never throws). */
export function readEvent(line) {
  let event;
  try {
    event = JSON.parse(line);
  } catch {
    return null;
  }
  if (!event || typeof event !== 'object' || !TYPES.has(event.type)) return null;
  if (event.type === 'result') {
    const r = event.result;
    if (!r || typeof r.id !== 'string' || !STATUSES.includes(r.status) || typeof r.message !== 'string') return null;
    if (!r.details || !Array.isArray(r.details.transcript)) return null;
  }
  return event;
}
