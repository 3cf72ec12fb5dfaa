import { describe, expect, test } from 'vitest';
import { runtimeNoticeFor } from './runtime-notice.ts';

describe('runtimeNoticeFor', () => {
  test.each([
    ['python3 server.py', 'webcontainer', true],
    ['python server.py', 'webcontainer', true],
    ['PORT=1 python3 server.py', 'webcontainer', true],
    ['python3 server.py', 'local', false],
    ['node server.js', 'webcontainer', false],
    ['npm start', 'webcontainer', false],
    ['', 'webcontainer', false],
  ] as const)('%s on %s: notice %s', (command, kind, shown) => {
    expect(runtimeNoticeFor(command, kind) !== null).toBe(shown);
  });

  test('names the command, says why, and says where it does run', () => {
    expect(runtimeNoticeFor('python3 server.py', 'webcontainer')).toMatch(
      /^Python needs the local runtime\. This lesson runs "python3 server\.py".*cannot listen on a port.*npm start/,
    );
  });
});
