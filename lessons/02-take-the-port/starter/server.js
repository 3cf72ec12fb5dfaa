import http from 'node:http';

const server = http.createServer((request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ service: 'orders', status: 'ok' }));
});

// The port is decided here, by the code. Who else might want 3000?
server.listen(3000, () => {
  console.log('orders service listening on port 3000');
});
