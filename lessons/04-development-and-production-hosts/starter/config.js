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

// Loopback only, so nobody else on the network can reach the app. Safe on a laptop…
export const host = '127.0.0.1';
