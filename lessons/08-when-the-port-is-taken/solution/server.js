import http from 'node:http';

const port = Number(process.env.PORT ?? 5000);

const server = http.createServer((request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ service: 'invoices', status: 'ok' }));
});

// PORT is where the platform sends traffic. If we cannot have it, no other port will do:
// stop at once, and say why in words a person on call can act on.
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`Port ${port} is already in use, so the invoices service cannot start. ` +
      'Stop whatever is listening there, or start this service with a different PORT.');
    process.exit(1);
  }
  throw error;
});

server.listen(port, () => {
  console.log(`invoices service listening on port ${port}`);
});
