import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchPackageSnapshot, PACKAGE_SNAPSHOT_PATH, PackageSnapshotError } from './packages.ts';

const TREE = { node_modules: { directory: { tiny: { directory: { 'index.js': { file: { contents: 'module.exports = 1;' } } } } } } };

/** A real HTTP server: /good/ serves the snapshot, /broken/ serves something else, the rest 404. */
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === `/good/${PACKAGE_SNAPSHOT_PATH}`) return void res.end(JSON.stringify(TREE));
    if (req.url === `/broken/${PACKAGE_SNAPSHOT_PATH}`) return void res.end('[1, 2]');
    res.statusCode = 404;
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetchPackageSnapshot', () => {
  it('loads the snapshot below the base URL, with or without its trailing slash', async () => {
    expect(await fetchPackageSnapshot(`${origin}/good/`)).toEqual(TREE);
    expect(await fetchPackageSnapshot(`${origin}/good`)).toEqual(TREE);
  });

  it('says the deployment is incomplete when the file is missing', async () => {
    const error = await fetchPackageSnapshot(`${origin}/missing/`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageSnapshotError);
    expect((error as Error).message).toMatch(/HTTP 404.*whole dist\/ folder/);
  });

  it('refuses a file that is not a snapshot', async () => {
    await expect(fetchPackageSnapshot(`${origin}/broken/`)).rejects.toThrow(/not a package snapshot/);
  });

  it('explains a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(fetchPackageSnapshot(`http://127.0.0.1:${port}/`)).rejects.toThrow(/could not download its lesson packages/);
  });
});
