/**
 * What Run passes to the program, shown and set: PORT (random, fixed, or none as on a laptop),
 * HOST, and the lesson's backing-service URL; two presets. The line at the bottom is the env the
 * next Run passes, the same words the terminal's `$` line will print.
 */
import { useId, useState } from 'react';
import { applyPreset, envFor, parsePort, presetOf, type PortChoice, type RunEnvironment, type UpstreamChoice } from './run-environment.ts';
import '../styles/run-panels.css';

interface Props {
  env: RunEnvironment;
  onChange(env: RunEnvironment): void;
  /** The lesson's backing-service variable (lesson 9's QUOTES_URL), or null. */
  upstreamName: string | null;
  /** Whether a save restarts a running server (useRestartOnSave), and how to change it. */
  restartOnSave: boolean;
  onRestartOnSaveChange(enabled: boolean): void;
}

export function RunEnvironmentPanel({ env, onChange, upstreamName, restartOnSave, onRestartOnSaveChange }: Props) {
  const id = useId();
  const [fixedText, setFixedText] = useState(env.port.kind === 'fixed' ? String(env.port.port) : '5000');
  const preset = presetOf(env);
  const setPort = (port: PortChoice) => onChange({ ...env, port });
  const setUpstream = (upstream: UpstreamChoice) => onChange({ ...env, upstream });
  const fixedPort = parsePort(fixedText);
  const preview = envFor(env, upstreamName, { port: env.port.kind === 'random' ? null : env.port.kind === 'fixed' ? env.port.port : null, standInUrl: 'http://127.0.0.1:…' });
  const words = [env.port.kind === 'random' ? 'PORT=<random>' : null, ...Object.entries(preview).map(([name, value]) => `${name}=${value}`)].filter(Boolean);

  return (
    <details className="run-env">
      <summary className="run-env__summary">
        Environment{preset ? `: ${preset}` : ''}
        {restartOnSave && <span className="run-env__hint run-env__on-save"> · restarts on save</span>}
      </summary>
      <div className="run-env__panel" role="group" aria-label="Run environment">
        <div className="run-env__presets" role="group" aria-label="Presets">
          <button type="button" className="run-env__preset" aria-pressed={preset === 'laptop'} onClick={() => onChange(applyPreset(env, 'laptop'))}>
            Laptop <span className="run-env__hint">no PORT</span>
          </button>
          <button type="button" className="run-env__preset" aria-pressed={preset === 'platform'} onClick={() => onChange(applyPreset(env, 'platform'))}>
            Platform <span className="run-env__hint">random PORT, HOST=0.0.0.0</span>
          </button>
        </div>
        <fieldset className="run-env__field">
          <legend>PORT</legend>
          <label>
            <input type="radio" name={`${id}-port`} checked={env.port.kind === 'random'} onChange={() => setPort({ kind: 'random' })} /> a random free port
          </label>
          <label>
            <input type="radio" name={`${id}-port`} checked={env.port.kind === 'fixed'} onChange={() => fixedPort !== null && setPort({ kind: 'fixed', port: fixedPort })} /> fixed:
          </label>
          <input
            className="run-env__input run-env__input--port"
            aria-label="Fixed PORT"
            inputMode="numeric"
            value={fixedText}
            aria-invalid={fixedPort === null || undefined}
            onChange={(event) => {
              setFixedText(event.target.value);
              const port = parsePort(event.target.value);
              if (port !== null) setPort({ kind: 'fixed', port });
            }}
          />
          <label>
            <input type="radio" name={`${id}-port`} checked={env.port.kind === 'unset'} onChange={() => setPort({ kind: 'unset' })} /> not set
          </label>
        </fieldset>
        <label className="run-env__field run-env__row">
          <span>HOST</span>
          <input className="run-env__input" value={env.host} placeholder="not set" spellCheck={false} onChange={(event) => onChange({ ...env, host: event.target.value.trim() })} />
        </label>
        {upstreamName && (
          <fieldset className="run-env__field">
            <legend>{upstreamName}</legend>
            <label>
              <input type="radio" name={`${id}-up`} checked={env.upstream.kind === 'stand-in'} onChange={() => setUpstream({ kind: 'stand-in' })} /> a stand-in service Run starts
            </label>
            <label>
              <input type="radio" name={`${id}-up`} checked={env.upstream.kind === 'value'} onChange={() => setUpstream({ kind: 'value', url: env.upstream.kind === 'value' ? env.upstream.url : '' })} /> this URL:
            </label>
            <input
              className="run-env__input"
              aria-label={`${upstreamName} value`}
              value={env.upstream.kind === 'value' ? env.upstream.url : ''}
              spellCheck={false}
              onChange={(event) => setUpstream({ kind: 'value', url: event.target.value.trim() })}
            />
            <label>
              <input type="radio" name={`${id}-up`} checked={env.upstream.kind === 'unset'} onChange={() => setUpstream({ kind: 'unset' })} /> not set
            </label>
          </fieldset>
        )}
        <div className="run-env__field run-env__toggle">
          <label>
            <input type="checkbox" checked={restartOnSave} onChange={(event) => onRestartOnSaveChange(event.target.checked)} aria-describedby={`${id}-restart-hint`} /> Restart on save
          </label>
          <span className="run-env__hint" id={`${id}-restart-hint`}>
            Ctrl+S (⌘S) or a change in the file tree restarts a running server.
          </span>
        </div>
        <p className="run-env__next">
          Next Run passes <code>{words.length ? words.join(' ') : 'nothing'}</code>
        </p>
      </div>
    </details>
  );
}
