// Only for local development (`npm run dev`). On the servers, the Harbour app server — installed
// on every host by the ops team — loads app.js and listens for it; see "start" in package.json.
import app from './app.js';
import config from './config.js';

app.listen(config.port, config.host, () => {
  console.log(`harbour-log (dev) on http://${config.host}:${config.port}`);
});
