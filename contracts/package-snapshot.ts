/**
 * The lesson packages (express, ws…) for the WebContainer, prepared at build time from Portside's
 * own node_modules (server/lessons/package-snapshot.ts) into one static file that the browser
 * fetches (app/runtime/wc-packages.ts).
 */

/** Where the build puts the snapshot, relative to the site's base URL. */
export const PACKAGE_SNAPSHOT_PATH = 'portside/packages.json';

/** The snapshot: a tree in `@webcontainer/api`'s FileSystemTree shape, rooted at `node_modules`. */
export interface PackageTree {
  [name: string]: { directory: PackageTree } | { file: { contents: string } };
}
