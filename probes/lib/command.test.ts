import { describe, expect, test } from 'vitest';
import { displayCommand, entryFile, npmScript, parseCommand, runnableCommand, shellQuote, spawnArgs } from './command.mjs';

const simple = (argv: string[], env: Record<string, string> = {}) => ({ shell: false, env, argv });
const shell = (name: string, token: string) => ({ shell: true, construct: { name, token } });

describe('parseCommand: simple commands', () => {
  test.each([
    ['node server.js', simple(['node', 'server.js'])],
    ['  node   --enable-source-maps  app.mjs ', simple(['node', '--enable-source-maps', 'app.mjs'])],
    ['node', simple(['node'])],
    ['node\tserver.js', simple(['node', 'server.js'])],
    ['node --require ./observe.cjs app/main.js', simple(['node', '--require', './observe.cjs', 'app/main.js'])],
    ['python3 "my server.py"', simple(['python3', 'my server.py'])],
    ["node -e 'console.log(1)'", simple(['node', '-e', 'console.log(1)'])],
    ["node -e 'a | b && $c'", simple(['node', '-e', 'a | b && $c'])],
    ['node ""', simple(['node', ''])],
    ["node ''", simple(['node', ''])],
    ['node a"b c"d', simple(['node', 'ab cd'])],
    ['node "it\'s"', simple(['node', "it's"])],
    ['node "say \\"hi\\""', simple(['node', 'say "hi"'])],
    ['node "\\$HOME"', simple(['node', '$HOME'])],
    ['node "a\\b"', simple(['node', 'a\\b'])],
    ['node my\\ server.js', simple(['node', 'my server.js'])],
    ['node a\\|b', simple(['node', 'a|b'])],
    ['node server.js \\', simple(['node', 'server.js', '\\'])],
    ['node \\\nserver.js', simple(['node', 'server.js'])],
    ['echo $ 5', simple(['echo', '$', '5'])],
    ['npm start', simple(['npm', 'start'])],
    ['node --port=3000 s.js', simple(['node', '--port=3000', 's.js'])],
    ['PORT=3000 node server.js', simple(['node', 'server.js'], { PORT: '3000' })],
    ['A=1 B="two words" _c= node s.js', simple(['node', 's.js'], { A: '1', B: 'two words', _c: '' })],
    ['"PORT=3000" node', simple(['PORT=3000', 'node'])],
    ['node PORT=3000', simple(['node', 'PORT=3000'])],
    ['1A=2 node', simple(['1A=2', 'node'])],
  ])('%j', (line, parsed) => {
    expect(parseCommand(line)).toEqual(parsed);
  });
});

describe('parseCommand: what needs a shell is named', () => {
  test.each([
    ['node x.js | cat', shell('a pipe', '|')],
    ['node a.js && node b.js', shell('a chain of commands', '&&')],
    ['node a.js || node b.js', shell('a fallback command', '||')],
    ['node a.js; node b.js', shell('a list of commands', ';')],
    ['node a.js &', shell('a background job', '&')],
    ['node a.js > log', shell('a redirect', '>')],
    ['node a.js >> log', shell('a redirect', '>>')],
    ['node a.js < in', shell('a redirect', '<')],
    ['node a.js << EOF', shell('a here-document', '<<')],
    ['node $ENTRY', shell('variable expansion', '$ENTRY')],
    ['node "$ENTRY"', shell('variable expansion', '$ENTRY')],
    ['node ${ENTRY}', shell('variable expansion', '${…}')],
    ['node $1', shell('a special parameter', '$1')],
    ['node $(which x)', shell('command substitution', '$(…)')],
    ['node `which x`', shell('command substitution', '`')],
    ['node "`which x`"', shell('command substitution', '`…`')],
    ['node *.js', shell('a glob', '*')],
    ['node server?.js', shell('a glob', '?')],
    ['node [ab].js', shell('a glob', '[')],
    ['node {a,b}.js', shell('braces', '{')],
    ['(node a.js)', shell('parentheses', '(')],
    ['node a.js # comment', shell('a comment', '#')],
    ['node ~/a.js', shell('home-directory expansion', '~')],
    ['! node a.js', shell('history expansion or negation', '!')],
    ['node a.js\nnode b.js', shell('a newline', '\\n')],
    ['node "server.js', shell('an unclosed quote', '"')],
    ["node 'server.js", shell('an unclosed quote', "'")],
    ['PORT=1 node x.js | cat', shell('a pipe', '|')],
  ])('%j', (line, parsed) => {
    expect(parseCommand(line)).toEqual(parsed);
  });
});

describe('parseCommand: no program', () => {
  test.each(['', '   ', 'PORT=1', 'A=1 B=2'])('%j is refused', (line) => {
    expect(() => parseCommand(line)).toThrow(/no program to run/);
  });
});

describe('Run and the terminal: runnableCommand', () => {
  test('a simple command is a program and its arguments', () => {
    expect(runnableCommand('python3 "my server.py"')).toEqual({ program: 'python3', args: ['my server.py'] });
  });

  test.each([
    ['node x.js | cat', "Portside can't run a pipe (`|`) here: a command must be one program and its arguments."],
    ['node a && node b', "Portside can't run a chain of commands (`&&`) here"],
    ['node $ENTRY', "Portside can't run variable expansion (`$ENTRY`) here"],
    ['PORT=3000 node server.js', "Portside can't run an environment assignment (`PORT=…`) here"],
    ['node "server.js', 'The command "node "server.js" has an unclosed " quote.'],
    ['   ', 'The command is empty'],
  ])('%j is refused, naming why', (line, message) => {
    expect(() => runnableCommand(line)).toThrow(message);
  });
});

describe('Check: spawnArgs', () => {
  test.each([
    ['node server.js', { file: 'node', args: ['server.js'], env: {} }],
    ['PORT=3000 node server.js', { file: 'node', args: ['server.js'], env: { PORT: '3000' } }],
    ['node a.js && node b.js', { file: 'sh', args: ['-c', 'node a.js && node b.js'], env: {} }],
  ])('%j', (line, spec) => {
    expect(spawnArgs(parseCommand(line), line)).toEqual(spec);
  });
});

describe('commands', () => {
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
  const npm = (command: string, pkg: Record<string, unknown> | undefined, hasServerJs = false) => npmScript(parseCommand(command), pkg, hasServerJs);
  const only = (event: string, body: string) => [{ event, body }];

  test('npm start, npm test and npm run <name> resolve to their script', () => {
    expect(npm('npm start', { scripts: { start: 'node app.js' } })).toEqual({ script: 'start', steps: only('start', 'node app.js'), args: [] });
    expect(npm('npm run dev', { scripts: { dev: 'node --watch s.js' } })).toEqual({ script: 'dev', steps: only('dev', 'node --watch s.js'), args: [] });
    expect(npm('npm run-script dev', { scripts: { dev: 'node s.js' } })?.steps).toEqual(only('dev', 'node s.js'));
    expect(npm('npm t', { scripts: { test: 'node t.js' } })?.script).toBe('test');
    expect(npm('npm start', {}, true)).toEqual({ script: 'start', steps: only('start', 'node server.js'), args: [] }); // npm's own default
  });

  test('pre and post scripts run around the script, as npm runs them', () => {
    const scripts = { prestart: 'node build.js', start: 'node a.js', poststart: 'node done.js', predev: 'x' };
    expect(npm('npm start', { scripts })?.steps).toEqual([
      { event: 'prestart', body: 'node build.js' },
      { event: 'start', body: 'node a.js' },
      { event: 'poststart', body: 'node done.js' },
    ]);
  });

  test('arguments after the script (and after --) go to the script only', () => {
    expect(npm('npm start -- --flag', { scripts: { start: 'node a.js' } })?.args).toEqual(['--flag']);
    expect(npm('npm run dev -- a b', { scripts: { dev: 'node a.js' } })?.args).toEqual(['a', 'b']);
    expect(npm('npm start extra', { scripts: { start: 'node a.js' } })?.args).toEqual(['extra']);
  });

  test('anything that is not a script npm would find is left to npm', () => {
    expect(npm('npm start --silent', { scripts: { start: 'node a.js' } })).toBeUndefined(); // npm's own option
    expect(npm('npm start', {})).toBeUndefined();
    expect(npm('npm start', undefined)).toBeUndefined();
    expect(npm('npm run', { scripts: { start: 'x' } })).toBeUndefined();
    expect(npm('npm install', { scripts: { install: 'x' } })).toBeUndefined();
    expect(npm('node server.js', { scripts: { start: 'x' } })).toBeUndefined();
  });
});
