import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

const port = Number(process.env.PORT ?? 5000);

function send(response, body) {
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
