import { describe, expect, it } from 'vitest';
import { applyPortEvent, previewSrc, previewView, type Preview, type RunPhase } from './previews.ts';
import type { PortEvent } from '../runtime/types.ts';

const open = (port: number, url = `http://127.0.0.1:${port}/`): PortEvent => ({ type: 'open', port, url });
const close = (port: number): PortEvent => ({ type: 'close', port, url: `http://127.0.0.1:${port}/` });

describe('applyPortEvent', () => {
  const cases: { name: string; events: PortEvent[]; ports: number[] }[] = [
    { name: 'nothing happened', events: [], ports: [] },
    { name: 'one port opens', events: [open(41873)], ports: [41873] },
    { name: 'a repeated open counts once', events: [open(41873), open(41873)], ports: [41873] },
    { name: 'ports keep the order they opened in', events: [open(5000), open(3000)], ports: [5000, 3000] },
    { name: 'a close removes the port', events: [open(3000), open(5000), close(3000)], ports: [5000] },
    { name: 'a repeated close is harmless', events: [open(3000), close(3000), close(3000)], ports: [] },
    { name: 'a close for a port never opened is harmless', events: [close(3000)], ports: [] },
    { name: 'a port can open again after closing', events: [open(3000), close(3000), open(3000)], ports: [3000] },
  ];
  it.each(cases)('$name', ({ events, ports }) => {
    const previews = events.reduce<readonly Preview[]>(applyPortEvent, []);
    expect(previews.map((p) => p.port)).toEqual(ports);
  });

  it('returns the same list for a repeated open, so React does not re-render', () => {
    const once = applyPortEvent([], open(3000));
    expect(applyPortEvent(once, open(3000))).toBe(once);
  });

  it('takes the newer address when a port reopens elsewhere', () => {
    const previews = [open(3000, 'http://a/'), open(3000, 'http://b/')].reduce<readonly Preview[]>(applyPortEvent, []);
    expect(previews).toEqual([{ port: 3000, url: 'http://b/' }]);
  });
});

describe('previewView', () => {
  const at = (...ports: number[]): Preview[] => ports.map((port) => ({ port, url: `http://127.0.0.1:${port}/` }));
  const running = (port: number | null, ...opened: number[]): RunPhase => ({ phase: 'running', port, opened, stuck: false });
  const exited = (code: number, opened: number[], stoppedByLearner = false): RunPhase => ({
    phase: 'exited',
    port: 41873,
    code,
    opened,
    stoppedByLearner,
  });

  const cases: { name: string; run: RunPhase; previews: Preview[]; view: unknown }[] = [
    { name: 'nothing has run yet', run: { phase: 'idle' }, previews: [], view: { kind: 'idle' } },
    { name: 'the process is being started', run: { phase: 'starting', port: 41873 }, previews: [], view: { kind: 'waiting', port: 41873 } },
    { name: 'running but not listening yet', run: running(41873), previews: [], view: { kind: 'waiting', port: 41873 } },
    {
      name: 'listening on PORT',
      run: running(41873, 41873),
      previews: at(41873),
      view: { kind: 'showing', port: 41873, url: 'http://127.0.0.1:41873/', others: [] },
    },
    {
      name: 'listening on a hardcoded port instead of PORT',
      run: running(41873, 3000),
      previews: at(3000),
      view: { kind: 'wrong-port', port: 41873, listened: [3000] },
    },
    {
      name: 'listening on PORT and on another port too',
      run: running(41873, 41873, 9229),
      previews: at(41873, 9229),
      view: { kind: 'showing', port: 41873, url: 'http://127.0.0.1:41873/', others: [9229] },
    },
    {
      name: 'a port opened by something else (not this run) is not blamed on the learner',
      run: running(41873),
      previews: at(3000),
      view: { kind: 'waiting', port: 41873 },
    },
    {
      name: 'the wrong port closed again while still running',
      run: running(41873, 3000),
      previews: [],
      view: { kind: 'waiting', port: 41873 },
    },
    {
      name: 'exited before listening anywhere',
      run: exited(0, []),
      previews: [],
      view: { kind: 'exited-before-listening', port: 41873, code: 0 },
    },
    {
      name: 'crashed after listening',
      run: exited(1, [41873]),
      previews: [],
      view: { kind: 'exited', port: 41873, code: 1, listened: [41873] },
    },
    { name: 'stopped by the learner', run: exited(143, [41873], true), previews: [], view: { kind: 'stopped', port: 41873 } },
    { name: 'still not listening after the ready timeout', run: { phase: 'running', port: 41873, opened: [], stuck: true }, previews: [], view: { kind: 'stuck', port: 41873 } },
    { name: 'given no PORT (a laptop), waiting', run: running(null), previews: [], view: { kind: 'waiting', port: null } },
    {
      name: 'given no PORT, the first port it listens on is shown',
      run: running(null, 5000, 9229),
      previews: at(5000, 9229),
      view: { kind: 'showing', port: 5000, url: 'http://127.0.0.1:5000/', others: [9229] },
    },
    {
      name: 'nothing from Run, a server started in the shell is shown',
      run: { phase: 'idle' },
      previews: at(5000),
      view: { kind: 'showing', port: 5000, url: 'http://127.0.0.1:5000/', others: [], fromShell: true },
    },
    {
      name: 'after Stop, the shell\'s server is shown, never the stopped run\'s port still closing',
      run: exited(143, [41873], true),
      previews: at(5000, 41873),
      view: { kind: 'showing', port: 5000, url: 'http://127.0.0.1:5000/', others: [], fromShell: true },
    },
    { name: 'after Stop, the stopped run\'s port still closing is not shown', run: exited(143, [41873], true), previews: at(41873), view: { kind: 'stopped', port: 41873 } },
    {
      name: 'a crashed run keeps its explanation even with a shell server open',
      run: exited(1, []),
      previews: at(5000),
      view: { kind: 'exited-before-listening', port: 41873, code: 1 },
    },
  ];
  it.each(cases)('$name', ({ run, previews, view }) => {
    expect(previewView(run, previews)).toEqual(view);
  });
});

describe('previewSrc', () => {
  const cases: [string, string, string][] = [
    ['http://127.0.0.1:41873/', '/', 'http://127.0.0.1:41873/'],
    ['http://127.0.0.1:41873/', '/health', 'http://127.0.0.1:41873/health'],
    ['http://127.0.0.1:41873', 'health', 'http://127.0.0.1:41873/health'],
    ['http://127.0.0.1:41873/', '/orders?status=open', 'http://127.0.0.1:41873/orders?status=open'],
    ['http://127.0.0.1:41873/', '  ', 'http://127.0.0.1:41873/'],
    ['/__portside/preview/41873/', '/health', '/__portside/preview/41873/health'],
    ['/__portside/preview/41873/', '/', '/__portside/preview/41873/'],
    ['https://abc--41873.local-credentialless.webcontainer.io/', '/api', 'https://abc--41873.local-credentialless.webcontainer.io/api'],
  ];
  it.each(cases)('%s + %s', (url, path, src) => {
    expect(previewSrc(url, path)).toBe(src);
  });
});
