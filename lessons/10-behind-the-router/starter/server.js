import http from 'node:http';

const server = http.createServer((request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ service: 'sessions', pid: process.pid }));
});

// We only ever run one of these, so the port can never clash. Right?
server.listen(3000, () => {
  console.log('sessions instance listening on port 3000');
});
