import http from 'node:http';

const port = Number(process.env.PORT ?? 5000);

const server = http.createServer((request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ service: 'invoices', status: 'ok' }));
});

// Helpful, like many dev servers: when the port is busy, just take the next one.
let candidate = port;
server.on('error', (error) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.log(`port ${candidate} is busy, trying ${candidate + 1}…`);
  candidate += 1;
  server.listen(candidate);
});

server.on('listening', () => {
  console.log(`invoices service listening on port ${candidate}`);
});

server.listen(candidate);
