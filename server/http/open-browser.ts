/** `--open`: hands the login URL to the desktop's browser, best effort — the printed URL always works too. */
import { spawn } from 'node:child_process';

export function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => console.log(`Could not open a browser (${command as string}); open the address above yourself.`));
    child.unref();
  } catch {
    console.log('Could not open a browser; open the address above yourself.');
  }
}
