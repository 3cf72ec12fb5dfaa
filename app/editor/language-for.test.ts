import { describe, expect, it } from 'vitest';
import { languageFor } from './language-for.ts';

describe('languageFor', () => {
  const cases: [string, string][] = [
    ['server.js', 'javascript'],
    ['src/app.mjs', 'javascript'],
    ['lib/index.cjs', 'javascript'],
    ['main.ts', 'typescript'],
    ['package.json', 'json'],
    ['app.py', 'python'],
    ['SERVER.JS', 'javascript'],
    ['Procfile', 'plaintext'],
    ['.env', 'plaintext'],
    ['notes.txt', 'plaintext'],
    ['dir.js/readme', 'plaintext'],
  ];
  it.each(cases)('%s → %s', (path, language) => {
    expect(languageFor(path)).toBe(language);
  });
});
