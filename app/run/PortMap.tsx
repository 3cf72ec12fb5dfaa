/**
 * The live port map under the preview: for every process of the run (and the shell, once it
 * has started a server), what it was started with and every socket it holds, whether the
 * preview reaches each one, and who holds a port it found taken. Rendering only: port-map.ts
 * decides every word's facts.
 */
import type { ShellSession } from '../terminal/shell-session.ts';
import { NO_SHELL_SOCKETS } from '../terminal/shell-session.ts';
import { useStore } from '../store/useStore.ts';
import { holderText, portMap, type MappedProcess, type Reach, type SocketRow } from './port-map.ts';
import '../styles/run-panels.css';

interface Props {
  processes: readonly MappedProcess[];
  shell: ShellSession | null;
  /** The ports the preview can load right now. */
  previewPorts: readonly number[];
}

const REACH_WORDS: Record<Reach, string> = {
  yes: 'preview reaches it',
  udp: 'UDP: a browser cannot load it',
  'other-interface': 'bound to that interface only: the preview (via loopback) cannot reach it',
  'not-forwarded': 'not reachable yet',
};

export function PortMap({ processes, shell, previewPorts }: Props) {
  const { sockets: shellSockets } = useStore(shell, NO_SHELL_SOCKETS);
  const withShell: MappedProcess[] = shellSockets?.length ? [...processes, { label: 'the shell', env: {}, sockets: shellSockets, running: true, taken: [] }] : [...processes];
  if (withShell.length === 0) return null;
  const rows = portMap(withShell, previewPorts);
  return (
    <section className="port-map" aria-label="Port map">
      <h3 className="port-map__title">Who listens where</h3>
      <ul className="port-map__list">
        {rows.map((row) => (
          <li key={row.label} className={row.running ? 'port-map__row' : 'port-map__row port-map__row--ended'}>
            <p className="port-map__who">
              <strong>{row.label}</strong>
              {row.label !== 'the shell' && <code className="port-map__env">{startedWith(row.port, row.host)}</code>}
              {!row.running && <span className="port-map__ended">exited</span>}
            </p>
            {row.sockets === null ? (
              <p className="port-map__note">This runtime does not show which sockets a process holds; the preview shows the ports it reports.</p>
            ) : row.sockets.length === 0 ? (
              row.running && <p className="port-map__note">Not listening on anything yet.</p>
            ) : (
              <ul className="port-map__sockets">
                {row.sockets.map((socket) => (
                  <li key={`${socket.protocol} ${socket.address} ${socket.port}`}>
                    <code>{socketText(socket)}</code> <span className={`port-map__reach port-map__reach--${socket.reach}`}>{REACH_WORDS[socket.reach]}</span>
                    {socket.isPort && <span className="port-map__tag">PORT</span>}
                  </li>
                ))}
              </ul>
            )}
            {row.ignoresPort && <p className="port-map__warn">It was given PORT={row.port} but does not listen there.</p>}
            {row.conflicts.map((conflict) => (
              <p key={String(conflict.port)} className="port-map__warn">
                Address in use: {holderText(conflict)}.
              </p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function startedWith(port: string | null, host: string | null): string {
  const words = [port === null ? 'no PORT' : `PORT=${port}`, host === null ? null : `HOST=${host}`].filter(Boolean);
  return words.join(' ');
}

function socketText(socket: SocketRow): string {
  const address = socket.address.includes(':') ? `[${socket.address}]` : socket.address;
  return `${socket.protocol.toUpperCase()} ${address}:${socket.port}`;
}
