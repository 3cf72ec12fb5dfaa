/**
 * What the preview says when it has nothing to show — in plain words, and never pretending:
 * a server on the wrong port is reported as such, not shown as if the platform could reach it.
 */
import type { ReactNode } from 'react';
import type { PreviewView } from './previews.ts';

interface Props {
  view: Exclude<PreviewView, { kind: 'showing' }> | { kind: 'not-http' };
  /** Whether a runtime is there to run code: until it is, there is nothing to preview. */
  runtime: 'starting' | 'ready' | 'failed';
  /** What the runtime is doing while it starts ("connecting to the local runner…"). */
  progress?: string;
}

export function PreviewNotice({ view, runtime, progress }: Props) {
  if (runtime === 'starting') {
    return (
      <Notice title={progress ? `Starting the runtime: ${progress}` : 'Starting the runtime…'} busy>
        The preview appears once it is ready. You can read and edit meanwhile.
      </Notice>
    );
  }
  if (runtime === 'failed') return <Notice title="No runtime to run your code">The message at the top of the page says why, and what you can do.</Notice>;
  switch (view.kind) {
    case 'not-http':
      return <Notice title="No page to preview in this lesson">Its server speaks another protocol than HTTP; the terminal shows what it does.</Notice>;
    case 'idle':
      return <Notice title="Nothing running yet">Press Run. When your server listens on PORT, its response shows here.</Notice>;
    case 'waiting':
      return view.port === null ? (
        <Notice title="Waiting for your server to listen…" busy>
          Run passed no PORT, as on a laptop, so it listens wherever its own code says. The preview opens on the first port it listens on.
        </Notice>
      ) : (
        <Notice title={`Waiting for your server to listen on port ${view.port}…`} busy>
          That is the port in PORT. The preview opens as soon as something listens there.
        </Notice>
      );
    case 'stuck':
      return (
        <Notice title="Your server has not listened yet" tone="warning">
          It is still running but has not called listen(){view.port === null ? '' : ` on port ${view.port}`}. Something before listen() may be stuck in
          a loop or waiting. The terminal shows its output; Stop ends it.
        </Notice>
      );
    case 'wrong-port':
      return (
        <Notice title="Nothing is listening on PORT" tone="warning">
          Your server listened on {list(view.listened)}, but PORT was {view.port} — the platform sends traffic to PORT.
        </Notice>
      );
    case 'exited-before-listening':
      return (
        <Notice title="Your program ended before it listened" tone={view.code === 0 ? 'warning' : 'error'}>
          It exited with code {view.code} without listening on any port, so there is nothing to preview. A server keeps
          running because it listens. The terminal shows its output.
        </Notice>
      );
    case 'exited':
      return (
        <Notice title={`Your server stopped (exit code ${view.code})`} tone={view.code === 0 ? 'warning' : 'error'}>
          It had listened on {list(view.listened)}, then exited. The terminal shows why.
        </Notice>
      );
    case 'stopped':
      return <Notice title="Stopped">Press Run to start your server again.</Notice>;
  }
}

interface NoticeProps {
  title: string;
  tone?: 'neutral' | 'warning' | 'error';
  busy?: boolean;
  children?: ReactNode;
}

function Notice({ title, tone = 'neutral', busy = false, children }: NoticeProps) {
  return (
    <div className={`preview-notice preview-notice--${tone}`} aria-busy={busy || undefined}>
      <p className="preview-notice__title">{title}</p>
      {children && <p className="preview-notice__text">{children}</p>}
    </div>
  );
}

function list(ports: readonly number[]): string {
  if (ports.length <= 1) return String(ports[0] ?? '');
  return `${ports.slice(0, -1).join(', ')} and ${ports.at(-1)}`;
}
