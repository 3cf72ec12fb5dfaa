import http from 'node:http';
import { readFileSync } from 'node:fs';
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 5000);
const page = readFileSync(new URL('./index.html', import.meta.url));

const server = http.createServer((request, response) => {
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.end(page);
});

// WebSockets get a port of their own, right next to the HTTP one.
// (How many ports did the platform give this app?)
const sockets = new WebSocketServer({ port: port + 1 });
sockets.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
});

server.listen(port, () => {
  console.log(`echo chat: HTTP on port ${port}, WebSocket on port ${port + 1}`);
});
