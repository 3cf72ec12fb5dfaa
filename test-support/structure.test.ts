// Structure guards: the browser (app/) and the server never import each other, the contracts
// import neither, and the project's own source has no import cycle (tests included).
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from './fixture-playground.ts';
import { boundaryViolations, importCycles, importsOf, isUnder, readImportGraph, sourceFiles, type BoundaryRule, type ImportEdge } from './import-graph.ts';
import { runtimePathsTo, runtimeSpecifiers } from './runtime-imports.ts';

const FOLDERS = ['app', 'server', 'probes', 'contracts', 'bench', 'e2e', 'test-support'];

const RULES: BoundaryRule[] = [
  { from: 'app', forbidden: (to) => isUnder(to, 'server'), why: 'app/ must not import server/; share it through contracts/ (or test-support/ for tests)' },
  { from: 'server', forbidden: (to) => isUnder(to, 'app'), why: 'server/ must not import app/; share it through contracts/ (or test-support/ for tests)' },
  {
    from: 'contracts',
    forbidden: (to) => !isUnder(to, 'contracts') && to !== 'probes/catalogue.mjs',
    why: 'contracts/ imports only contracts/ and probes/catalogue.mjs',
  },
];

describe('the project structure', () => {
  const edges = readImportGraph(REPO_ROOT, FOLDERS);

  test('reads the real import graph', () => {
    expect(edges.some((e) => e.from === 'app/runtime/local/runtime.ts' && e.to === 'contracts/runner-protocol.ts')).toBe(true);
    expect(edges.some((e) => e.from.startsWith('probes/') && e.to === 'probes/catalogue.mjs')).toBe(true);
  });

  test('app/, server/ and contracts/ import only across the allowed boundaries', () => {
    expect(boundaryViolations(edges, RULES)).toEqual([]);
  });

  test('has no import cycle', () => {
    expect(importCycles(edges).map((cycle) => cycle.path)).toEqual([]);
  });

  test('the browser bundle loads no zod: app/ reaches the lesson schema through types only', () => {
    const browserFiles = sourceFiles(REPO_ROOT, ['app']).filter((file) => !/\.test\.tsx?$/.test(file));
    expect(runtimePathsTo('zod', REPO_ROOT, browserFiles)).toEqual([]);
  });
});

describe('the guards themselves', () => {
  const edge = (from: string, to: string): ImportEdge => ({ from, specifier: to, to });

  test('see every kind of import, and not imports named in comments or strings', () => {
    const text = [
      "import a from './a.ts';",
      "import type { B } from '../b.ts';",
      "export * from './c.mjs';",
      "const d = await import('./d.ts');",
      "type E = import('./e.ts').E;",
      "// import('./comment.ts')",
      "const s = \"import('./string.ts')\";",
      "import { z } from 'zod';",
    ].join('\n');
    expect(importsOf('app/x/y.ts', text).map((e) => e.to)).toEqual(['app/x/a.ts', 'app/b.ts', 'app/x/c.mjs', 'app/x/d.ts', 'app/x/e.ts', null]);
    expect(importsOf('probes/o.cjs', "const f = require('./lib/f.cjs');").map((e) => e.to)).toEqual(['probes/lib/f.cjs']);
  });

  test('tell runtime imports from type-only ones', () => {
    const text = [
      "import type { A } from './a.ts';",
      "import { type B, type C } from './bc.ts';",
      "import { type D, e } from './de.ts';",
      "import './side-effect.ts';",
      "export type { F } from './f.ts';",
      "export { g } from './g.ts';",
      "const h = () => import('./h.ts');",
    ].join('\n');
    expect(runtimeSpecifiers('app/x.ts', text)).toEqual(['./de.ts', './side-effect.ts', './g.ts', './h.ts']);
  });

  test('name the file and the import that crosses a boundary', () => {
    const problems = boundaryViolations(
      [edge('app/runtime/local.ts', 'server/protocol.ts'), edge('server/a.ts', 'contracts/b.ts'), edge('contracts/c.ts', 'probes/rules/index.mjs'), edge('contracts/c.ts', 'probes/catalogue.mjs')],
      RULES,
    );
    expect(problems).toEqual([
      `app/runtime/local.ts imports 'server/protocol.ts' (server/protocol.ts): ${RULES[0]?.why}`,
      `contracts/c.ts imports 'probes/rules/index.mjs' (probes/rules/index.mjs): ${RULES[2]?.why}`,
    ]);
  });

  test('find each cycle once, with the path that closes it, dynamic imports and self-imports included', () => {
    const cycles = importCycles([edge('a.ts', 'b.ts'), edge('b.ts', 'c.ts'), edge('c.ts', 'a.ts'), edge('c.ts', 'd.ts'), edge('d.ts', 'zod'), edge('e.ts', 'e.ts')]);
    expect(cycles).toEqual([
      { files: ['a.ts', 'b.ts', 'c.ts'], path: 'a.ts → b.ts → c.ts → a.ts' },
      { files: ['e.ts'], path: 'e.ts → e.ts' },
    ]);
    expect(importCycles([edge('a.ts', 'b.ts'), edge('b.ts', 'c.ts')])).toEqual([]);
  });
});
