/**
 * Which paths a learner may give a file in the tree. The runner confines every path to the
 * workspace anyway; these rules keep names sensible and keep the learner's files out of the
 * places that are Portside's (`.portside/`, where Check writes its harness) or npm's.
 */
const MAX_PATH = 200;
const RESERVED_TOP = new Set(['.portside', 'node_modules']);

/** Why `path` cannot be a new file among `existing`, in words for the learner; undefined when it can. */
export function pathProblem(path: string, existing: readonly string[]): string | undefined {
  if (!path) return 'Type a file name, such as routes/users.js.';
  if (path.length > MAX_PATH) return `Keep the path under ${MAX_PATH} characters.`;
  if (path.startsWith('/') || path.includes('\\') || path.includes('\0')) return 'Use a path inside the lesson, with / between folders, such as routes/users.js.';
  const segments = path.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return 'Each part of the path needs a name; “.” and “..” are not allowed.';
  if (RESERVED_TOP.has(segments[0] ?? '')) return `${segments[0]}/ belongs to Portside and npm; pick another folder.`;
  if (existing.includes(path)) return `${path} already exists.`;
  if (existing.some((other) => other.startsWith(`${path}/`))) return `${path} is a folder already.`;
  const clash = segments.slice(0, -1).map((_, index) => segments.slice(0, index + 1).join('/')).find((folder) => existing.includes(folder));
  if (clash) return `${clash} is a file, so it cannot hold other files.`;
  return undefined;
}

/** A path that could have come from the tree (for what is read back from storage). */
export function isLearnerPath(path: string): boolean {
  return pathProblem(path, []) === undefined;
}
