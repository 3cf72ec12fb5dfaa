import http from 'node:http';
import { host, port } from './config.js';

const server = http.createServer((request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ service: 'accounts', status: 'ok' }));
});

server.listen(port, host, () => {
  console.log(`accounts service listening on http://${host}:${port}`);
});
