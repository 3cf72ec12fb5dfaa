/** File contents keyed by workspace-relative path with `/` separators, e.g. `src/app.js`. */
export type FileMap = Record<string, string>;
