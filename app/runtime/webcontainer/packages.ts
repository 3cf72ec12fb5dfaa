/**
 * The lesson packages (express, ws…) for the WebContainer. They are prepared at build time from
 * Portside's own node_modules (server/lessons/package-snapshot.ts) into one static file, so a
 * lesson starts without `npm install` and without reaching the npm registry from the sandbox.
 */
import { PACKAGE_SNAPSHOT_PATH, type PackageTree } from '../../../contracts/package-snapshot.ts';

export { PACKAGE_SNAPSHOT_PATH, type PackageTree };

/** A snapshot that could not be loaded; the message says what to check. */
export class PackageSnapshotError extends Error {}

export async function fetchPackageSnapshot(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<PackageTree> {
  const url = `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${PACKAGE_SNAPSHOT_PATH}`;
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new PackageSnapshotError(`Portside could not download its lesson packages from ${url}: ${(error as Error).message}.`);
  }
  if (!response.ok) {
    throw new PackageSnapshotError(
      `Portside could not download its lesson packages (${url} answered HTTP ${response.status}). ` +
        'If you host this site, upload the whole dist/ folder that `npm run build` produced.',
    );
  }
  const tree: unknown = await response.json();
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
    throw new PackageSnapshotError(`${url} is not a package snapshot; rebuild the site with \`npm run build\`.`);
  }
  return tree as PackageTree;
}
