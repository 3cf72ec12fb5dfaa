import { describe, expect, test } from 'vitest';
import { displayCommand, entryFile, npmScript, parseCommand, shellQuote } from './command.mjs';

describe('commands', () => {
  test.each([
    ['node server.js', { shell: false, file: 'node', args: ['server.js'] }],
    ['  node   --enable-source-maps  app.mjs ', { shell: false, file: 'node', args: ['--enable-source-maps', 'app.mjs'] }],
    ['python3 "my server.py"', { shell: false, file: 'python3', args: ['my server.py'] }],
    ['npm start', { shell: false, file: 'npm', args: ['start'] }],
    ['node a.js && node b.js', { shell: true, file: 'sh', args: ['-c', 'node a.js && node b.js'] }],
    ['PORT=1 node x.js | cat', { shell: true, file: 'sh', args: ['-c', 'PORT=1 node x.js | cat'] }],
  ])('%s', (command, parsed) => {
    expect(parseCommand(command)).toEqual(parsed);
  });

  test('an empty command is an error', () => {
    expect(() => parseCommand('   ')).toThrow(/empty/);
  });

  test('shows a run the way a learner would type it', () => {
    expect(displayCommand('node server.js', { PORT: '41873' })).toBe('PORT=41873 node server.js');
    expect(displayCommand('node server.js', { PORT: 'abc def' })).toBe("PORT='abc def' node server.js");
    expect(displayCommand('npm start', {}, ['PORT'])).toBe('env -u PORT npm start');
    expect(displayCommand('node s.js', { HOST: '0.0.0.0' }, ['PORT'])).toBe('env -u PORT HOST=0.0.0.0 node s.js');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  test('finds the entry file for static analysis', () => {
    expect(entryFile('node server.js')).toBe('server.js');
    expect(entryFile('node --inspect src/main.mjs')).toBe('src/main.mjs');
    expect(entryFile('npm start', { scripts: { start: 'node app.js' } })).toBe('app.js');
    expect(entryFile('npm start', {})).toBe('server.js');
    expect(entryFile('python3 server.py')).toBeUndefined();
  });
});

describe('npm scripts run directly', () => {
  const npm = (command: string, pkg: object | undefined, hasServerJs = false) => npmScript(parseCommand(command), pkg, hasServerJs);

  test('npm start and npm run <name> resolve to their script', () => {
    expect(npm('npm start', { scripts: { start: 'node app.js' } })).toEqual({ script: 'start', body: 'node app.js' });
    expect(npm('npm run dev', { scripts: { dev: 'node --watch s.js' } })).toEqual({ script: 'dev', body: 'node --watch s.js' });
    expect(npm('npm start', {}, true)).toEqual({ script: 'start', body: 'node server.js' }); // npm's own default
  });

  test('anything npm would do differently is left to npm', () => {
    expect(npm('npm start', { scripts: { start: 'node a.js', prestart: 'node build.js' } })).toBeUndefined();
    expect(npm('npm start -- --flag', { scripts: { start: 'node a.js' } })).toBeUndefined();
    expect(npm('npm start', {})).toBeUndefined();
    expect(npm('npm start', undefined)).toBeUndefined();
    expect(npm('node server.js', { scripts: { start: 'x' } })).toBeUndefined();
  });
});
