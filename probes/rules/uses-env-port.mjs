// uses-env-port: started with PORT=p, the server listens on p and on no other port.
import { listeningPorts, portsUsed } from '../lib/observer-log.mjs';
import { notListening, observedLines, portList, portSource } from '../lib/explain.mjs';
import { result, runDetails } from '../lib/results.mjs';

export default {
  id: 'uses-env-port',
  kind: 'main',
  async check(ctx, { run, port, ready }) {
    if (ready.state !== 'listening') return notListening(ctx, this.id, run, port, ready);
    // Read now, after the other probes, so a listen() made a moment later is seen too.
    const summary = run.summary();
    const details = { ...runDetails(run), expected: `listen() on port ${port} only`, observed: observedLines(summary) };
    if (!summary.observed && !summary.viaProc) {
      return result(this.id, 'pass', `Something answered on PORT=${port}. (This is not a node program, so other ports could not be observed.)`, details);
    }
    const others = portsUsed(summary).filter((p) => p !== port);
    if (others.length) {
      const source = portSource(ctx, { port: others[0], summary });
      const bound = listeningPorts(summary).filter((p) => p !== port);
      const also = bound.length ? `also on ${portList(bound)}` : `also called listen(${others[0]})`;
      return result(this.id, 'fail', `Your server listened on PORT=${port}, but ${also}. Every port should come from the environment; one process, one PORT.`, { ...details, ...source });
    }
    return result(this.id, 'pass', `Listened on PORT=${port} and on no other port.`, details);
  },
};
