// Each process learns every socket its tree holds — TCP and UDP, with the address — so the port
// map can say who listens where. Two processes of one connection are told apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { connectRuntime, waitFor } from '../../test-support/runner-client.ts';
import type { ListeningSocketInfo as ListeningSocket } from '../../contracts/runner-protocol.ts';

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground()));
afterAll(() => playground.close());

describe.runIf(process.platform === 'linux')('runner socket reports', () => {
  it('reports each process tree its own TCP and UDP sockets with their addresses', async () => {
    const runtime = await connectRuntime(playground);
    const [web, udp, other] = [await runtime.freePort(), await runtime.freePort(), await runtime.freePort()];
    await runtime.writeFiles({
      // The sockets are opened by a child, as `npm start` would: the tree's root is not the listener.
      'both.js': `require('node:child_process').spawn(process.execPath, ['-e', \`
        require('node:http').createServer(() => {}).listen(${web}, '127.0.0.1');
        require('node:dgram').createSocket('udp4').bind(${udp}, '0.0.0.0');
      \`], { stdio: 'inherit' }); setInterval(() => {}, 1000)`,
      'other.js': `require('node:net').createServer().listen(${other}, '0.0.0.0')`,
    });
    const first = await runtime.spawn('node', ['both.js']);
    const second = await runtime.spawn('node', ['other.js']);
    const seen = (child: typeof first) => {
      let latest: readonly ListeningSocket[] = [];
      child.onSockets?.((sockets) => (latest = sockets));
      return () => latest;
    };
    const firstSockets = seen(first);
    const secondSockets = seen(second);
    await waitFor(() => firstSockets().length === 2 || undefined, 'both sockets of the first tree');
    expect(firstSockets()).toEqual(
      [
        { protocol: 'tcp', address: '127.0.0.1', port: web },
        { protocol: 'udp', address: '0.0.0.0', port: udp },
      ].sort((a, b) => a.port - b.port),
    );
    await waitFor(() => secondSockets().length === 1 || undefined, 'the second tree');
    expect(secondSockets()).toEqual([{ protocol: 'tcp', address: '0.0.0.0', port: other }]);
    second.kill();
    await second.exit;
    expect(secondSockets()).toEqual([]);
    await runtime.dispose();
  });
});
