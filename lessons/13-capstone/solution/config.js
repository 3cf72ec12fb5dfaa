// Everything this app reads from its environment, in one place, checked once at start-up.

// Development defaults: a laptop sets nothing. A platform sets PORT, and HOST=0.0.0.0.
const DEFAULT_PORT = 5000;
const DEFAULT_HOST = '127.0.0.1';

function portFrom(value) {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    console.error(`PORT must be a whole number from 1 to 65535, but it is "${value}".`);
    process.exit(1);
  }
  return port;
}

export const port = portFrom(process.env.PORT);
export const host = process.env.HOST || DEFAULT_HOST;
