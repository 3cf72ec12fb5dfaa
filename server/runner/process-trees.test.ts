import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessTrees } from './process-trees.ts';

const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((child) => child.kill('SIGKILL')));

function sleeper(): number {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}

describe.runIf(process.platform === 'linux')('ProcessTrees', () => {
  it('follows a process added while a refresh was reading the process table', async () => {
    const trees = new ProcessTrees();
    trees.add(sleeper());
    await trees.refresh();
    const reading = trees.refresh(); // the port watcher polls while the learner starts another process
    const late = sleeper();
    trees.add(late);
    await reading;
    expect(await trees.refresh()).toContain(late);
  });

  it('forgets a process once it has gone', async () => {
    const trees = new ProcessTrees();
    const pid = sleeper();
    trees.add(pid);
    expect(await trees.refresh()).toContain(pid);
    children[0]!.kill('SIGKILL');
    await new Promise((resolve) => children[0]!.once('exit', resolve));
    expect(await trees.refresh()).not.toContain(pid);
  });
});
