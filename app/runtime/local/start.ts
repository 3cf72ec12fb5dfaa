/** Starting the local runtime: it exists only on a page served by `npm start`, which carries a runner token. */
import { RuntimeUnavailableError, type Runtime, type StartContext } from '../types.ts';
import { connectLocalRuntime } from './runtime.ts';

export async function startLocalRuntime({ token, onProgress }: StartContext): Promise<Runtime> {
  if (!token) {
    throw new RuntimeUnavailableError(
      'The local runtime needs the Portside server: run `npm start` and open the address it prints.',
      'webcontainer',
    );
  }
  onProgress('connecting to the local runner…');
  return connectLocalRuntime(token);
}
