/**
 * Which shell the Shell tab starts on each runtime. The local runtime has bash (sh where there is
 * none), started without rc files: the workspace is HOME, and Debian's /etc/bash.bashrc would
 * replace the prompt. A WebContainer has its own jsh.
 */
import type { RuntimeKind } from '../runtime/types.ts';

export interface ShellCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
}

/** `~ $`: the workspace is HOME, so bash shows it as ~ (and `$` even as root, which # would alarm). */
const BASH_PROMPT = '\\[\\e[1;36m\\]\\w\\[\\e[0m\\] $ ';

export function shellsFor(kind: RuntimeKind): ShellCommand[] {
  if (kind === 'webcontainer') return [{ command: 'jsh', args: [], env: {} }];
  return [
    { command: 'bash', args: ['--norc', '--noprofile'], env: { PS1: BASH_PROMPT } },
    { command: 'sh', args: [], env: { PS1: '$ ' } },
  ];
}
