/** Real archives made with the system's zip and tar, unpacked for real; escapes refused. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { archiveKind, escapes, unpackArchive } from './archive.ts';

const scratch = mkdtempSync(join(tmpdir(), 'portside-archive-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const hasZip = spawnSync('zip', ['-v']).status === 0;

function fresh(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function project(name: string): string {
  const dir = fresh(name);
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'server.js'), 'require("./lib/x.js");');
  writeFileSync(join(dir, 'lib', 'x.js'), '// x');
  return dir;
}

test.each([
  ['alice.zip', 'zip'], ['Bob.ZIP', 'zip'], ['c.tar.gz', 'tar.gz'], ['d.tgz', 'tar.gz'], ['e.rar', undefined], ['f', undefined],
])('%s is a %s', (name, kind) => expect(archiveKind(name)).toBe(kind));

test.each([
  ['server.js', false], ['a/b/c.js', false], ['a..b/c', false], ['../x', true], ['a/../../x', true], ['/etc/passwd', true], ['C:\\x', true], ['a\\..\\x', true],
])('entry %s escapes: %s', (entry, expected) => expect(escapes(entry)).toBe(expected));

test('a .tar.gz unpacks with its folders', async () => {
  const source = project('tar-src');
  const file = join(scratch, 'p.tar.gz');
  execFileSync('tar', ['-czf', file, '-C', source, '.']);
  const into = fresh('tar-out');
  await unpackArchive(file, into);
  expect(readFileSync(join(into, 'lib', 'x.js'), 'utf8')).toBe('// x');
});

test.runIf(hasZip)('a .zip unpacks with its folders', async () => {
  const source = project('zip-src');
  const file = join(scratch, 'p.zip');
  execFileSync('zip', ['-qr', file, '.'], { cwd: source });
  const into = fresh('zip-out');
  await unpackArchive(file, into);
  expect(readFileSync(join(into, 'server.js'), 'utf8')).toContain('require');
});

test.runIf(hasZip)('a zip whose entry climbs out (zip slip) is refused and nothing is written', async () => {
  const dir = fresh('slip/inner');
  writeFileSync(join(scratch, 'slip', 'evil.js'), 'pwned');
  const file = join(scratch, 'slip.zip');
  execFileSync('zip', ['-q', file, '../evil.js'], { cwd: dir });
  const into = fresh('slip-out/inside');
  await expect(unpackArchive(file, into)).rejects.toThrow('refused: the archive writes outside its folder ("../evil.js")');
  expect(readdirSync(join(scratch, 'slip-out'))).toEqual(['inside']);
  expect(readdirSync(into)).toEqual([]);
});

test.runIf(hasZip)('a zip holding a link that points outside is refused', async () => {
  const dir = fresh('link-src');
  symlinkSync('/etc', join(dir, 'out'));
  const file = join(scratch, 'link.zip');
  execFileSync('zip', ['-qy', file, 'out'], { cwd: dir });
  await expect(unpackArchive(file, fresh('link-out'))).rejects.toThrow('refused: the archive holds a link pointing outside its folder (out)');
});

test('a file that only looks like an archive is named as unreadable', async () => {
  const file = join(scratch, 'fake.tar.gz');
  writeFileSync(file, 'not gzip at all');
  await expect(unpackArchive(file, fresh('fake-out'))).rejects.toThrow(/^not a readable tar\.gz: /);
});
