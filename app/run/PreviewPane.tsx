/**
 * The learner's server as a browser sees it: an address bar (which port, which path), a reload
 * button, and the page itself — or a notice saying why there is nothing to show.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { previewSrc, type PreviewView } from './previews.ts';
import { Button } from '../components/Button.tsx';
import { PreviewNotice } from './PreviewNotice.tsx';

interface Props {
  view: PreviewView;
  runtime: 'starting' | 'ready' | 'failed';
  progress?: string;
  /** The path the lesson's checks request, a sensible first page to show. */
  defaultPath: string;
  /** False for lessons whose server speaks another protocol (raw TCP): there is no page to show. */
  servesHttp: boolean;
  /** Shown under the page, e.g. the Router panel when the preview is the router's port. */
  below?: ReactNode;
}

export function PreviewPane({ view, runtime, progress, defaultPath, servesHttp, below }: Props) {
  const [path, setPath] = useState(defaultPath);
  const [typed, setTyped] = useState(defaultPath);
  const [reloads, setReloads] = useState(0);
  const port = view.kind === 'idle' ? null : view.port;
  const src = view.kind === 'showing' && servesHttp ? previewSrc(view.url, path) : null;

  const go = (event: FormEvent) => {
    event.preventDefault();
    const next = typed.trim() || '/';
    setPath(next.startsWith('/') ? next : `/${next}`);
    setReloads((n) => n + 1);
  };

  return (
    <section className="pane preview-pane" aria-label="Preview">
      <div className="pane__bar preview-bar">
        <span className={`port-chip${src ? ' port-chip--live' : ''}`} title="The port in PORT, where the preview connects">
          {port === null ? 'no port yet' : `port ${port}`}
        </span>
        <form className="address" onSubmit={go}>
          <label className="visually-hidden" htmlFor="preview-path">
            Path to open in the preview
          </label>
          <span className="address__host" title={src ?? undefined}>
            {src ? hostOf(src) : port === null ? 'localhost' : `localhost:${port}`}
          </span>
          <input
            id="preview-path"
            className="address__path"
            value={typed}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => setTyped(event.target.value)}
          />
        </form>
        <Button variant="quiet" className="icon-button" aria-label="Reload preview" unavailable={!src} onClick={() => setReloads((n) => n + 1)}>
          <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M13 8a5 5 0 1 1-1.6-3.7M13 2.5v3h-3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </Button>
        {src && (
          <a className="button button--quiet icon-button" href={src} target="_blank" rel="noopener noreferrer" aria-label="Open the preview in a new tab" title={`Open ${src} in a new tab`}>
            <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M9 2.5h4.5V7M13.5 2.5 7.5 8.5M12 10v2.5a1 1 0 0 1-1 1H3.5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1H6" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </a>
        )}
      </div>
      <div className="preview-pane__body">
        {!servesHttp ? (
          <PreviewNotice view={{ kind: 'not-http' }} runtime={runtime} progress={progress} />
        ) : view.kind === 'showing' ? (
          <iframe key={`${src}#${reloads}`} className="preview-frame" title="Preview" src={src ?? undefined} />
        ) : (
          <PreviewNotice view={view} runtime={runtime} progress={progress} />
        )}
      </div>
      {below}
      {view.kind === 'showing' && view.fromShell && <p className="preview-pane__aside">Started from the shell: nothing is running from Run.</p>}
      {view.kind === 'showing' && view.others.length > 0 && (
        <p className="preview-pane__aside">
          Your server also listens on {view.others.join(', ')}; only PORT ({view.port}) would get traffic on a platform.
        </p>
      )}
    </section>
  );
}

/** The host of the address the frame loads, e.g. `41873.localhost:4780` from the local runtime's proxy. */
function hostOf(src: string): string {
  try {
    return new URL(src, location.href).host;
  } catch {
    return src;
  }
}
