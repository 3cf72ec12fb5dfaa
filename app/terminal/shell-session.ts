/**
 * The learner's shell: a real interactive shell on a pseudo-terminal in the runtime's workspace
 * (bash on the local runtime, jsh in a WebContainer), so `PORT=5000 node server.js`, `$PORT`,
 * history, Ctrl+C and resizing are the shell's own. Its bytes go to xterm as they are; nothing
 * here edits lines. Before each Enter the editor's files are written, so the shell runs what the
 * learner sees. A server it starts is reported by the runtime like any other, so the preview
 * shows it.
 */
import type { FileMap, ListeningSocket, Runtime, RuntimeProcess, TerminalSize } from '../runtime/types.ts';
import { Store } from '../store/store.ts';
import { readOutput } from '../runtime/process-output.ts';
import { workspaceFilesOf } from '../workspace/workspace-files.ts';
import { TerminalFeed } from './terminal-feed.ts';
import { shellsFor } from './shell-command.ts';

const DIM = '\x1b[2m';
const RED = '\x1b[31m';
const RESET = '\x1b[0m';

/** What the port map needs of the shell: the sockets of everything it started (null: unknown). */
export interface ShellSockets {
  sockets: readonly ListeningSocket[] | null;
}

export const NO_SHELL_SOCKETS: ShellSockets = { sockets: [] };

export class ShellSession extends Store<ShellSockets> {
  readonly feed = new TerminalFeed();
  private process: RuntimeProcess | null = null;
  private starting: Promise<void> | null = null;
  private size: TerminalSize = { cols: 80, rows: 24 };
  /** Keystrokes in order, each after the file sync the one before it may have started. */
  private typing: Promise<void> = Promise.resolve();
  private syncedFiles = '';
  private disposed = false;

  constructor(
    private readonly runtime: Runtime,
    private readonly latestFiles: () => FileMap,
  ) {
    super(NO_SHELL_SOCKETS);
  }

  /** Starts the shell at this size, once; later calls only resize it. */
  open(size: TerminalSize): void {
    this.resize(size);
    this.starting ??= this.start();
  }

  /** What the learner typed, as xterm's raw bytes (Enter is "\r", Ctrl+C is "\x03"). */
  input(data: string): void {
    const shell = this.process;
    if (!shell) {
      // The shell has exited: Enter starts a new one.
      if (data.includes('\r') && !this.starting) this.starting = this.start();
      return;
    }
    this.typing = this.typing.then(async () => {
      // A failed sync (the runtime went away) must not swallow the keystroke or every later one.
      if (data.includes('\r')) await this.syncFiles().catch(() => undefined);
      shell.write(data);
    });
  }

  resize(size: TerminalSize): void {
    if (size.cols < 1 || size.rows < 1) return;
    this.size = size;
    this.process?.resize?.(size);
  }

  dispose(): void {
    this.disposed = true;
    this.process?.kill();
    this.forgetListeners();
  }

  private async start(): Promise<void> {
    try {
      await this.syncFiles();
      const shell = await this.spawnShell();
      if (this.disposed) return shell.kill();
      this.process = shell;
      const stopSockets = shell.onSockets?.((sockets) => this.set({ sockets }));
      if (!shell.onSockets) this.set({ sockets: null });
      void readOutput(shell.output, (chunk) => this.feed.write(chunk));
      void shell.exit.then((code) => {
        stopSockets?.();
        if (this.process === shell) this.process = null;
        this.set(NO_SHELL_SOCKETS);
        this.starting = null;
        if (!this.disposed) this.feed.write(`\r\n${DIM}[shell exited with code ${code} — press Enter for a new one]${RESET}\r\n`);
      });
    } catch (error) {
      this.starting = null;
      this.feed.write(`${RED}Could not start a shell: ${(error as Error).message}${RESET}\r\n${DIM}Press Enter to try again.${RESET}\r\n`);
    }
  }

  /** The first shell of the runtime's list that exists here. */
  private async spawnShell(): Promise<RuntimeProcess> {
    let failure: unknown = null;
    for (const { command, args, env } of shellsFor(this.runtime.kind)) {
      try {
        return await this.runtime.spawn(command, args, { env, terminal: this.size });
      } catch (error) {
        failure = error;
      }
    }
    throw failure instanceof Error ? failure : new Error('no shell');
  }

  private async syncFiles(): Promise<void> {
    const files = this.latestFiles();
    const text = JSON.stringify(files);
    if (text === this.syncedFiles) return;
    await workspaceFilesOf(this.runtime).write(files);
    this.syncedFiles = text;
  }
}
