import net from 'node:net';
import { parseCommands, reply } from './resp.js';

const port = Number(process.env.PORT ?? 5000);
const store = new Map();

/** Runs one command, e.g. ['SET', 'fruit', 'pear'], and returns the encoded reply. */
function run([name = '', ...args]) {
  switch (name.toUpperCase()) {
    case 'PING':
      return args.length > 0 ? reply.bulk(args[0]) : reply.simple('PONG');
    case 'SET':
      if (args.length < 2) return reply.error("wrong number of arguments for 'set' command");
      store.set(args[0], args[1]);
      return reply.simple('OK');
    case 'GET':
      if (args.length !== 1) return reply.error("wrong number of arguments for 'get' command");
      return reply.bulk(store.get(args[0]));
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

// A Redis client can be pointed at any port; the platform decides which one this cache gets.
server.listen(port, () => {
  console.log(`cache listening on port ${port}`);
});
