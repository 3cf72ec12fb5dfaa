// Types for catalogue.mjs, so the browser build (no allowJs) can import it; catalogue.mjs is
// checked against them (tsconfig.contracts.json).

/**
 * How a rule observes the learner's server: `http`, `websocket` or `tcp` — it talks to it over
 * that protocol; `process` — it starts it and watches its listen() calls, exit code and output;
 * `source` — it reads the files only.
 */
export type RuleVia = 'http' | 'websocket' | 'tcp' | 'process' | 'source';

export interface RuleDescription {
  /** What passing means, in one line; the Check UI shows it. */
  readonly promise: string;
  readonly via: RuleVia;
  /** Lesson `probe` options the rule cannot be checked without (keys of the schema's probe options). */
  readonly needs: readonly string[];
}

/** Rule id → its description. */
export declare const CATALOGUE: Readonly<Record<string, RuleDescription>>;
/** Rule id → what passing means, in one line. */
export declare const RULES: Readonly<Record<string, string>>;
export declare const RULE_IDS: string[];
