import http from 'node:http';
import { readFileSync } from 'node:fs';
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 5000);
const page = readFileSync(new URL('./index.html', import.meta.url));

const server = http.createServer((request, response) => {
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.end(page);
});

// A WebSocket starts life as an HTTP request asking to "upgrade", so the same server — and the
// same PORT — can accept both. ws listens for those upgrade requests on our HTTP server.
const sockets = new WebSocketServer({ server });
sockets.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
});

server.listen(port, () => {
  console.log(`echo chat: HTTP and WebSocket on port ${port}`);
});
