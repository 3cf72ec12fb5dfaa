/**
 * Every sentence of every lesson's "Your task" maps to what checks it: a rule of the lesson, a
 * rule option the lesson sets (`rule:option`), or — for sentences that only explain Run, Check
 * or the starting point — a reason it needs no check. A task sentence that loses its check, or a
 * new sentence nobody mapped, fails here, so a lesson cannot silently pass unfinished work.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadLessons } from '../server/lessons/load.ts';

const ROOT = join(import.meta.dirname, '..', 'lessons');
const lessons = await loadLessons(ROOT);

/** Not a task: describes the starter, Run, Check, or the world. */
const EXPLAINS = 'explains';

/** folder → [a fragment of the sentence, what checks it]. */
const TASKS: Record<string, [string, string][]> = {
  '01-your-program-is-the-server': [
    ['nothing ever listens', EXPLAINS],
    ['make it listen on the port in', 'responds-http'],
    ['The response should say `Hello`', 'responds-http:bodyPattern'],
    ['Press **Run**', EXPLAINS],
    ['Then press **Check**', EXPLAINS],
  ],
  '02-take-the-port': [
    ['the port map shows the `PORT` your server was given', EXPLAINS],
    ['This server hardcodes its port', EXPLAINS],
    ['Portside starts it with `PORT` set', EXPLAINS],
    ['Right now the server listens', EXPLAINS],
    ['Change `server.js` to listen on the port in `process.env.PORT`', 'uses-env-port'],
    ['start your server twice with two different ports', 'no-hardcoded-port'],
  ],
  '03-a-default-and-a-clear-error': [
    ['Change `server.js` so that', EXPLAINS],
    ['with `PORT` unset, it listens on **5000**', 'default-port:defaultPort'],
    ['with `PORT` set to a valid port, it listens there', 'uses-env-port'],
    ['prints a message that names `PORT` and exits', 'rejects-bad-port'],
    ['**Run** shows it working', EXPLAINS],
    ['**Check** also starts it with `PORT`\nunset and with each of the bad values', EXPLAINS],
  ],
  '04-development-and-production-hosts': [
    ['read the address in the port map', EXPLAINS],
    ['`config.js` reads the port from the environment but hardcodes the host', EXPLAINS],
    ['Make it read the host', 'binds-host-from-env:defaultHost'],
    ['`HOST` unset → loopback only', 'binds-host-from-env:defaultHost'],
    ['`HOST=0.0.0.0` → every interface', 'binds-host-from-env'],
    ['`HOST=127.0.0.1` → loopback only', 'binds-host-from-env'],
    ['**Check** starts the server with each of these', EXPLAINS],
  ],
  '05-bring-your-own-web-server': [
    ['Declare Express in `package.json`', 'declares-server-dependency'],
    ['`server.js` already starts it', 'uses-env-port'],
    ['**Check** reads every `import`', EXPLAINS],
    ['asks it for the catalog', 'responds-http:bodyPattern'],
  ],
  '06-one-port-two-protocols': [
    ['The port map under the preview shows the change', EXPLAINS],
    ['serves a small chat page over HTTP', EXPLAINS],
    ['Make both share `PORT`', 'uses-env-port'],
    ['attach the WebSocket server to the HTTP server', 'uses-env-port'],
    ['connect to the same host and port the page came from', 'websocket-echo'],
    ['type into the page in the preview', EXPLAINS],
    ["starts the\npage's own script", 'websocket-echo'],
  ],
  '07-not-just-the-web': [
    ['The port map under the preview still shows', EXPLAINS],
    ['Make the cache listen on the port in `PORT`', 'uses-env-port'],
    ['Teach `run()`', 'tcp-protocol:protocol'],
    ['`SET key value` stores the value', 'tcp-protocol:protocol'],
    ['`GET key` answers the stored value, or nil', 'tcp-protocol:protocol'],
    ['There is nothing to preview', EXPLAINS],
    ['speaks the Redis protocol, as real clients do', 'tcp-protocol:protocol'],
    ['The `rest`', EXPLAINS],
    ['Off this site you can try it', EXPLAINS],
    ['The same principle holds for UDP', EXPLAINS],
    ['A WebContainer', EXPLAINS],
  ],
  '08-when-the-port-is-taken': [
    ['the port map names who holds the port', EXPLAINS],
    ['print\na message that names the port and exit with a non-zero code', 'port-in-use'],
    ['**Check** takes the port first', 'port-in-use'],
  ],
  '09-apps-as-backing-services': [
    ["read the quotes service's address from `QUOTES_URL`", 'backing-service-url:upstreamEnv'],
    ['the page should still load and say that no quotes service', 'backing-service-url:upstreamEnv'],
    ['**Check** starts a stand-in quotes service', 'backing-service-url:upstreamEnv'],
    ['moves the stand-in to\nanother port', 'backing-service-url:upstreamEnv'],
    ['with `QUOTES_URL` unset', 'backing-service-url:upstreamEnv'],
  ],
  '10-behind-the-router': [
    ['the port map under the preview lists each instance', EXPLAINS],
    ['listen on the port its instance is given', 'uses-env-port'],
    ['Its answer already names', EXPLAINS],
    ['**Check** starts three instances at once', 'multiple-instances'],
  ],
  '11-shut-down-cleanly': [
    ['`/report` takes about a second', 'graceful-shutdown:slowPath'],
    ['Make the server drain on SIGTERM', 'graceful-shutdown'],
    ['stop accepting new connections', 'graceful-shutdown'],
    ['let requests in flight', 'graceful-shutdown:slowPath'],
    ['exit with code 0, well within three seconds', 'graceful-shutdown'],
    ['**Check** starts two slow requests', 'graceful-shutdown:slowPath'],
  ],
  '12-any-language': [
    ['`server.py` is a small service', EXPLAINS],
    ['It binds the\nport', EXPLAINS],
    ['Make it listen on `PORT` instead, with a\ndevelopment default of 5000', 'default-port:defaultPort'],
    ['**Check** starts it on two different ports', 'no-hardcoded-port'],
    ['**Run** starts it with `python3 server.py`', EXPLAINS],
    ['once\nwith `PORT` unset', 'default-port:defaultPort'],
    ['Running on the hosted site?', EXPLAINS],
    ['Its `python3` is a WebAssembly build', EXPLAINS],
    ['and it cannot listen on a port', EXPLAINS],
    ['Run cannot serve', EXPLAINS],
    ['You can still read and edit', EXPLAINS],
    ['To run and check it, start Portside', EXPLAINS],
    ['`PORT=<a free port> python3 server.py`', EXPLAINS],
  ],
  '13-capstone': [
    ['Make harbour-log pass every check', EXPLAINS],
    ['`npm start` starts it on `PORT` (5000 when unset)', 'default-port:defaultPort'],
    ['on the\ninterface in `HOST`', 'binds-host-from-env:defaultHost'],
    ['with Express declared', 'declares-server-dependency'],
    ['a bad `PORT`', 'rejects-bad-port'],
    ['a busy port', 'port-in-use'],
    ['three instances run side by side', 'multiple-instances'],
    ['**Check** runs `npm start` many times', EXPLAINS],
  ],
};

/** The "Your task" section, without markdown list markers and blockquote marks. */
function taskSection(folder: string): string {
  const text = readFileSync(join(ROOT, folder, 'lesson.md'), 'utf8');
  const section = /^## Your task\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(text)?.[1] ?? '';
  return section.replace(/^> ?/gm, '').replace(/^\s*(\d+\.|-)\s+/gm, '\n').trim();
}

/** Sentences: split after . ! ? : ; or a list item's end, keeping inline code intact. */
function sentences(section: string): string[] {
  const pieces = section.split(/\n\s*\n|(?<=[.!?;:)])\s+(?=[A-Z*`(>])/);
  return pieces.map((piece) => piece.trim()).filter((piece) => /[A-Za-z]/.test(piece));
}

describe('every sentence of every lesson\'s task is checked', () => {
  test('the table names every lesson', () => {
    expect(Object.keys(TASKS).sort()).toEqual(lessons.map((l) => l.folder).sort());
  });

  test.each(lessons)('$folder', (lesson) => {
    const section = taskSection(lesson.folder);
    const entries = TASKS[lesson.folder] ?? [];
    for (const [fragment, checkedBy] of entries) {
      expect(section, `"${fragment}" is in the task`).toContain(fragment);
      if (checkedBy === EXPLAINS) continue;
      const [rule, option] = checkedBy.split(':');
      expect(lesson.rules, `${lesson.folder}: "${fragment}" is checked by ${rule}`).toContain(rule);
      if (option) expect((lesson.probe as Record<string, unknown> | undefined)?.[option!], `${lesson.folder}: ${rule} needs probe.${option}`).toBeDefined();
    }
    for (const sentence of sentences(section)) {
      const flat = sentence.replace(/\s+/g, ' ');
      const mapped = entries.some(([fragment]) => flat.includes(fragment.replace(/\s+/g, ' ')));
      expect(mapped, `${lesson.folder}: no check is named for "${flat}"`).toBe(true);
    }
  });
});
