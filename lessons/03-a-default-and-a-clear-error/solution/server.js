import http from 'node:http';

// The documented development default. Platforms always set PORT; laptops often don't.
const DEFAULT_PORT = 5000;

/** The port from PORT, the default when PORT is unset, or a clear stop when it makes no sense. */
function portFrom(value) {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    console.error(`PORT must be a whole number from 1 to 65535, but it is "${value}".`);
    process.exit(1);
  }
  return port;
}

const port = portFrom(process.env.PORT);

const server = http.createServer((request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ service: 'inventory', status: 'ok' }));
});

server.listen(port, () => {
  console.log(`inventory service listening on port ${port}`);
});
