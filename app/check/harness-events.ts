/**
 * The harness's stdout protocol (probes/README.md, "Read stdout"): one JSON object per line.
 * Output arrives in chunks that split lines anywhere, so `LineSplitter` reassembles them, and
 * `parseHarnessLine` (probes/events.mjs, shared with grade) turns a line into an event — or null for anything that is not one of ours
 * (a stray log line, a stack trace from a crashed harness), which the caller keeps as output.
 */

import { readEvent, type HarnessEvent, type RuleDetails, type RuleResult, type RuleStatus } from '../../probes/events.mjs';

export type { HarnessEvent, RuleResult };
/** What a rule's result can say; `skipped` means "not run: your server never started". */
export type ResultStatus = RuleStatus;
/** `details` of a result; every field is optional except the transcript (see probes/README.md). */
export type ResultDetails = RuleDetails;

/** The event on this line, or null when the line is not a well-formed harness event. */
export const parseHarnessLine: (line: string) => HarnessEvent | null = readEvent;

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
