import net from 'node:net';
import { parseCommands, reply } from './resp.js';

const store = new Map();

/** Runs one command, e.g. ['SET', 'fruit', 'pear'], and returns the encoded reply. */
function run([name = '', ...args]) {
  switch (name.toUpperCase()) {
    case 'PING':
      return args.length > 0 ? reply.bulk(args[0]) : reply.simple('PONG');
    // TODO: SET key value → +OK, and GET key → the value, or nil when the key is unknown.
    default:
      return reply.error(`unknown command '${name}'`);
  }
}

const server = net.createServer((socket) => {
  let pending = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    const { commands, rest } = parseCommands(Buffer.concat([pending, chunk]));
    pending = rest;
    for (const command of commands) socket.write(run(command));
  });
  socket.on('error', () => {}); // a client that disappears mid-command is not an error here
});

// Redis lives on 6379. Every Redis client knows that.
server.listen(6379, () => {
  console.log('cache listening on port 6379');
});
