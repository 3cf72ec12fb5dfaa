#!/usr/bin/env node
// For action.yml: reads `portside grade --json` lines on stdin, appends the step outputs
// (verdict, score = points of the rules passed, max-score = the points possible; a rule is worth
// the lesson's `points` for it, else 1) to $GITHUB_OUTPUT and a results
// table to $GITHUB_STEP_SUMMARY. Plain JS with no dependencies, so it runs before anything else.
import { appendFileSync, readFileSync } from 'node:fs';

const lines = readFileSync(0, 'utf8').split('\n').filter((line) => line.startsWith('{'));
const rows = lines.map((line) => JSON.parse(line)).filter((row) => !row.summary);
const sum = (field) => rows.reduce((total, row) => total + (row[field] ?? 0), 0);
const score = sum('points');
const maxScore = sum('maxPoints');
const verdict = rows.length === 0 ? 'error' : rows.some((r) => r.verdict === 'error') ? 'error' : rows.every((r) => r.verdict === 'passed') ? 'passed' : 'failed';
const outputs = `verdict=${verdict}\nscore=${score}\nmax-score=${maxScore}\n`;
if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, outputs);
else process.stdout.write(outputs);

const cell = (text) => String(text ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ');
const table = [`### Portside: ${verdict} (${score}/${maxScore} points)`, '', '| rule | status | message |', '|---|---|---|'];
for (const row of rows) {
  for (const note of [...(row.notes ?? []), ...(row.problem ? [row.problem] : [])]) table.push(`| | note | ${cell(note)} |`);
  for (const rule of row.rules ?? []) table.push(`| ${cell(rule.id)} | ${cell(rule.status)} | ${cell(rule.message)} |`);
}
if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, table.join('\n') + '\n');
