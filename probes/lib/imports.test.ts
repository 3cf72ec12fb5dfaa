import { describe, expect, test } from 'vitest';
import * as acorn from 'acorn';
import { findImports, isBuiltin, isLocal, packageImports, packageName } from './imports.mjs';

describe('which imports package.json must declare', () => {
  test.each([
    ['node:http', true, false],
    ['http', true, false],
    ['fs/promises', true, false],
    ['./routes.js', false, true],
    ['../lib', false, true],
    ['/abs/path.js', false, true],
    ['#internal', false, true],
    ['express', false, false],
    ['@fastify/static', false, false],
  ])('%s: built-in %s, local %s', (specifier, builtin, local) => {
    expect(isBuiltin(specifier)).toBe(builtin);
    expect(isLocal(specifier)).toBe(local);
  });

  test('names the package of a deep import', () => {
    expect(packageName('express/lib/router')).toBe('express');
    expect(packageName('@fastify/static/lib/x.js')).toBe('@fastify/static');
  });

  test('keeps only bare package imports', () => {
    const imports = ['node:http', 'express', './app.js', 'ws', 'path'].map((specifier, i) => ({ specifier, how: 'import', line: i + 1, column: 1 }));
    expect(packageImports(imports).map((i: { name: string }) => i.name)).toEqual(['express', 'ws']);
  });

  test.each([
    ["require(path.join(__dirname, 'lib', 'app'))", './lib/app'],
    ["require(resolve(__dirname, './routes'))", './routes'],
    ['require(`${__dirname}/app.js`)', './app.js'],
    ["import(new URL('./start.js', import.meta.url))", './start.js'],
    ["import(path.join(import.meta.dirname, 'start.js'))", './start.js'],
    ["require(path.join(process.cwd(), 'app'))", undefined],
  ])('reads %s as node resolves it', (code, specifier) => {
    const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
    expect(findImports(ast)[0]?.specifier).toBe(specifier);
  });
});
