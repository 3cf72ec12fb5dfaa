/**
 * The harness's stdout protocol (probes/README.md, "Read stdout"): one JSON object per line.
 * Output arrives in chunks that split lines anywhere, so `LineSplitter` reassembles them, and
 * `parseHarnessLine` turns a line into an event — or null for anything that is not one of ours
 * (a stray log line, a stack trace from a crashed harness), which the caller keeps as output.
 */

/** What a rule's result can say; `skipped` means "not run: your server never started". */
export type ResultStatus = 'pass' | 'fail' | 'timeout' | 'error' | 'skipped';

/** `details` of a result; every field is optional except the transcript (see probes/README.md). */
export interface ResultDetails {
  command?: string;
  curl?: string;
  expected?: string;
  observed?: string[];
  output?: string;
  /** Workspace-relative path, with 1-based line and column, when static analysis found the cause. */
  file?: string;
  line?: number;
  column?: number;
  snippet?: string;
  hint?: string;
  crashed?: boolean;
  neverStarted?: boolean;
  blockedBy?: string;
  transcript: string[];
}

export interface RuleResult {
  id: string;
  status: ResultStatus;
  message: string;
  details: ResultDetails;
  durationMs?: number;
}

export type HarnessEvent =
  | { type: 'start'; rules: string[] }
  | { type: 'running'; id: string }
  | { type: 'result'; result: RuleResult }
  | { type: 'error'; message: string }
  | { type: 'done'; passed: boolean; cancelled?: boolean };

const STATUSES: readonly string[] = ['pass', 'fail', 'timeout', 'error', 'skipped'];

/** The event on this line, or null when the line is not a well-formed harness event. */
export function parseHarnessLine(line: string): HarnessEvent | null {
  const text = line.trim();
  if (!text.startsWith('{')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  switch (value.type) {
    case 'start':
      return isStringList(value.rules) ? { type: 'start', rules: value.rules } : null;
    case 'running':
      return typeof value.id === 'string' ? { type: 'running', id: value.id } : null;
    case 'result':
      return isResult(value.result) ? { type: 'result', result: withTranscript(value.result) } : null;
    case 'error':
      return typeof value.message === 'string' ? { type: 'error', message: value.message } : null;
    case 'done':
      return typeof value.passed === 'boolean' ? { type: 'done', passed: value.passed, cancelled: value.cancelled === true || undefined } : null;
    default:
      return null;
  }
}

/** Reassembles lines from chunks that may split them anywhere (also "\r\n" across two chunks). */
export class LineSplitter {
  private rest = '';

  /** The lines this chunk completes. */
  push(chunk: string): string[] {
    const lines = (this.rest + chunk).split('\n');
    this.rest = lines.pop() ?? '';
    return lines.map((line) => line.replace(/\r$/, ''));
  }

  /** Whatever came after the last newline, once the stream has ended. */
  end(): string[] {
    const last = this.rest.replace(/\r$/, '');
    this.rest = '';
    return last ? [last] : [];
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isResult(value: unknown): value is RuleResult {
  return isObject(value) && typeof value.id === 'string' && typeof value.status === 'string' && STATUSES.includes(value.status) && typeof value.message === 'string';
}

/** A result whose details are an object with a list of transcript lines, whatever was sent. */
function withTranscript(result: RuleResult): RuleResult {
  const details: Record<string, unknown> = isObject(result.details) ? result.details : {};
  const transcript = isStringList(details.transcript) ? details.transcript : [];
  return { ...result, details: { ...details, transcript } };
}
