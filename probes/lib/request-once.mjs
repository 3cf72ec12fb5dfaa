// A GET against a run, noticing when the request made the server exit (a crash on request).
import { httpGet } from './http-client.mjs';

/**
 * Sends the request; when it fails, waits briefly to see whether the process died of it. A run
 * whose first process exited while another it started serves on (a daemon) has not crashed.
 */
export async function requestOnce(run, { host, port, path, timeoutMs = 5000 }) {
  const response = await httpGet({ host, port, path, timeoutMs });
  const exit = response.error || response.status >= 500 ? await run.waitExit(500) : run.exitInfo;
  return { response, exit: exit && !run.livesOn() ? exit : null };
}
