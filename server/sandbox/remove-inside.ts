/**
 * Removing a path where a racing learner program cannot turn it into a removal outside: `rm -rf`
 * runs inside the sandbox, where only the workspace is writable. Whatever symlink is swapped in
 * between the path check and the removal, everything outside is read-only there (EROFS).
 */
import { spawn } from 'node:child_process';
import { bubblewrapArgs } from './sandbox.ts';

export function removeInside(bwrap: string, workspace: string, target: string): Promise<void> {
  const args = bubblewrapArgs({ file: 'rm', args: ['-rf', '--', target], workspace, network: 'loopback-only' });
  return new Promise((resolve, reject) => {
    const child = spawn(bwrap, args, { env: { PATH: '/usr/bin:/bin' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`Could not remove it: ${stderr.trim() || `rm exited with ${code}`}`))));
  });
}
