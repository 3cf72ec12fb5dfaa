// Types for events.mjs: the harness's output protocol (README.md, "Running a check").

export type RuleStatus = 'pass' | 'fail' | 'timeout' | 'error' | 'skipped';

export interface RuleDetails {
  /** Always present: the whole story as lines, ready for a <pre>. */
  transcript: string[];
  /** The command as a learner would type it: `PORT=41873 node server.js`. */
  command?: string;
  env?: Record<string, string>;
  /** A copyable curl for HTTP rules. */
  curl?: string;
  steps?: string[];
  expected?: string;
  observed?: string[];
  /** Where in the learner's files (1-based line and column), for marking the editor. */
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  snippet?: string;
  hint?: string;
  /** The tail of the learner's output: at most 40 lines / 4 KB. */
  output?: string;
  outputOmittedBytes?: number;
  crashed?: boolean;
  /** This result explains that the server never started; other server rules are skipped. */
  neverStarted?: boolean;
  /** On a skipped rule: the rule whose result explains why. */
  blockedBy?: string;
}

export interface RuleResult {
  id: string;
  status: RuleStatus;
  message: string;
  details: RuleDetails;
  durationMs?: number;
}

export type HarnessEvent =
  | { type: 'start'; rules: string[] }
  | { type: 'running'; id: string }
  | { type: 'result'; result: RuleResult }
  | { type: 'error'; message: string }
  | { type: 'done'; passed: boolean; cancelled?: boolean; signal?: string; counts?: Record<RuleStatus, number> };

export declare const STATUSES: readonly RuleStatus[];
export declare function readEvent(line: string): HarnessEvent | null;
