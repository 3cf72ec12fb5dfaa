import http from 'node:http';

const server = http.createServer((request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ service: 'orders', status: 'ok' }));
});

// The platform decides the port and tells us through the environment.
const port = Number(process.env.PORT);
server.listen(port, () => {
  console.log(`orders service listening on port ${port}`);
});
