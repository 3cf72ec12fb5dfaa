/**
 * What Run passes to the learner's program, as data: PORT (a random free one, a fixed one, or
 * none at all, as on a laptop), HOST, and the lesson's backing-service URL (a stand-in upstream
 * that Run starts, a URL the learner types, or nothing). Pure, so the panel, the persisted
 * choice and the line the terminal prints all agree; RunStore resolves it into an env.
 */

export type PortChoice = { kind: 'random' } | { kind: 'fixed'; port: number } | { kind: 'unset' };

export type UpstreamChoice = { kind: 'stand-in' } | { kind: 'value'; url: string } | { kind: 'unset' };

export interface RunEnvironment {
  port: PortChoice;
  /** HOST to pass; empty for none. */
  host: string;
  /** For a lesson with a backing service (its `probe.upstreamEnv`, e.g. QUOTES_URL). */
  upstream: UpstreamChoice;
}

export type PresetName = 'laptop' | 'platform';

/** What Run did before this panel existed, and what most lessons' text assumes: a random PORT. */
export const DEFAULT_RUN_ENVIRONMENT: RunEnvironment = { port: { kind: 'random' }, host: '', upstream: { kind: 'stand-in' } };

/** A developer's laptop sets nothing; a platform hands out a port and wants every interface. */
export function applyPreset(env: RunEnvironment, preset: PresetName): RunEnvironment {
  return preset === 'laptop' ? { ...env, port: { kind: 'unset' }, host: '' } : { ...env, port: { kind: 'random' }, host: '0.0.0.0' };
}

/** The preset `env` matches, if any (the panel marks it). */
export function presetOf(env: RunEnvironment): PresetName | null {
  if (env.port.kind === 'unset' && env.host === '') return 'laptop';
  if (env.port.kind === 'random' && env.host === '0.0.0.0') return 'platform';
  return null;
}

/** Values chosen when the run starts: the free port and the stand-in's address. */
export interface Picked {
  port: number | null;
  standInUrl: string | null;
}

/** The exact env Run passes, in the order the terminal prints it. */
export function envFor(env: RunEnvironment, upstreamName: string | null, picked: Picked): Record<string, string> {
  const vars: Record<string, string> = {};
  if (picked.port !== null) vars.PORT = String(picked.port);
  if (env.host) vars.HOST = env.host;
  if (upstreamName) {
    if (env.upstream.kind === 'value' && env.upstream.url) vars[upstreamName] = env.upstream.url;
    if (env.upstream.kind === 'stand-in' && picked.standInUrl) vars[upstreamName] = picked.standInUrl;
  }
  return vars;
}

/** A fixed PORT the learner typed, or null when it is not a usable port. */
export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text.trim())) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}

/** A persisted environment (parsed JSON) read back; anything malformed gives the default's part. */
export function runEnvironmentFrom(value: unknown): RunEnvironment {
  if (typeof value !== 'object' || value === null) return DEFAULT_RUN_ENVIRONMENT;
  const raw = value as Partial<Record<keyof RunEnvironment, unknown>>;
  return { port: portChoice(raw.port), host: typeof raw.host === 'string' ? raw.host.slice(0, 255) : '', upstream: upstreamChoice(raw.upstream) };
}

function portChoice(raw: unknown): PortChoice {
  const choice = raw as Partial<{ kind: string; port: unknown }> | undefined;
  if (choice?.kind === 'unset') return { kind: 'unset' };
  if (choice?.kind === 'fixed' && typeof choice.port === 'number' && parsePort(String(choice.port)) !== null) return { kind: 'fixed', port: choice.port };
  return { kind: 'random' };
}

function upstreamChoice(raw: unknown): UpstreamChoice {
  const choice = raw as Partial<{ kind: string; url: unknown }> | undefined;
  if (choice?.kind === 'unset') return { kind: 'unset' };
  if (choice?.kind === 'value' && typeof choice.url === 'string') return { kind: 'value', url: choice.url.slice(0, 2048) };
  return { kind: 'stand-in' };
}
