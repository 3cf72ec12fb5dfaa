import { expect, test } from 'vitest';
import { ManifestError, parseManifest } from './manifest.ts';

test('CSV: columns in any order and case, quoted cells, blank lines, paths from the manifest folder', () => {
  const csv = 'Lesson,Student,Path\r\n02,"Ada, L.",ada\r\n\r\n13,ben,/abs/ben.zip\n,"cy ""C""",cy\n';
  expect(parseManifest(csv, 'class.csv', '/class')).toEqual([
    { student: 'Ada, L.', path: '/class/ada', lesson: '02', line: 2 },
    { student: 'ben', path: '/abs/ben.zip', lesson: '13', line: 4 },
    { student: 'cy "C"', path: '/class/cy', lesson: undefined, line: 5 },
  ]);
});

test('JSON: a list of objects', () => {
  expect(parseManifest('[{"student":"ada","path":"a","lesson":"take-the-port"},{"path":"b"}]', 'm.json', '/c')).toEqual([
    { student: 'ada', path: '/c/a', lesson: 'take-the-port', line: 1 },
    { student: undefined, path: '/c/b', lesson: undefined, line: 2 },
  ]);
});

test.each([
  ['student,lesson\nada,02\n', 'm.csv', /first line must name the columns/],
  ['path,student\n,ada\n', 'm.csv', /m\.csv:2: no path/],
  ['{"path":"a"}', 'm.json', /must hold a list/],
  ['[{"student":"x"}]', 'm.json', /entry 1: "path"/],
  ['[', 'm.json', /not valid JSON/],
])('%j is refused, naming where', (text, file, message) => {
  expect(() => parseManifest(text, file, '/c')).toThrow(ManifestError);
  expect(() => parseManifest(text, file, '/c')).toThrow(message);
});
