/**
 * The lesson frontmatter schema, and the lesson as the browser receives it. Every field says what
 * it is for, so authors can read it here. The server validates with it (server/lessons/load.ts);
 * the browser imports only its types, so zod stays out of the bundle.
 */
import { z } from 'zod';
import { CATALOGUE, RULE_IDS } from '../probes/catalogue.mjs';
import type { FileMap } from './files.ts';

/** The ideas of port binding a lesson can teach; the course as a whole must cover every one. */
export const CONCEPTS = [
  'self-contained', 'own-web-server', 'declare-dependency', 'port-from-env', 'dev-default',
  'prod-all-interfaces', 'routing-layer', 'multiple-instances', 'protocol-agnostic', 'websocket',
  'tcp', 'backing-service', 'portability', 'dev-prod-parity', 'anti-pattern-server-module',
  'anti-pattern-app-server', 'anti-pattern-assumed-environment', 'anti-pattern-hardcoded-port',
  'any-language',
] as const;

const ruleId = z.string().refine((id) => RULE_IDS.includes(id), {
  error: (issue) => `unknown rule id "${String(issue.input)}" (known: ${RULE_IDS.join(', ')})`,
});

/** Options the probes read; a rule ignores the ones it does not need. */
export const probeOptions = z
  .object({
    path: z.string().startsWith('/').default('/').describe('HTTP path the probes request'),
    bodyPattern: z.string().optional().describe('Regular expression the HTTP response body must match'),
    defaultPort: z.number().int().min(1).max(65535).optional().describe('Development default port, for default-port'),
    defaultHost: z.string().optional().describe('Host bound when HOST is unset, for binds-host-from-env'),
    upstreamEnv: z.string().optional().describe('Env variable holding the upstream URL, for backing-service-url'),
    readyTimeoutMs: z.number().int().positive().max(60000).optional().describe('How long to wait for the server to listen'),
    protocol: z.enum(['redis']).optional().describe('Protocol spoken by tcp-protocol'),
    slowPath: z.string().startsWith('/').optional().describe('HTTP path the server answers slowly (about a second), for graceful-shutdown: SIGTERM arrives while it is in flight'),
    upstreamBody: z.string().optional().describe('Body the stub upstream answers every request with, for backing-service-url (default {"ok":true,"service":"portside-stub"})'),
  })
  .strict()
  .describe('Settings for the check probes');
export type ProbeOptions = z.infer<typeof probeOptions>;

/**
 * Probe options each rule cannot be checked without, as the catalogue declares them. A rule
 * needing an option this schema lacks is a mistake in the catalogue, thrown when this loads.
 */
const REQUIRED_OPTIONS = Object.entries(CATALOGUE).map(([rule, { needs }]) => [rule, needs.map((option) => probeOption(rule, option))] as const);

function probeOption(rule: string, option: string): keyof ProbeOptions {
  if (!Object.hasOwn(probeOptions.shape, option)) throw new Error(`probes/catalogue.mjs: rule "${rule}" needs probe.${option}, which the lesson schema does not define`);
  return option as keyof ProbeOptions;
}

export const frontmatter = z
  .object({
    title: z.string().min(1).describe('Shown in the lesson list and as the heading'),
    summary: z.string().min(1).describe('One sentence shown under the title in the lesson list'),
    command: z.string().min(1).describe('How the learner program starts, e.g. "node server.js"; PORT is set in its env'),
    concepts: z.array(z.enum(CONCEPTS)).min(1).describe('Tags naming the ideas of port binding this lesson teaches'),
    rules: z.array(ruleId).describe('Check rule ids (probes/catalogue.mjs) that the solution must pass'),
    starterFails: z.array(ruleId).describe('Rule ids the starter must fail; each must also be in rules'),
    hints: z.array(z.string().min(1)).min(1).describe('From gentle to explicit, revealed one at a time'),
    open: z.string().optional().describe('Starter file opened first in the editor; defaults to the first file'),
    preview: z.boolean().default(true).describe('Whether the lesson serves HTTP that the preview can show'),
    probe: probeOptions.default({ path: '/' }),
    points: z
      .record(z.string(), z.number().int().positive())
      .optional()
      .describe('Points each rule is worth in `npm run grade` reports, keyed by rule id (each must be in rules); a rule without an entry is worth 1'),
  })
  .strict()
  .superRefine((lesson, ctx) => {
    for (const [index, id] of lesson.starterFails.entries()) {
      if (!lesson.rules.includes(id)) {
        ctx.addIssue({ code: 'custom', path: ['starterFails', index], message: `"${id}" is not in rules` });
      }
    }
    // Checked here rather than by the record's key type, so the message names the rule, not "Invalid key".
    for (const id of Object.keys(lesson.points ?? {})) {
      if (!lesson.rules.includes(id)) ctx.addIssue({ code: 'custom', path: ['points', id], message: `"${id}" is not in rules` });
    }
    for (const [rule, options] of REQUIRED_OPTIONS) {
      if (!lesson.rules.includes(rule)) continue;
      for (const option of options) {
        if (lesson.probe[option] === undefined) {
          ctx.addIssue({ code: 'custom', path: ['probe', option], message: `rule "${rule}" needs probe.${option}` });
        }
      }
    }
  });
export type Frontmatter = z.infer<typeof frontmatter>;

/** What one rule is worth: its `points` entry, else 1. */
export function pointsFor(points: Readonly<Record<string, number>> | undefined, rule: string): number {
  return points?.[rule] ?? 1;
}

/** A lesson as the browser receives it from `virtual:lessons` (server/lessons/vite-plugin.ts). */
export interface ClientLesson extends Frontmatter {
  /** The folder's slug, e.g. `take-the-port` for `02-take-the-port`. */
  id: string;
  /** The folder name, e.g. `02-take-the-port`. */
  folder: string;
  order: number;
  /** Port numbers the lesson's text mentions; checks never use them as PORT (check.json avoidPorts). */
  namedPorts: number[];
  /** The lesson body rendered to HTML at build time. */
  html: string;
  starter: FileMap;
  solution: FileMap;
}
