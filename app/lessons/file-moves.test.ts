import { describe, expect, it } from 'vitest';
import { deletePath, renamePath } from './file-moves.ts';

const files = { 'server.js': 's', 'routes/a.js': 'a', 'package.json': '{}' };

describe('renamePath', () => {
  it('keeps the content and the place in the order', () => {
    const renamed = renamePath(files, 'routes/a.js', 'routes/b.js');
    expect(Object.keys(renamed)).toEqual(['server.js', 'routes/b.js', 'package.json']);
    expect(renamed['routes/b.js']).toBe('a');
  });
});

describe('deletePath', () => {
  it('removes the file', () => {
    expect(deletePath(files, 'routes/a.js')).toEqual({ 'server.js': 's', 'package.json': '{}' });
  });

  it('leaves the map alone for a missing path or the last file', () => {
    expect(deletePath(files, 'nope.js')).toBe(files);
    const one = { 'server.js': 's' };
    expect(deletePath(one, 'server.js')).toBe(one);
  });
});
