import http from 'node:http';

// Each instance gets its own PORT from the platform; the router knows them all.
const port = Number(process.env.PORT ?? 5000);

const server = http.createServer((request, response) => {
  response.setHeader('content-type', 'application/json');
  // Naming the instance in the answer makes the router's round robin visible.
  response.end(JSON.stringify({ service: 'sessions', instance: port, pid: process.pid }));
});

server.listen(port, () => {
  console.log(`sessions instance listening on port ${port}`);
});
