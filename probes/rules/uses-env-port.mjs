// uses-env-port: started with PORT=p, the server listens on p and on no other port — TCP, UDP or
// the inspector's, in any process or thread of the program. It does not talk to the server, so
// it does not take a turn on the main run (`watches`): it keeps watching for a few seconds after
// the server is ready, to see an admin port or a worker that listens later, while the other
// rules go on. A second port ends the watch at once.
import { isStreamServer, listeningPorts, portsUsed, serverOn } from '../lib/observer-log.mjs';
import { observedLines, portList, portSource, notListening } from '../lib/explain.mjs';
import { watchWindowMs } from '../lib/main-run.mjs';
import { pollUntil } from '../lib/poll.mjs';
import { result, runDetails } from '../lib/results.mjs';

export default {
  id: 'uses-env-port',
  kind: 'main',
  watches: true,
  async check(ctx, { run, port, ready, readyAt }) {
    if (ready.state !== 'listening') return notListening(ctx, this.id, run, port, ready);
    // Another port ends the watch at once; only "no other port" needs the whole window.
    const watched = await pollUntil(
      () => {
        const now = run.summary();
        const ended = run.exitInfo && !run.livesOn();
        // Once that listen() has bound or failed, so the message can say which.
        const other = now.servers.filter((s) => typeof s.requested.port === 'number' && s.requested.port > 0 && s.requested.port !== port);
        const settled = other.length > 0 && other.every((s) => s.listening || s.error);
        return ended || settled || listeningPorts(now).some((p) => p !== port) ? now : undefined;
      },
      { timeoutMs: Math.max(0, readyAt + watchWindowMs(ctx) - Date.now()), signal: ctx.signal, firstMs: 50, maxMs: 200 },
    );
    const summary = watched.value ?? run.summary();
    const details = { ...runDetails(run), expected: `listen() on port ${port} only`, observed: observedLines(summary) };
    if (!serverOn(summary, port) && !summary.osTable) {
      return result(this.id, 'error', `Something answered on PORT=${port}, but Portside could not see which ports your program opened: the process that answered does not run Portside's observer (it is not node, or was started in a way the observer cannot follow), and this system has no socket table to read. So "no other port" could not be checked. This is a limit of the environment, not a problem in your code.`, details);
    }
    const unseen = summary.osTable ? [] : run.unobservedChildren();
    const others = portsUsed(summary).filter((p) => p !== port);
    if (others.length) {
      const source = portSource(ctx, { port: others[0], summary });
      const bound = listeningPorts(summary).filter((p) => p !== port);
      const also = bound.length ? `also on ${portList(bound.map((p) => portName(summary, p)))}` : `also called ${callFor(summary, others[0])}`;
      return result(this.id, 'fail', `Your server listened on PORT=${port}, but ${also}. Every port should come from the environment; one process, one PORT.`, { ...details, ...inspectorHint(summary, others[0]), ...source });
    }
    if (unseen.length) {
      return result(this.id, 'error', `Your server listened on PORT=${port}, but it also started ${unseen.length === 1 ? 'a process' : `${unseen.length} processes`} (pid ${unseen.join(', ')}) that Portside cannot observe here, and this system has no socket table to read, so whether ${unseen.length === 1 ? 'it listens' : 'they listen'} on another port could not be checked. This is a limit of the environment, not a problem in your code.`, details);
    }
    return result(this.id, 'pass', `Listened on PORT=${port} and on no other port.`, details);
  },
};

/** "3001", "UDP port 5353", "9229 (the inspector)". */
function portName(summary, port) {
  const server = summary.servers.find((s) => s.listening?.port === port && !s.implicit);
  if (server?.kind === 'inspector') return `${port} (the inspector, node --inspect)`;
  if (server && !isStreamServer(server)) return `UDP port ${port}`;
  return String(port);
}

function callFor(summary, port) {
  const server = summary.servers.find((s) => s.requested.port === port);
  if (server?.kind === 'inspector') return `for the inspector on ${port}`;
  return `${server?.protocol === 'udp' ? 'bind' : 'listen'}(${port})`;
}

/** The inspector's port comes from a flag, not from code: say where to look. */
function inspectorHint(summary, port) {
  const server = summary.servers.find((s) => s.kind === 'inspector' && (s.requested.port === port || s.listening?.port === port));
  if (!server || server.at) return {};
  return { hint: `The inspector (node --inspect) opens port ${port} of its own, beside PORT. Leave --inspect out of the start command; use it only when debugging on your own machine.` };
}
