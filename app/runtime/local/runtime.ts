/**
 * The local runtime: the Runtime seam over one WebSocket to the runner of the Portside server
 * (`npm start`), which runs real processes in a private temp workspace. The protocol's types and
 * limits come from contracts/runner-protocol.ts.
 */
import { MAX_INPUT_LENGTH, RUNNER_PATH, type ClientMessage, type ResultValues, type ServerMessage } from '../../../contracts/runner-protocol.ts';
import { CONNECTION_LOST_EXIT_CODE, LocalProcess } from './process.ts';
import { RuntimeUnavailableError, type PortEvent, type Runtime } from '../types.ts';

export interface LocalRuntimeOptions {
  /** The runner's address; by default RUNNER_PATH on this page's own host. */
  url?: string;
  /** The WebSocket class to use (Node tests pass `ws`'s); the browser's by default. */
  WebSocket?: typeof WebSocket;
}

type Request = ClientMessage extends infer M ? (M extends ClientMessage ? Omit<M, 'id'> : never) : never;

export async function connectLocalRuntime(token: string, options: LocalRuntimeOptions = {}): Promise<Runtime> {
  const Socket = options.WebSocket ?? WebSocket;
  const url = options.url ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${RUNNER_PATH}?token=${encodeURIComponent(token)}`;
  const socket = new Socket(url);
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const processes = new Map<number, LocalProcess>();
  const listeners = new Set<(event: PortEvent) => void>();
  const openPorts = new Map<number, string>();
  let nextId = 1;
  let lost: string | null = null;

  // Browsers follow every error with a close event, which says all there is to say; listening
  // here also keeps Node's `ws` from treating the error as unhandled.
  socket.addEventListener('error', () => {});
  const hello = new Promise<ServerMessage & { type: 'hello' }>((resolve, reject) => {
    socket.addEventListener('message', function onHello(event) {
      const message = parse(event.data);
      if (message?.type !== 'hello') return;
      socket.removeEventListener('message', onHello);
      resolve(message);
    });
    socket.addEventListener('close', (event) =>
      reject(new RuntimeUnavailableError(`Could not connect to the local runner (closed with code ${event.code}). Is \`npm start\` still running? Reload the page to get a fresh token.`, 'webcontainer')),
    );
  });

  function request<K extends keyof ResultValues>(message: Request & { op: K }): Promise<ResultValues[K]> {
    if (lost) return Promise.reject(new Error(lost));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      socket.send(JSON.stringify({ ...message, id }));
    });
  }

  function processFor(proc: number): LocalProcess {
    let child = processes.get(proc);
    if (!child) {
      child = new LocalProcess({
        write(data) {
          for (let at = 0; at < data.length; at += MAX_INPUT_LENGTH) request({ op: 'input', proc, data: data.slice(at, at + MAX_INPUT_LENGTH) }).catch(() => {});
        },
        kill: () => void request({ op: 'kill', proc }).catch(() => {}),
        resize: ({ cols, rows }) => void request({ op: 'resize', proc, cols, rows }).catch(() => {}),
      });
      processes.set(proc, child);
    }
    return child;
  }

  function emit(event: PortEvent): void {
    if (event.type === 'open') openPorts.set(event.port, event.url);
    else openPorts.delete(event.port);
    for (const listener of listeners) listener(event);
  }

  function receive(message: ServerMessage): void {
    if (message.type === 'result') {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiter?.resolve(message.value);
      else waiter?.reject(new Error(message.error));
    } else if (message.type === 'output') processFor(message.proc).push(message.data);
    else if (message.type === 'exit') processFor(message.proc).finish(message.code);
    else if (message.type === 'sockets') processFor(message.proc).pushSockets(message.sockets);
    else if (message.type === 'port') emit({ port: message.port, type: message.event, url: message.url });
    else if (message.type === 'error') console.warn(`local runner: ${message.error}`);
  }

  socket.addEventListener('message', (event) => {
    const message = parse(event.data);
    if (message) receive(message);
  });
  socket.addEventListener('close', (event) => {
    lost ??= `The connection to the local runner was lost (code ${event.code}). Restart \`npm start\` if it stopped, then reload the page.`;
    for (const waiter of pending.values()) waiter.reject(new Error(lost));
    pending.clear();
    for (const child of processes.values()) child.finish(CONNECTION_LOST_EXIT_CODE, `\r\n[portside: ${lost}]\r\n`);
    for (const [port, url] of openPorts) emit({ port, type: 'close', url });
  });

  // A runner that does not say (an older one) is taken as not isolated: Check then stops the Run.
  const { checksIsolated = false } = await hello;
  return {
    kind: 'local',
    checksIsolatedFromRuns: checksIsolated,
    writeFiles: (files) => request({ op: 'writeFiles', files }),
    readFile: (path) => request({ op: 'readFile', path }),
    remove: (path) => request({ op: 'remove', path }),
    async spawn(command, args, options) {
      const { proc } = await request({ op: 'spawn', command, args, env: options?.env, cwd: options?.cwd, terminal: options?.terminal });
      return processFor(proc);
    },
    freePort: () => request({ op: 'freePort' }),
    onPort(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      if (socket.readyState === socket.CLOSED) return;
      const closed = new Promise((resolve) => socket.addEventListener('close', resolve));
      lost ??= 'The local runtime was disposed.';
      socket.close(1000, 'disposed');
      await closed;
    },
  };
}

function parse(data: unknown): ServerMessage | null {
  try {
    return JSON.parse(String(data)) as ServerMessage;
  } catch {
    return null;
  }
}
