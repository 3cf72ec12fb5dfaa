// The app is its own server: `npm start` runs this file in development and in production alike.
import app from './app.js';
import { host, port } from './config.js';

// Express 5 passes listen errors to this callback instead of crashing.
const server = app.listen(port, host, (error) => {
  if (error?.code === 'EADDRINUSE') {
    console.error(`Port ${port} is already in use, so harbour-log cannot start. ` +
      'Stop whatever is listening there, or start harbour-log with a different PORT.');
    process.exit(1);
  }
  if (error) throw error;
  console.log(`harbour-log listening on http://${host}:${port}`);
});

// Let the router drain this instance: finish requests in flight, then exit.
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
});
