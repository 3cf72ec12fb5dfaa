// This handler is all the "app" there is. Today it is meant to be loaded by some
// external web server — but there isn't one. Make this program its own server.
function handle(request, response) {
  response.setHeader('content-type', 'text/plain');
  response.end('Hello from my own server\n');
}

console.log('handler ready, but nobody is listening yet');
