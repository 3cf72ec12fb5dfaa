// Which rules this runtime cannot decide, and why, in words for the learner. A rule whose
// evidence the runtime cannot give is reported `skipped` with `details.unsupported` naming the
// missing capability — never passed, never failed on a guess. (What each capability is:
// capabilities.mjs.) Everything else adapts instead: see launch.mjs and run.mjs.
import { parseCommand } from './command.mjs';
import { result } from './results.mjs';

/**
 * What a rule needs beyond a working server, and what to say when it is missing.
 * @type {Record<string, { capability: import('./capabilities.mjs').CapabilityName, because: string }[]>}
 */
const RULE_NEEDS = {
  'graceful-shutdown': [{ capability: 'sigtermCatchable', because: 'a SIGTERM sent to your server cannot reach its handler here, so how it shuts down cannot be observed' }],
  'port-in-use': [{ capability: 'eaddrinuseAcrossHosts', because: 'this runtime lets two programs bind one port on different addresses, so "the port is taken" cannot be staged reliably' }],
  'binds-host-from-env': [{ capability: 'serverAddress', because: "server.address() does not report the real address here, so which interface your server bound cannot be seen" }],
};

/** Every rule that starts the learner's server needs loopback TCP to talk to it. */
const SERVER_NEEDS = [{ capability: /** @type {const} */ ('tcpLoopback'), because: 'TCP connections between processes on 127.0.0.1 do not work here, so your server cannot be reached' }];

/**
 * The reason `rule` cannot be decided on this runtime, or null when it can.
 * @param {{ capabilities: import('./capabilities.mjs').Capabilities, command: string }} ctx
 * @param {{ id: string, kind: string }} rule
 * @returns {{ capability: string, sentence: string } | null}
 */
export function undecidable(ctx, rule) {
  if (rule.kind === 'static') return null;
  const { has, why } = ctx.capabilities;
  const program = programOf(ctx.command);
  if ((program === 'python3' || program === 'python') && !has.python3) {
    return { capability: 'python3', sentence: `This runtime has no ${program} that can run a web server (${why.python3 ?? 'not supported'}), so "${ctx.command}" cannot be checked here. In a WebContainer, python3 is a WebAssembly build that cannot listen on a port: use the local runtime (npm start) to check this lesson.` };
  }
  for (const need of [...SERVER_NEEDS, ...(RULE_NEEDS[rule.id] ?? [])]) {
    if (!has[need.capability]) return { capability: need.capability, sentence: `Not decided on this runtime: ${need.because} (${why[need.capability] ?? 'not supported'}). It is neither a pass nor a fail; the local runtime can decide it.` };
  }
  return null;
}

/** The result for a rule this runtime cannot decide. */
export function undecidableResult(ctx, rule, reason) {
  return result(rule.id, 'skipped', reason.sentence, { unsupported: reason.capability, command: ctx.command });
}

/** @param {string} command */
function programOf(command) {
  try {
    const parsed = parseCommand(command);
    return parsed.shell ? undefined : parsed.argv[0];
  } catch {
    return undefined;
  }
}
