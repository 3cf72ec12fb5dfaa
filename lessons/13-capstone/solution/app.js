// The web app itself: routes and middleware. It knows nothing about ports or hosts.
import express from 'express';
import { health } from './routes/health.js';
import { notes } from './routes/notes.js';

const app = express();
app.use(express.json());
app.use('/health', health);
app.use('/notes', notes);
app.get('/', (request, response) => {
  response.json({ service: 'harbour-log', links: ['/notes', '/health'] });
});

export default app;
