// Everything this service reads from its environment, in one place.

// The documented development default. Platforms always set PORT; laptops often don't.
const DEFAULT_PORT = 5000;

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

// Development: loopback only, so nobody else on the café Wi-Fi can reach a half-finished app.
// Production: the platform sets HOST=0.0.0.0, so its router — outside the container — can.
const DEFAULT_HOST = '127.0.0.1';

export const host = process.env.HOST || DEFAULT_HOST;
