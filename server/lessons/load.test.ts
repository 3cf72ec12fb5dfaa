import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLesson, loadLesson, loadLessons, loadLessonsReport, LessonError, numberingProblems } from './load.ts';

const GOOD = `---
title: Take the port
summary: Read PORT.
command: node server.js
concepts: [port-from-env]
rules: [responds-http, uses-env-port]
starterFails: [uses-env-port]
hints: [Look at process.env.]
---
# Body with port 3000 and 8080
`;

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'portside-lessons-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function lessonFolder(folder: string, text: string, files: Record<string, string> = { 'server.js': '//' }) {
  const dir = join(root, folder);
  for (const side of ['starter', 'solution']) {
    await mkdir(join(dir, side), { recursive: true });
    for (const [name, contents] of Object.entries(files)) await writeFile(join(dir, side, name), contents);
  }
  await writeFile(join(dir, 'lesson.md'), text);
  return dir;
}

describe('loading a lesson', () => {
  it('reads frontmatter, body, files, order and slug', async () => {
    const dir = await lessonFolder('02-take-the-port', GOOD);
    const lesson = await loadLesson(dir);
    expect(lesson).toMatchObject({ id: 'take-the-port', folder: '02-take-the-port', order: 2, command: 'node server.js' });
    expect(lesson.starter).toEqual({ 'server.js': '//' });
    expect(lesson.body).toContain('# Body');
    expect(lesson.probe.path).toBe('/');
    expect(lesson.namedPorts).toEqual(expect.arrayContaining([3000, 8080]));
  });

  it('finds lessons by slug, folder name or number, in order', async () => {
    await lessonFolder('02-take-the-port', GOOD);
    await lessonFolder('01-first', GOOD);
    const lessons = await loadLessons(root);
    expect(lessons.map((l) => l.folder)).toEqual(['01-first', '02-take-the-port']);
    for (const id of ['take-the-port', '02-take-the-port', '02', '2']) expect(findLesson(lessons, id)?.folder).toBe('02-take-the-port');
    expect(findLesson(lessons, '7')).toBeUndefined();
  });
});

describe('a bad lesson fails with the file and the field named', () => {
  const cases: [string, string, string, RegExp][] = [
    ['bad folder name', 'take-the-port', GOOD, /folder name must look like NN-slug/],
    ['no frontmatter', '03-x', '# just markdown', /must start with a --- frontmatter block/],
    ['invalid YAML', '03-x', '---\ntitle: [unclosed\n---\n', /not valid YAML/],
    ['missing title', '03-x', GOOD.replace('title: Take the port\n', ''), /field "title"/],
    ['unknown rule id', '03-x', GOOD.replace('rules: [responds-http', 'rules: [responds-htp'), /field "rules.0": unknown rule id "responds-htp"/],
    ['starterFails not in rules', '03-x', GOOD.replace('starterFails: [uses-env-port]', 'starterFails: [no-hardcoded-port]'), /field "starterFails.0": "no-hardcoded-port" is not in rules/],
    ['unknown concept', '03-x', GOOD.replace('[port-from-env]', '[ports]'), /field "concepts.0"/],
    ['unknown field', '03-x', GOOD.replace('hints:', 'colour: blue\nhints:'), /colour/],
    ['no hints', '03-x', GOOD.replace('hints: [Look at process.env.]', 'hints: []'), /field "hints"/],
    ['open names a missing file', '03-x', GOOD.replace('hints:', 'open: app.js\nhints:'), /field "open": starter\/app.js does not exist/],
    ['a rule without its option', '03-x', GOOD.replace('rules: [responds-http', 'rules: [default-port, responds-http'), /defaultPort/],
  ];
  it.each(cases)('%s', async (_name, folder, text, message) => {
    const dir = await lessonFolder(folder, text);
    const error = await loadLesson(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LessonError);
    expect((error as Error).message).toMatch(message);
    if (folder !== 'take-the-port') expect((error as Error).message).toContain(join(dir, 'lesson.md'));
  });

  it.each([
    ['a YAML error', GOOD.replace('rules: [responds-http, uses-env-port]', 'rules: [responds-http, uses-env-port'), /lesson\.md:7: frontmatter is not valid YAML: /],
    ['a bad value', GOOD.replace('rules: [responds-http, uses-env-port]', 'rules: [responds-http, uses-env-prt]'), /lesson\.md:6: field "rules\.1": unknown rule id "uses-env-prt"/],
    ['a missing field', GOOD.replace('title: Take the port\n', ''), /lesson\.md:2: field "title"/],
    ['a missing probe option', GOOD.replace('rules: [responds-http', 'probe:\n  path: /x\nrules: [default-port, responds-http'), /lesson\.md:6: field "probe.defaultPort": rule "default-port" needs probe.defaultPort/],
  ])('%s is reported at its line of lesson.md, counted from the top of the file', async (_name, text, message) => {
    const error = await loadLesson(await lessonFolder('03-x', text)).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(message);
  });

  it('a lesson without starter files', async () => {
    const dir = await lessonFolder('03-x', GOOD, {});
    await expect(loadLesson(dir)).rejects.toThrow(/starter has no files/);
  });
});

describe('one broken lesson never blocks the others', () => {
  it('the report holds every lesson that loads and an error naming each broken one', async () => {
    await lessonFolder('01-first', GOOD);
    await lessonFolder('02-broken', GOOD.replace('title: Take the port\n', ''));
    await lessonFolder('03-third', GOOD);
    const { lessons, broken } = await loadLessonsReport(root);
    expect(lessons.map((l) => l.folder)).toEqual(['01-first', '03-third']);
    expect(broken.map((e) => [e.folder, e.message])).toEqual([['02-broken', expect.stringContaining(join(root, '02-broken', 'lesson.md'))]]);
    await expect(loadLessons(root)).rejects.toThrow(/02-broken.*field "title"/);
  });
});

describe('lesson numbering', () => {
  it.each([
    [['01-a', '02-b', '03-c'], []],
    [['01-a', '03-c'], ['no lesson is numbered 02 (01-a is followed by 03-c)']],
    [['01-a', '02-b', '02-c'], ['02-b and 02-c share the number 02']],
    [['02-b'], ['no lesson is numbered 01']],
    [['00-intro', '01-a'], ['00-intro: lessons are numbered from 01']],
  ])('%j: %j', (folders, problems) => {
    expect(numberingProblems(folders)).toEqual(problems);
  });
});
