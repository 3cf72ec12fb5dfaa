import { Router } from 'express';

export const health = Router();

// What a platform's health check or a load balancer asks: are you up?
health.get('/', (request, response) => {
  response.json({ status: 'ok', uptime: Math.round(process.uptime()) });
});
