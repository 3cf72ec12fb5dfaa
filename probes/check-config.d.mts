// Types for check-config.mjs, so the browser build (no allowJs) can import it.
export interface CheckConfig {
  /** The lesson's command, e.g. "node server.js". */
  command: string;
  /** Rule ids from catalogue.mjs, in the order to report them. */
  rules: string[];
  /** The lesson's probe options (path, bodyPattern, defaultPort…). */
  probe: Record<string, unknown>;
  /** Ports never handed to the learner's server (those named in the lesson text). */
  avoidPorts: number[];
  /** Multiplies every deadline of the checks (default 1); see MAX_TIMEOUT_SCALE. */
  timeoutScale?: number;
}
export declare const DEFAULT_READY_TIMEOUT_MS: number;
export declare const MAX_TIMEOUT_SCALE: number;
export declare function checkConfigFor(lesson: { command: string; rules: readonly string[]; probe?: object; namedPorts?: readonly number[]; timeoutScale?: number }): CheckConfig;
export declare function readCheckConfig(raw: unknown): CheckConfig & { probe: { path: string; readyTimeoutMs: number }; timeoutScale: number };
