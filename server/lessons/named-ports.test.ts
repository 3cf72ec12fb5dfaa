import { expect, test } from 'vitest';
import { namedPorts } from './named-ports.ts';

test('finds the port numbers a lesson mentions, not versions or addresses', () => {
  expect(namedPorts(['Listen on 3000, or `localhost:5000`; Node 20.19 on 127.0.0.1.', 'PORT=41873 and 8080.'])).toEqual([3000, 5000, 8080, 41873]);
  expect(namedPorts(['port 70000 is not a port'])).toEqual([]);
});
