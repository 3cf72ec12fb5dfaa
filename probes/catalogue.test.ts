// The catalogue describes every rule once; the rules, the lesson schema and the Check UI read it.
import { describe, expect, test } from 'vitest';
import { frontmatter, probeOptions } from '../contracts/lesson-schema.ts';
import { CATALOGUE, RULE_IDS, RULES } from './catalogue.mjs';
import { RULES as IMPLEMENTATIONS } from './rules/index.mjs';

const lesson = (rules: string[], probe: Record<string, unknown> = {}) => ({
  title: 'T', summary: 'S', command: 'node server.js', concepts: ['port-from-env'], rules, starterFails: [], hints: ['h'], probe,
});

describe('the rule catalogue', () => {
  test('has exactly one implementation per rule, and RULES and RULE_IDS follow it', () => {
    expect(Object.keys(IMPLEMENTATIONS).sort()).toEqual([...RULE_IDS].sort());
    expect(RULE_IDS).toEqual(Object.keys(CATALOGUE));
    for (const id of RULE_IDS) expect(RULES[id]).toBe(CATALOGUE[id]?.promise);
  });

  test('describes each rule with a one-line promise and names only probe options the schema has', () => {
    for (const [id, rule] of Object.entries(CATALOGUE)) {
      expect(rule.promise, id).toMatch(/^[^\n]+\.$/);
      for (const option of rule.needs) expect(Object.keys(probeOptions.shape), id).toContain(option);
    }
  });

  test.each(Object.entries(CATALOGUE).filter(([, rule]) => rule.needs.length > 0))('the lesson schema demands what %s needs', (id, rule) => {
    const result = frontmatter.safeParse(lesson([id]));
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    for (const option of rule.needs) expect(messages).toContain(`probe.${option}: rule "${id}" needs probe.${option}`);
  });

  test('the rules that cannot run without an option are the ones lessons already set', () => {
    const needing = Object.entries(CATALOGUE).filter(([, rule]) => rule.needs.length > 0).map(([id, rule]) => [id, rule.needs]);
    expect(Object.fromEntries(needing)).toEqual({
      'default-port': ['defaultPort'],
      'binds-host-from-env': ['defaultHost'],
      'backing-service-url': ['upstreamEnv'],
      'graceful-shutdown': ['slowPath'],
    });
  });

  test('the lesson schema accepts a rule once its options are given', () => {
    expect(frontmatter.safeParse(lesson(['default-port'], { defaultPort: 3000 })).success).toBe(true);
    expect(frontmatter.safeParse(lesson(['responds-http'])).success).toBe(true);
  });
});
