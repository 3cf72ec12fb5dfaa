// docs/authoring.md shows the catalogue's rules as they are, and the generator that keeps it so
// touches nothing but its own block.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../probes/catalogue.mjs';
import { AUTHORING_DOC, BEGIN, END, ruleTable, tableIn, withTable } from './docs-rules.ts';

describe('docs/authoring.md', () => {
  it('shows the rules table the catalogue gives', () => {
    const doc = readFileSync(AUTHORING_DOC, 'utf8');
    expect(tableIn(doc), 'docs/authoring.md differs from probes/catalogue.mjs: run `npm run docs:rules`').toBe(ruleTable(CATALOGUE));
  });
});

describe('the rules table generator', () => {
  const doc = `# Rules\n\nBefore.\n\n${BEGIN}\n| old |\n${END}\n\nAfter.\n`;

  it('writes one row per rule, in the catalogue order, with how it observes and what it needs', () => {
    const table = ruleTable({
      'a-rule': { promise: 'It answers.', via: 'http', needs: [] },
      'b-rule': { promise: 'It exits | or not.', via: 'process', needs: ['slowPath', 'defaultPort'] },
    });
    expect(table.split('\n')).toEqual([
      '| id | passes when | observes by | needs |',
      '|---|---|---|---|',
      '| `a-rule` | It answers. | http |  |',
      '| `b-rule` | It exits \\| or not. | process | `slowPath`, `defaultPort` |',
    ]);
  });

  it('replaces only what stands between the markers, and again gives the same page', () => {
    const updated = withTable(doc, '| new |');
    expect(updated).toBe(`# Rules\n\nBefore.\n\n${BEGIN}\n| new |\n${END}\n\nAfter.\n`);
    expect(tableIn(updated)).toBe('| new |');
    expect(withTable(updated, '| new |')).toBe(updated);
  });

  it('names the markers when the page lacks them', () => {
    expect(() => tableIn('# no table here')).toThrow(BEGIN);
    expect(() => withTable(`${END}\n${BEGIN}`, '| new |')).toThrow(END);
  });
});
