/**
 * One lesson's workspace: instructions, code, preview and terminal. It wires the hooks that
 * drive the runtime to the components that render; it holds no sandbox logic of its own.
 */
import { useEffect, useRef, useState } from 'react';
import type { ClientLesson } from './lessons/types.ts';
import type { BootState } from './runtime/runtime-boot.ts';
import { useLessonFiles } from './lessons/useLessonFiles.ts';
import { useRunStore } from './run/useRunStore.ts';
import { usePreviews } from './run/usePreviews.ts';
import { previewView } from './run/previews.ts';
import { sameFiles } from './lessons/saved-files.ts';
import { TerminalFeed } from './terminal/terminal-feed.ts';
import { noticeLine } from './terminal/transcript.ts';
import { Instructions } from './lessons/Instructions.tsx';
import { RuntimeNotice } from './lessons/RuntimeNotice.tsx';
import { EditorPane } from './editor/EditorPane.tsx';
import { RunControls } from './run/RunControls.tsx';
import { PreviewPane } from './run/PreviewPane.tsx';
import { TerminalPane } from './terminal/TerminalPane.tsx';
import { useShellSession } from './terminal/useShellSession.ts';
import { useRunEnvironment } from './run/useRunEnvironment.ts';
import { RunEnvironmentPanel } from './run/RunEnvironmentPanel.tsx';
import { useRestartOnSave } from './run/useRestartOnSave.ts';
import { PortMap } from './run/PortMap.tsx';
import { CheckButton } from './check/CheckButton.tsx';
import { CheckResults } from './check/CheckResults.tsx';
import { useLessonCheck } from './check/useLessonCheck.ts';
import { useCheckShortcut } from './check/useCheckShortcut.ts';
import { isChecking } from './check/check-words.ts';
import { hashFor } from './lessons/lesson-route.ts';
import { runOptionsFor } from './router/run-options.ts';
import { RouterPanel } from './router/RouterPanel.tsx';
import { useMediaQuery } from './layout/useMediaQuery.ts';
import { NARROW_QUERY, panelProps, type WorkbenchView } from './layout/workbench-view.ts';
import { WorkbenchSwitch } from './layout/WorkbenchSwitch.tsx';
import { useRunShortcut } from './keyboard/useRunShortcut.ts';

interface Props {
  lessons: readonly ClientLesson[];
  lesson: ClientLesson;
  boot: BootState;
  storage: Storage | null;
  completed: ReadonlySet<string>;
}

export function Playground({ lessons, lesson, boot, storage, completed }: Props) {
  const files = useLessonFiles(lesson, storage);
  const runtime = boot.status === 'ready' ? boot.runtime : null;
  const [feed] = useState(() => {
    const created = new TerminalFeed();
    created.write(noticeLine('What Run starts shows here; type to send it input, Ctrl+C stops it. For commands of your own, open the Shell tab.'));
    return created;
  });
  const { runStore, snapshot } = useRunStore(runtime, feed);
  const previews = usePreviews(runtime);
  const shell = useShellSession(runtime, files.latestFiles);
  const [runEnv, setRunEnv] = useRunEnvironment(lesson.id, storage);
  const index = lessons.indexOf(lesson);
  // The Run store exists once the runtime is ready, a render after the boot state says so.
  const runtimeState = boot.status === 'failed' ? 'failed' : runStore ? 'ready' : 'starting';

  const shownLesson = useRef(lesson.id);
  useEffect(
    function startOverForAnotherLesson() {
      if (shownLesson.current === lesson.id) return;
      shownLesson.current = lesson.id;
      void runStore?.leave(`Opened lesson ${lessons.indexOf(lesson) + 1}: ${lesson.title}`);
    },
    [lesson, lessons, runStore],
  );

  const check = useLessonCheck({ runtime, lesson, files, runStore, storage, runEnvironment: runEnv });
  const checking = isChecking(check.check);
  // A check holds the Run only where it shares the Run's network (it stopped it and gives it back);
  // with a network of its own, Run, Restart and Stop stay the learner's throughout.
  const checkHoldsRun = checking && !(runtime?.checksIsolatedFromRuns ?? false);
  // On a narrow screen one view shows at a time; Run and Check switch to the output they produce.
  const narrow = useMediaQuery(NARROW_QUERY);
  const [view, setView] = useState<WorkbenchView>('lesson');
  const startCheck = () => {
    check.start();
    setView('output');
  };
  useCheckShortcut(startCheck);

  // Hints revealed so far, shared by "Stuck?" and the check results; each lesson starts with none.
  const [hints, setHints] = useState({ lessonId: lesson.id, shown: 0 });
  const hintsShown = hints.lessonId === lesson.id ? hints.shown : 0;
  const showHint = () => setHints({ lessonId: lesson.id, shown: Math.min(hintsShown + 1, lesson.hints.length) });

  const run = () => {
    files.flush();
    // The learner asked to see their program: the preview and terminal come back from behind the results.
    check.closePanel();
    void runStore?.run(files.latestFiles(), lesson.command, runOptionsFor(lesson, runEnv));
    setView('output');
  };
  // Restart on save: the same run with the saved files, where the learner is (no switch of view).
  const restartOnSave = useRestartOnSave({
    storage,
    snapshot,
    checkHoldsRun,
    restart: () => void runStore?.run(files.latestFiles(), lesson.command, runOptionsFor(lesson, runEnv)),
  });
  const runIfReady = () => {
    if (runtimeState === 'ready' && !checkHoldsRun && !snapshot.busy) run();
  };
  useRunShortcut(runIfReady);
  const next = lessons[index + 1];

  return (
    <main className={check.panelOpen ? 'layout layout--checked' : 'layout'} data-view={narrow ? view : undefined}>
      {narrow && <WorkbenchSwitch view={view} onSelect={setView} />}
      {/* The lesson's own h1 is in its text, hidden while Code or Output shows: the page keeps one
          then, for screen readers' heading navigation (axe: page-has-heading-one). */}
      {narrow && view !== 'lesson' && <h1 className="visually-hidden">{lesson.title}</h1>}
      {/* Keyed by lesson: another lesson starts at the top of its text, not where the last one was scrolled.
          Sibling keys must differ, or React warns and may reuse one element for the other.
          Focusable, so the text can be scrolled from the keyboard (axe: scrollable-region-focusable). */}
      <div
        className="pane instructions-pane"
        key={`instructions:${lesson.id}`}
        tabIndex={0}
        {...(narrow ? {} : { role: 'region', 'aria-label': 'Lesson text' })}
        {...panelProps('lesson', narrow, view)}
      >
        <RuntimeNotice command={lesson.command} kind={boot.choice.kind} />
        <Instructions
          lesson={lesson}
          position={index + 1}
          total={lessons.length}
          previous={lessons[index - 1]}
          next={lessons[index + 1]}
          completed={completed.has(lesson.id)}
          showingSolution={sameFiles(files.files, lesson.solution)}
          onShowSolution={() => files.replaceWith(lesson.solution)}
          hintsShown={hintsShown}
          onShowHint={showHint}
        />
      </div>
      <div className="workbench-code" {...panelProps('code', narrow, view)}>
        <EditorPane
          files={files}
          lesson={lesson}
          starter={lesson.starter}
          markers={check.markers}
          onCheck={startCheck}
          onRun={runIfReady}
          reveal={check.reveal}
          onSaved={restartOnSave.saved}
          controls={
            <RunControls
              runtime={runtimeState}
              snapshot={snapshot}
              checking={checkHoldsRun}
              onRun={run}
              onStop={() => void runStore?.stop()}
              environmentSlot={
                <RunEnvironmentPanel
                  env={runEnv}
                  onChange={setRunEnv}
                  upstreamName={lesson.probe.upstreamEnv ?? null}
                  restartOnSave={restartOnSave.enabled}
                  onRestartOnSaveChange={restartOnSave.setEnabled}
                />
              }
              checkSlot={<CheckButton check={check.check} ready={check.ready && runtimeState === 'ready'} onCheck={startCheck} onCancel={check.cancel} />}
            />
          }
        />
      </div>
      {/* The output column: the check's results, or the preview and the terminal side by side (room
          for another panel beside the terminal: add a grid column in layout.css). */}
      <div className="workbench-output" {...panelProps('output', narrow, view)}>
        {check.panelOpen && check.check && (
          <CheckResults
            check={check.check}
            files={files.files}
            hints={lesson.hints}
            hintsShown={hintsShown}
            onShowHint={showHint}
            next={next && { title: next.title, href: hashFor(next) }}
            onReveal={(location) => {
              setView('code');
              check.showLine(location);
            }}
            onClose={check.closePanel}
          />
        )}
        <PreviewPane
          key={`preview:${lesson.id}`}
          view={previewView(snapshot.run, previews)}
          runtime={runtimeState}
          progress={boot.status === 'starting' ? boot.progress : undefined}
          defaultPath={lesson.probe.path}
          servesHttp={lesson.preview}
          below={
            <>
              {snapshot.router && <RouterPanel router={snapshot.router} />}
              <PortMap processes={snapshot.processes} shell={shell} previewPorts={previews.map((p) => p.port)} />
            </>
          }
        />
        <TerminalPane
          feed={feed}
          onLine={(line) => runStore?.typed(line)}
          onInterrupt={() => void runStore?.stop()}
          shell={shell}
          running={snapshot.run.phase === 'starting' || snapshot.run.phase === 'running'}
        />
      </div>
    </main>
  );
}
