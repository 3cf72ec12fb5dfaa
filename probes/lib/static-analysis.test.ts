import * as acorn from 'acorn';
import { describe, expect, test } from 'vitest';
import { analyzeWorkspace, resolveLocal } from './static-analysis.mjs';

/** Analyzes one server.js and returns where (line) each literal port is, and what reads env. */
function scan(code: string, type: 'module' | 'commonjs' = 'commonjs') {
  return analyzeWorkspace(acorn, { 'server.js': code }, { entry: 'server.js', packageType: type });
}

describe('which line holds the literal port', () => {
  test.each([
    ['listen(3000)', 'server.listen(3000);', 3000, 1],
    ['a string literal', "server.listen('8080');", 8080, 1],
    ['a const', 'const PORT = 4000;\nserver.listen(PORT);', 4000, 1],
    ['a let assigned later', 'let port;\nport = 4100;\nserver.listen(port);', 4100, 2],
    ['Number() around a literal variable', 'const raw = "4200";\nserver.listen(Number(raw));', 4200, 1],
    ['express app.listen with a callback', "const app = require('express')();\nconst port = 3001;\napp.listen(port, () => console.log('up'));", 3001, 2],
    ['fastify options', 'fastify.listen({ port: 3300, host: "0.0.0.0" });', 3300, 1],
    ['a config object', 'const config = { port: 4300 };\nserver.listen(config.port);', 4300, 1],
    ['destructured from a config object', 'const config = { port: 4400 };\nconst { port } = config;\nserver.listen(port);', 4400, 1],
    ['a WebSocketServer option', "new WebSocketServer({ port: 8099 });", 8099, 1],
    ['literal first in ||', 'server.listen(3002 || process.env.PORT);', 3002, 1],
    ['a template literal', 'server.listen(`3003`);', 3003, 1],
  ])('%s', (_name, code, port, line) => {
    const found = scan(code).literalPorts;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ port, line, file: 'server.js' });
  });

  test('names the listen() call a literal reaches from another line', () => {
    const [literal] = scan('const PORT = 4000;\n\nhttp.createServer().listen(PORT);').literalPorts;
    expect(literal).toMatchObject({ line: 1, column: 14, snippet: 'const PORT = 4000;', call: { line: 3 } });
  });
});

describe('ports that come from the environment are not literal', () => {
  test.each([
    ['process.env.PORT', 'server.listen(process.env.PORT);'],
    ['Number(process.env.PORT)', 'server.listen(Number(process.env.PORT));'],
    ['+process.env.PORT', 'server.listen(+process.env.PORT);'],
    ['parseInt with a || default', 'const port = parseInt(process.env.PORT, 10) || 5000;\nserver.listen(port);'],
    ['?? default', 'const port = process.env.PORT ?? 5000;\nserver.listen(port);'],
    ['destructuring with a default', 'const { PORT = 5000 } = process.env;\nserver.listen(PORT);'],
    ['renamed destructuring', "const { PORT: port = '5000' } = process.env;\nserver.listen(port);"],
    ['computed member', "server.listen(process.env['PORT']);"],
    ['fastify options', 'app.listen({ port: Number(process.env.PORT), host: "0.0.0.0" });'],
    ['a config object', 'const config = { port: process.env.PORT };\nserver.listen(config.port);'],
    ['a ternary', 'server.listen(process.env.PORT ? Number(process.env.PORT) : 5000);'],
  ])('%s', (_name, code) => {
    const analysis = scan(code);
    expect(analysis.literalPorts).toEqual([]);
    expect(analysis.portChoices[0]).toMatchObject({ kind: 'env', env: 'PORT' });
  });

  test('a development default is recorded as the fallback, with its line', () => {
    const [choice] = scan('const port =\n  process.env.PORT ?? 5050;\nserver.listen(port);').portChoices;
    expect(choice?.fallback).toMatchObject({ port: 5050, line: 2 });
  });

  test('listen() with no port, or port 0, is a random port', () => {
    expect(scan('server.listen();\nother.listen(0);\nthird.listen(() => {});').portChoices.map((c) => c.kind)).toEqual(['random', 'random', 'random']);
  });
});

describe('the rest of the scan', () => {
  test('finds env reads, including destructuring', () => {
    const reads = scan('const { PORT, HOST } = process.env;\nconst url = process.env.QUOTES_URL;').envReads;
    expect(reads.map((r) => [r.name, r.line])).toEqual([['PORT', 1], ['HOST', 1], ['QUOTES_URL', 2]]);
  });

  test('reports a syntax error with file, line and column', () => {
    expect(scan("const x = 1;\nserver.listen(3000;\n").syntaxErrors).toEqual([
      expect.objectContaining({ file: 'server.js', line: 2, column: 19, snippet: 'server.listen(3000;' }),
    ]);
  });

  test('parses ESM in a .js file of a CommonJS package, and CommonJS with top-level return', () => {
    expect(scan("import http from 'node:http';\nhttp.createServer().listen(3000);").literalPorts).toHaveLength(1);
    expect(scan('if (!process.env.PORT) return;\nserver.listen(process.env.PORT);', 'commonjs').syntaxErrors).toEqual([]);
  });

  test('follows relative imports from the entry file, and only those', () => {
    const files = {
      'server.js': "import { start } from './lib/start.js';\nstart();",
      'lib/start.js': "export function start() { server.listen(7777); }",
      'unused.js': 'server.listen(6666);',
    };
    const analysis = analyzeWorkspace(acorn, files, { entry: 'server.js', packageType: 'module' });
    expect(analysis.files).toEqual(['server.js', 'lib/start.js']);
    expect(analysis.literalPorts.map((l) => [l.port, l.file])).toEqual([[7777, 'lib/start.js']]);
  });

  test('collects integer literals, so a check never uses one of them as PORT', () => {
    expect(scan('const a = 23456; const b = 1.5; const c = 70000;').numbers).toEqual([23456]);
  });

  test('finds URLs that assume a service on this machine', () => {
    expect(scan("fetch('http://localhost:4100/price');\nfetch(`http://127.0.0.1:9000/${x}`);\nfetch(process.env.URL);").urlLiterals.map((u) => [u.value, u.line])).toEqual([
      ['http://localhost:4100/price', 1],
      ['http://127.0.0.1:9000/', 2],
    ]);
  });

  test('resolves local specifiers the way node does', () => {
    const files = { 'a/b.js': '', 'a/c/index.js': '', 'd.mjs': '' };
    expect(resolveLocal('a/x.js', './b', files)).toBe('a/b.js');
    expect(resolveLocal('a/x.js', './c', files)).toBe('a/c/index.js');
    expect(resolveLocal('a/x.js', '../d.mjs', files)).toBe('d.mjs');
    expect(resolveLocal('a/x.js', 'express', files)).toBeUndefined();
  });
});
