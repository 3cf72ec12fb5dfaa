import { describe, expect, it } from 'vitest';
import type { Manifest } from './app-build.ts';
import { chunkFiles, entryGraph, entryKey, groupOf, sourceOf } from './chunk-groups.ts';

/** The shape Vite 8 writes for this app, trimmed: a shared chunk, workers as assets, cycles back to the entry. */
const manifest: Manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_shared.js'], dynamicImports: ['app/editor/CodeEditor.tsx', 'app/terminal/XtermView.tsx', 'app/runtime/local.ts'] },
  '_shared.js': { file: 'assets/shared.js' },
  '_editor.api.js': { file: 'assets/editor.api.js', imports: ['index.html'] },
  'app/editor/CodeEditor.tsx': {
    file: 'assets/CodeEditor.js',
    imports: ['index.html', '_editor.api.js'],
    dynamicImports: ['node_modules/monaco-editor/esm/vs/languages/json.js'],
    assets: ['assets/ts.worker.js', 'assets/codicon.ttf'],
  },
  'node_modules/monaco-editor/esm/vs/languages/json.js': { file: 'assets/json.js', imports: ['_editor.api.js'] },
  'app/terminal/XtermView.tsx': { file: 'assets/XtermView.js', imports: ['index.html', '_shared.js'] },
  'app/runtime/local.ts': { file: 'assets/local.js', imports: ['index.html'] },
};

describe('chunk groups from the build manifest', () => {
  it('follows static imports only, unless lazy', () => {
    expect([...chunkFiles(manifest, 'index.html', false)].sort()).toEqual(['assets/index.js', 'assets/shared.js']);
    expect([...chunkFiles(manifest, 'app/editor/CodeEditor.tsx', true, entryGraph(manifest))].sort()).toEqual([
      'assets/CodeEditor.js',
      'assets/editor.api.js',
      'assets/json.js',
      'assets/ts.worker.js',
    ]);
  });

  it('does not walk back through the entry into its other import()s', () => {
    const files = chunkFiles(manifest, 'app/terminal/XtermView.tsx', true, entryGraph(manifest));
    expect([...files]).toEqual(['assets/XtermView.js']);
    expect([...entryGraph(manifest)].sort()).toEqual(['_shared.js', 'index.html']);
  });

  it('puts each file in one group, the entry graph first', () => {
    const group = groupOf(manifest);
    expect(['assets/index.js', 'assets/shared.js', 'assets/CodeEditor.js', 'assets/json.js', 'assets/ts.worker.js', 'assets/XtermView.js', 'assets/local.js'].map(group)).toEqual([
      'entry',
      'entry',
      'monaco',
      'monaco',
      'monaco',
      'xterm',
      'other',
    ]);
  });

  it('names sources and refuses a manifest it cannot read', () => {
    expect(sourceOf(manifest, 'assets/local.js')).toBe('app/runtime/local.ts');
    expect(sourceOf(manifest, 'assets/json.js')).toBe('monaco: languages/json.js');
    expect(entryKey(manifest)).toBe('index.html');
    expect(() => entryKey({})).toThrow('found 0');
    expect(() => chunkFiles(manifest, 'app/missing.ts', true)).toThrow('no entry "app/missing.ts"');
  });
});
