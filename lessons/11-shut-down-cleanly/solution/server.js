import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

const port = Number(process.env.PORT ?? 5000);
let draining = false;

function send(response, body) {
  // While draining, a keep-alive client must not reuse this connection: say it ends here.
  if (draining) response.setHeader('connection', 'close');
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(body));
}

const server = http.createServer(async (request, response) => {
  if (request.url === '/report') {
    // Building a report takes a while — long enough to be cut off halfway.
    await sleep(1000);
    return send(response, { report: 'monthly', rows: 42 });
  }
  send(response, { service: 'reports', status: 'ok' });
});

server.listen(port, () => {
  console.log(`reports service listening on port ${port}`);
});

// The platform sends SIGTERM before it stops an instance. Stop accepting connections (the
// router then sends new requests to other instances), finish the requests in flight, exit 0.
process.on('SIGTERM', () => {
  console.log('SIGTERM received: finishing requests in flight, then exiting');
  draining = true;
  server.close(() => process.exit(0)); // also closes idle keep-alive connections at once
  // Never hang forever: the platform would SIGKILL us after its grace period anyway.
  setTimeout(() => process.exit(1), 10_000).unref();
});
