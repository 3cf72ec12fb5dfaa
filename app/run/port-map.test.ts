import { describe, expect, it } from 'vitest';
import { holderText, portMap, type MappedProcess } from './port-map.ts';

const proc = (change: Partial<MappedProcess>): MappedProcess => ({ label: 'your server', env: {}, sockets: [], running: true, taken: [], ...change });
const tcp = (port: number, address = '127.0.0.1') => ({ protocol: 'tcp' as const, address, port });
const udp = (port: number, address = '0.0.0.0') => ({ protocol: 'udp' as const, address, port });

describe('portMap', () => {
  it.each<[string, MappedProcess, number[], object]>([
    ['listening on PORT, on loopback: the preview reaches it', proc({ env: { PORT: '41873' }, sockets: [tcp(41873)] }), [41873], { port: '41873', host: null, ignoresPort: false, sockets: [{ ...tcp(41873), reach: 'yes', isPort: true }] }],
    ['on every interface (0.0.0.0, HOST set)', proc({ env: { PORT: '41873', HOST: '0.0.0.0' }, sockets: [tcp(41873, '0.0.0.0')] }), [41873], { host: '0.0.0.0', sockets: [{ ...tcp(41873, '0.0.0.0'), reach: 'yes', isPort: true }] }],
    ['IPv6 wildcard', proc({ env: { PORT: '5' }, sockets: [tcp(5, '::')] }), [5], { sockets: [{ ...tcp(5, '::'), reach: 'yes', isPort: true }] }],
    ['a hardcoded port instead of PORT', proc({ env: { PORT: '41873' }, sockets: [tcp(3000)] }), [3000], { ignoresPort: true, sockets: [{ ...tcp(3000), reach: 'yes', isPort: false }] }],
    ['a UDP socket: no browser can load it', proc({ env: { PORT: '41873' }, sockets: [tcp(41873), udp(41874)] }), [41873], { ignoresPort: false, sockets: [{ ...tcp(41873), reach: 'yes', isPort: true }, { ...udp(41874), reach: 'udp', isPort: false }] }],
    ['bound to one non-loopback interface', proc({ env: { PORT: '7' }, sockets: [tcp(7, '10.1.2.3')] }), [], { sockets: [{ ...tcp(7, '10.1.2.3'), reach: 'other-interface', isPort: true }] }],
    ['listening, not yet forwarded', proc({ env: { PORT: '7' }, sockets: [tcp(7)] }), [], { sockets: [{ ...tcp(7), reach: 'not-forwarded', isPort: true }] }],
    ['no PORT given (a laptop): nothing to ignore', proc({ env: {}, sockets: [tcp(5000)] }), [5000], { port: null, ignoresPort: false }],
    ['a runtime that cannot see sockets', proc({ env: { PORT: '1' }, sockets: null }), [], { sockets: null, ignoresPort: false }],
    ['UDP only, with a PORT: not a TCP server on the wrong port', proc({ env: { PORT: '1' }, sockets: [udp(2)] }), [], { ignoresPort: false }],
  ])('%s', (_name, process, previews, expected) => {
    expect(portMap([process], previews)[0]).toMatchObject(expected);
  });

  it('names who holds a port another process found taken', () => {
    const first = proc({ label: 'instance 1', env: { PORT: '41001' }, sockets: [tcp(3000)] });
    const second = proc({ label: 'instance 2', env: { PORT: '41002' }, sockets: [], running: false, taken: [3000] });
    const outside = proc({ label: 'your server', taken: [5000, 'unnamed'] });
    const rows = portMap([first, second, outside], [3000]);
    expect(rows[1]?.conflicts).toEqual([{ port: 3000, holder: 'instance 1' }]);
    expect(rows[2]?.conflicts).toEqual([{ port: 5000, holder: null }, { port: null, holder: null }]);
    expect(rows[1]?.conflicts.map(holderText)).toEqual(['port 3000 is held by instance 1']);
    expect(rows[2]?.conflicts.map(holderText)).toEqual(['port 5000 is held by something outside this run', 'a port was already in use (the message did not say which)']);
  });

  it('counts a server the shell started as the holder of its port', () => {
    const shell = proc({ label: 'the shell', sockets: [tcp(41873, '0.0.0.0')] });
    const run = proc({ env: { PORT: '41873' }, sockets: [], running: false, taken: [41873] });
    expect(portMap([run, shell], [41873])[0]?.conflicts).toEqual([{ port: 41873, holder: 'the shell' }]);
  });
});
