import { describe, expect, it } from 'vitest';
import { commandLine, endsLine, exitLine, previewErrorLine } from './transcript.ts';

const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

describe('transcript lines', () => {
  it('shows the command with the env Portside set', () => {
    expect(plain(commandLine({ PORT: '41873' }, 'node', ['server.js']))).toBe('$ PORT=41873 node server.js\n');
  });

  it('quotes words a shell would split', () => {
    expect(plain(commandLine({}, 'python3', ['my server.py', "it's"]))).toBe(`$ python3 'my server.py' 'it'\\''s'\n`);
  });

  const exits: [number, boolean, string, boolean][] = [
    [0, false, '[process exited with code 0]', false],
    [1, false, '[process exited with code 1]', true],
    [143, true, '[process stopped — exit code 143]', false],
  ];
  it.each(exits)('exit code %i (stopped by learner: %s)', (code, stopped, text, red) => {
    const line = exitLine(code, stopped);
    expect(plain(line)).toBe(`${text}\n`);
    expect(line.startsWith('\x1b[31m')).toBe(red);
  });

  it('knows whether output ended its line', () => {
    expect(endsLine('')).toBe(true);
    expect(endsLine('listening\n')).toBe(true);
    expect(endsLine('> ')).toBe(false);
  });

  it('says which page of which port reported a preview error', () => {
    const line = previewErrorLine({ kind: 'uncaught-exception', message: 'TypeError: x is undefined', port: 41873, pathname: '/orders' });
    expect(plain(line)).toBe('[preview of port 41873, page /orders] uncaught error: TypeError: x is undefined\n');
  });
});
