import http from 'node:http';

const server = http.createServer((request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ service: 'inventory', status: 'ok' }));
});

// Right on the platform, which always sets PORT. But on a laptop PORT is often unset,
// and nobody notices a typo like PORT=80o0. What does listen() do with those?
const port = process.env.PORT;
server.listen(port, () => {
  console.log('inventory service listening on', server.address());
});
