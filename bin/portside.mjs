#!/usr/bin/env node
// `npx portside grade …` and `npx portside check-lesson …` from a checkout. The TypeScript runs
// in this very process (tsx as a loader, not a wrapper process), so Ctrl+C and SIGTERM reach
// grade itself and it can stop its checks and remove their copies. npx prints no banner, so
// `--json` output stays pure JSON.
import { register } from 'tsx/esm/api';

const COMMANDS = { grade: '../server/grade/main.ts', 'check-lesson': '../server/lessons/check-lesson.ts' };
const [command, ...rest] = process.argv.slice(2);
if (!Object.hasOwn(COMMANDS, command ?? '')) {
  console.error(`usage: portside <${Object.keys(COMMANDS).join('|')}> … (portside grade --help for more)`);
  process.exit(2);
}
register();
process.argv = [process.argv[0], process.argv[1], ...rest];
await import(new URL(COMMANDS[command], import.meta.url).href);
