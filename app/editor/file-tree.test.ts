import { describe, expect, it } from 'vitest';
import { buildTree, wantsTree } from './file-tree.ts';

describe('buildTree', () => {
  it('puts folders first, then files, in name order at every level', () => {
    const tree = buildTree(['server.js', 'routes/notes.js', 'app.js', 'routes/health.js', 'package.json', 'lib/db/pool.js']);
    expect(tree.map((node) => node.path)).toEqual(['lib', 'routes', 'app.js', 'package.json', 'server.js']);
    const routes = tree[1];
    expect(routes?.kind === 'folder' && routes.children.map((node) => node.path)).toEqual(['routes/health.js', 'routes/notes.js']);
    const lib = tree[0];
    expect(lib?.kind === 'folder' && lib.children[0]?.kind === 'folder' && lib.children[0].children[0]?.path).toBe('lib/db/pool.js');
  });
});

describe('wantsTree', () => {
  it.each([
    [['server.js', 'package.json'], false],
    [['server.js', 'index.html', 'package.json'], false],
    [['server.js', 'routes/a.js'], true],
    [['a.js', 'b.js', 'c.js', 'd.js'], true],
  ])('%j → %s', (paths, expected) => {
    expect(wantsTree(paths)).toBe(expected);
  });
});
