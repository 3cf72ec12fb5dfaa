import http from 'node:http';

function handle(request, response) {
  response.setHeader('content-type', 'text/plain');
  response.end('Hello from my own server\n');
}

const server = http.createServer(handle);
server.listen(process.env.PORT, () => {
  console.log(`listening on port ${server.address().port}`);
});
