import { describe, expect, it } from 'vitest';
import { dropBackup, loadBackup, loadLearnerFiles, nextBackup, sameFiles, saveBackup, saveLearnerFiles } from './saved-files.ts';

/** The Web Storage API in memory, with the browser's quota behaviour: setItem throws when full. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    const used = [...this.items].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

const starter = { 'server.js': 'starter code', 'package.json': '{}' };

describe('learner files', () => {
  it('gives the starter when nothing was saved', () => {
    expect(loadLearnerFiles(new MemoryStorage(), 'take-the-port', starter)).toEqual(starter);
  });

  it('restores what was saved, per lesson', () => {
    const storage = new MemoryStorage();
    expect(saveLearnerFiles(storage, 'take-the-port', { ...starter, 'server.js': 'mine' }, starter)).toEqual({ ok: true });
    expect(loadLearnerFiles(storage, 'take-the-port', starter)['server.js']).toBe('mine');
    expect(loadLearnerFiles(storage, 'your-program-is-the-server', starter)['server.js']).toBe('starter code');
  });

  it('reads an older entry (a plain map) over the starter, dropping files the lesson no longer has', () => {
    const storage = new MemoryStorage();
    storage.setItem('portside:v1:files:l', JSON.stringify({ 'server.js': 'mine', 'old.js': 'gone from the lesson' }));
    expect(loadLearnerFiles(storage, 'l', starter)).toEqual({ 'server.js': 'mine', 'package.json': '{}' });
  });

  it('keeps files the learner created and leaves deleted starter files deleted', () => {
    const storage = new MemoryStorage();
    const mine = { 'server.js': 'mine', 'routes/users.js': 'export default 1;' };
    saveLearnerFiles(storage, 'l', mine, starter);
    expect(loadLearnerFiles(storage, 'l', starter)).toEqual(mine);
  });

  it('still shows a starter file a course update added', () => {
    const storage = new MemoryStorage();
    saveLearnerFiles(storage, 'l', { ...starter, 'server.js': 'mine' }, starter);
    expect(loadLearnerFiles(storage, 'l', { ...starter, 'README.md': 'new' })).toEqual({ 'server.js': 'mine', 'package.json': '{}', 'README.md': 'new' });
  });

  it('refuses a created path that escapes the lesson, read back from a tampered entry', () => {
    const storage = new MemoryStorage();
    storage.setItem('portside:v1:files:l', JSON.stringify({ files: { '../evil.js': 'x', 'ok.js': 'y' }, created: ['../evil.js', 'ok.js'], removed: [] }));
    expect(loadLearnerFiles(storage, 'l', starter)).toEqual({ ...starter, 'ok.js': 'y' });
  });

  it('gives the starter back when every file was deleted', () => {
    const storage = new MemoryStorage();
    saveLearnerFiles(storage, 'l', {}, starter);
    expect(loadLearnerFiles(storage, 'l', starter)).toEqual(starter);
  });

  const broken: [string, string][] = [
    ['not JSON', '{oops'],
    ['JSON of the wrong shape', '[1,2,3]'],
    ['non-string contents', '{"server.js": 42}'],
  ];
  it.each(broken)('ignores a saved entry that is %s', (_name, text) => {
    const storage = new MemoryStorage();
    storage.setItem('portside:v1:files:l', text);
    expect(loadLearnerFiles(storage, 'l', starter)).toEqual(starter);
  });

  it('says so, in plain words, when storage is full', () => {
    const result = saveLearnerFiles(new MemoryStorage(10), 'l', { 'server.js': 'x'.repeat(100) }, starter);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/storage .* is full.*still in the editor/);
  });

  it('says so when the browser blocks storage altogether', () => {
    const result = saveLearnerFiles(null, 'l', starter, starter);
    expect(!result.ok && result.message).toMatch(/does not let Portside store/);
    expect(loadLearnerFiles(null, 'l', starter)).toEqual(starter);
  });
});

describe('backup of the learner code', () => {
  it('is kept until dropped', () => {
    const storage = new MemoryStorage();
    expect(loadBackup(storage, 'l', starter)).toBeUndefined();
    saveBackup(storage, 'l', { ...starter, 'server.js': 'my attempt' }, starter);
    expect(loadBackup(storage, 'l', starter)?.['server.js']).toBe('my attempt');
    dropBackup(storage, 'l');
    expect(loadBackup(storage, 'l', starter)).toBeUndefined();
  });
});

describe('sameFiles', () => {
  const cases: [string, Record<string, string>, Record<string, string>, boolean][] = [
    ['identical', { a: '1' }, { a: '1' }, true],
    ['different content', { a: '1' }, { a: '2' }, false],
    ['an extra file', { a: '1' }, { a: '1', b: '2' }, false],
    ['different names', { a: '1' }, { b: '1' }, false],
  ];
  it.each(cases)('%s', (_name, a, b, same) => {
    expect(sameFiles(a, b)).toBe(same);
  });
});

describe('nextBackup', () => {
  const lesson = { starter: { 'server.js': 'starter' }, solution: { 'server.js': 'solution' } };
  const mine = { 'server.js': 'my attempt' };
  const older = { 'server.js': 'an older attempt' };
  const cases: { name: string; current: Record<string, string>; next: Record<string, string>; backup?: Record<string, string>; kept?: Record<string, string> }[] = [
    { name: 'my code replaced by the solution is kept', current: mine, next: lesson.solution, backup: older, kept: mine },
    { name: 'my code replaced by the starter is kept', current: mine, next: lesson.starter, kept: mine },
    { name: 'the solution replaced by the starter keeps my earlier code', current: lesson.solution, next: lesson.starter, backup: mine, kept: mine },
    { name: 'the starter replaced by the solution keeps my earlier code', current: lesson.starter, next: lesson.solution, backup: mine, kept: mine },
    { name: 'replacing code with itself changes nothing', current: mine, next: mine, backup: older, kept: older },
    { name: 'nothing to keep from the starter', current: lesson.starter, next: lesson.solution, kept: undefined },
  ];
  it.each(cases)('$name', ({ current, next, backup, kept }) => {
    expect(nextBackup(current, next, backup, lesson)).toEqual(kept);
  });
});
