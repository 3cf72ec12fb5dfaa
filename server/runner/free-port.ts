/** A port that is free right now on loopback, to hand to a learner's server as PORT. */
import { createServer } from 'node:net';

/** Ports learners and lessons talk about, and Portside's own default: never handed out. */
const AVOIDED = new Set([3000, 5000, 8000, 8080, 4780]);

export async function freePort(avoid: readonly number[] = []): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await bindZero();
    if (!AVOIDED.has(port) && !avoid.includes(port)) return port;
  }
  throw new Error('Could not find a free port on 127.0.0.1');
}

function bindZero(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
