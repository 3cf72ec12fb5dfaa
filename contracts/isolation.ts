/**
 * Cross-origin isolation: WebContainers need SharedArrayBuffer, which browsers only give to
 * pages served with these two headers. Every page of the playground is served with them.
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;
