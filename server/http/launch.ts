/**
 * Shared start-up of `npm start` and `npm run dev`: read HOST/PORT (and PORTSIDE_SECRET), start
 * the playground, print the address with its login secret (`--open` opens it), warn loudly when
 * it is not loopback-only, explain a taken port, and on SIGINT/SIGTERM/SIGHUP kill every learner
 * process and remove every workspace before exiting.
 */
import { ConfigError, exposedWarning, isLoopback, portInUseMessage, readAddress } from './config.ts';
import { readSecret, SecretError } from './login.ts';
import { describeSandbox, sandboxStatus } from '../sandbox/sandbox.ts';
import { cgroupStatus } from '../sandbox/cgroup.ts';
import { openInBrowser } from './open-browser.ts';
import type { AppFactory } from './app-handler.ts';
import { startAppServer, type AppServer } from './app-server.ts';

export async function launch(root: string, app: AppFactory, label: string): Promise<AppServer> {
  let address;
  let secret: string;
  try {
    address = readAddress(process.env);
    secret = readSecret(process.env);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SecretError) fail(error.message);
    throw error;
  }
  let playground: AppServer;
  try {
    playground = await startAppServer({ ...address, root, app, secret });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(portInUseMessage(address.port));
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') fail(`HOST=${address.host} is not an address of this machine. Unset HOST to use 127.0.0.1.`);
    if (code === 'EACCES') fail(`Not allowed to listen on port ${address.port}. Pick a port above 1023: PORT=4781 npm start`);
    throw error;
  }
  if (!isLoopback(address.host)) console.warn(`\n${exposedWarning({ host: address.host, port: playground.port })}\n`);
  console.log(describeSandbox(await sandboxStatus(), cgroupStatus())); // cgroupStatus also sweeps groups a killed server left
  console.log(`${label} is running at ${playground.loginUrl}`);
  console.log("Open that address. It carries this launch's secret: whoever has it can run programs as you, so keep it to yourself.");
  console.log('Press Ctrl+C to stop.');
  if (process.argv.includes('--open')) openInBrowser(playground.loginUrl);
  stopOnSignals(playground);
  return playground;
}

function stopOnSignals(playground: AppServer): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      playground.runner.killAllSync();
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping learner processes and removing workspaces…`);
    // Never hang on the way out: whatever is not done after 5 s is killed synchronously.
    const deadline = setTimeout(() => process.exit(0), 5000);
    void playground.close().finally(() => {
      clearTimeout(deadline);
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A closed terminal sends SIGHUP: without a handler Node dies at once and nothing is cleaned up.
  process.on('SIGHUP', stop);
  process.on('exit', () => playground.runner.killAllSync());
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
