import { describe, expect, it } from 'vitest';
import { splitCommand } from './split-command.ts';

describe('splitCommand', () => {
  const cases: { command: string; program: string; args: string[] }[] = [
    { command: 'node server.js', program: 'node', args: ['server.js'] },
    { command: '  node   server.js  ', program: 'node', args: ['server.js'] },
    { command: 'node', program: 'node', args: [] },
    { command: 'node --require ./observe.cjs app/main.js', program: 'node', args: ['--require', './observe.cjs', 'app/main.js'] },
    { command: 'python3 "my server.py"', program: 'python3', args: ['my server.py'] },
    { command: "node -e 'console.log(1)'", program: 'node', args: ['-e', 'console.log(1)'] },
    { command: 'node ""', program: 'node', args: [''] },
  ];
  it.each(cases)('$command', ({ command, program, args }) => {
    expect(splitCommand(command)).toEqual({ program, args });
  });

  it('refuses an empty command with a message', () => {
    expect(() => splitCommand('   ')).toThrow('empty command');
  });

  it('refuses an unclosed quote with a message', () => {
    expect(() => splitCommand('node "server.js')).toThrow('unclosed " quote');
  });
});
