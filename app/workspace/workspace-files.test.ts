import { describe, expect, it } from 'vitest';
import type { FileMap } from '../runtime/types.ts';
import { workspaceFilesOf, type WorkspaceRuntime } from './workspace-files.ts';

/** A workspace in memory: just the two operations the owner uses. */
function memoryWorkspace(): WorkspaceRuntime & { files: FileMap } {
  const files: FileMap = {};
  return {
    files,
    async writeFiles(written) {
      Object.assign(files, written);
    },
    async remove(path) {
      delete files[path];
    },
  };
}

describe('workspaceFilesOf', () => {
  it('is one owner per runtime, so Run and Check share what was written', () => {
    const runtime = memoryWorkspace();
    expect(workspaceFilesOf(runtime)).toBe(workspaceFilesOf(runtime));
    expect(workspaceFilesOf(runtime)).not.toBe(workspaceFilesOf(memoryWorkspace()));
  });

  it("removes the previous lesson's files, whoever wrote them", async () => {
    const runtime = memoryWorkspace();
    // Run in lesson 1 (through one handle), then Check in lesson 2 (through another).
    await workspaceFilesOf(runtime).write({ 'server.js': 'one', 'lib/old.js': 'old' });
    await workspaceFilesOf(runtime).write({ 'server.js': 'two' }, { '.portside/check.json': '{}' });
    expect(runtime.files).toEqual({ 'server.js': 'two', '.portside/check.json': '{}' });
  });

  it("leaves Portside's own files alone: they are not the learner's", async () => {
    const runtime = memoryWorkspace();
    const owner = workspaceFilesOf(runtime);
    await owner.write({ 'server.js': 'a' }, { '.portside/harness.mjs': 'h' });
    await owner.write({ 'server.js': 'b' });
    expect(runtime.files).toEqual({ 'server.js': 'b', '.portside/harness.mjs': 'h' });
  });
});
