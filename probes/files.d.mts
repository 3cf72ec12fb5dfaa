// Types for files.mjs, so the browser build (no allowJs) can import it.
export declare const PROBE_DIR: string;
export declare const ACORN_SOURCE: string;
export declare const ACORN_TARGET: string;
export declare const HARNESS_COMMAND: { command: string; args: string[] };
export declare const CHECK_CONFIG_PATH: string;
export declare function isProbeFile(path: string): boolean;
export declare function workspacePath(path: string): string;
