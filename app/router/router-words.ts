/**
 * The Router panel's sentences: what each instance is doing and why, in plain words. A second
 * instance that dies of EADDRINUSE on a port the first one holds is the lesson itself, so it is
 * said outright rather than left as an exit code.
 */
import type { InstanceState, RouterState } from './router-state.ts';

export type RouterTone = 'ok' | 'warn' | 'error' | 'muted';

export interface Sentence {
  text: string;
  tone: RouterTone;
}

export function instanceSentence(state: RouterState, instance: InstanceState): Sentence {
  const { number: n, port } = instance;
  switch (instance.phase) {
    case 'waiting':
      return { text: `Instance ${n} waits to start on PORT ${port}`, tone: 'muted' };
    case 'running':
      return runningSentence(instance);
    case 'exited':
      // One that had already failed keeps saying why: Stop does not make that go away.
      if (instance.stopped) return { text: `Instance ${n} stopped`, tone: 'muted' };
      return exitedSentence(state, instance);
  }
}

function runningSentence({ number: n, port, listening, listened }: InstanceState): Sentence {
  const others = listening.filter((p) => p !== port);
  if (listening.includes(port)) {
    const also = others.length ? `, and also on ${others.join(', ')}` : '';
    return { text: `Instance ${n} listens on its PORT, ${port}${also}`, tone: 'ok' };
  }
  if (others.length) {
    return { text: `Instance ${n} listens on ${others.join(', ')}, not on its PORT ${port}: the router sends its requests to ${port}, where nobody answers`, tone: 'warn' };
  }
  if (listened.length) return { text: `Instance ${n} runs, but no longer listens on its PORT ${port}`, tone: 'warn' };
  return { text: `Instance ${n} is starting on PORT ${port}…`, tone: 'muted' };
}

function exitedSentence(state: RouterState, { number: n, port, portTaken, listened, code }: InstanceState): Sentence {
  if (typeof portTaken === 'number') {
    const holder = state.instances.find((other) => other.number !== n && other.listened.includes(portTaken));
    const by = holder ? `instance ${holder.number}` : 'another program';
    // Asking for a port other than its PORT means the port is written in the code.
    const why = portTaken !== port ? (holder ? ' — a hardcoded port cannot run twice' : ` — and ${portTaken} is not its PORT (${port})`) : '';
    return { text: `Instance ${n} could not start: port ${portTaken} was already taken by ${by}${why}`, tone: 'error' };
  }
  if (portTaken === 'unnamed') return { text: `Instance ${n} could not start: the port it asked for was already taken (EADDRINUSE)`, tone: 'error' };
  const before = listened.length ? '' : ' before it listened';
  return { text: `Instance ${n} exited with code ${code ?? '?'}${before}`, tone: code === 0 ? 'warn' : 'error' };
}

export function routerSentence(state: RouterState): Sentence {
  const upstreams = state.instances.map((i) => `:${i.port}`).join(' and ');
  switch (state.phase) {
    case 'waiting':
      return { text: `The router starts on PORT ${state.port} once the instances have`, tone: 'muted' };
    case 'running':
      return state.listening
        ? { text: `The router listens on ${state.port} and sends each request to the next instance in turn: ${upstreams}`, tone: 'ok' }
        : { text: `The router is starting on PORT ${state.port}…`, tone: 'muted' };
    case 'exited':
      return state.stopped ? { text: 'The router stopped', tone: 'muted' } : { text: `The router exited with code ${state.code ?? '?'}`, tone: 'error' };
  }
}
