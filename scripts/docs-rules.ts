// docs/authoring.md's table of rules is generated from probes/catalogue.mjs, so each promise is
// written once. `npm run docs:rules` rewrites the block between the two markers; its test
// (scripts/docs-rules.test.ts) fails while the page and the catalogue disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CATALOGUE, type RuleDescription } from '../probes/catalogue.mjs';

export const AUTHORING_DOC = fileURLToPath(new URL('../docs/authoring.md', import.meta.url));
export const BEGIN = '<!-- rules table: generated from probes/catalogue.mjs by `npm run docs:rules`; edit the catalogue, not the table -->';
export const END = '<!-- end of the rules table -->';

/** The markdown table of the catalogue's rules, in its order. */
export function ruleTable(catalogue: Readonly<Record<string, RuleDescription>>): string {
  const rows = Object.entries(catalogue).map(([id, rule]) => {
    const needs = rule.needs.map((option) => `\`${option}\``).join(', ');
    return `| \`${id}\` | ${cell(rule.promise)} | ${rule.via} | ${needs} |`;
  });
  return ['| id | passes when | observes by | needs |', '|---|---|---|---|', ...rows].join('\n');
}

/** A table cell's text: a `|` would end the cell and a line break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** The page split around its generated block; throws, naming the markers, when they are missing. */
function split(doc: string): { head: string; block: string; tail: string } {
  const start = doc.indexOf(BEGIN);
  const end = start < 0 ? -1 : doc.indexOf(END, start);
  if (end < 0) throw new Error(`docs/authoring.md lacks the rules table's markers, in this order:\n${BEGIN}\n${END}`);
  return { head: doc.slice(0, start + BEGIN.length), block: doc.slice(start + BEGIN.length, end), tail: doc.slice(end) };
}

/** What stands between the markers now. */
export function tableIn(doc: string): string {
  return split(doc).block.trim();
}

/** The page with `table` between the markers and everything else as it was. */
export function withTable(doc: string, table: string): string {
  const { head, tail } = split(doc);
  return `${head}\n${table}\n${tail}`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const doc = readFileSync(AUTHORING_DOC, 'utf8');
  const updated = withTable(doc, ruleTable(CATALOGUE));
  if (updated !== doc) writeFileSync(AUTHORING_DOC, updated);
  console.log(updated === doc ? 'docs/authoring.md: the rules table is up to date' : 'docs/authoring.md: rules table rewritten from probes/catalogue.mjs');
}
