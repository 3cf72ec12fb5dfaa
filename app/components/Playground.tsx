/**
 * One lesson's workspace: instructions, code, preview and terminal. It wires the hooks that
 * drive the runtime to the components that render; it holds no sandbox logic of its own.
 */
import { useEffect, useRef, useState } from 'react';
import type { ClientLesson } from '../lessons/types.ts';
import type { BootState } from '../hooks/runtime-boot.ts';
import { useLessonFiles } from '../hooks/useLessonFiles.ts';
import { useRunSession } from '../hooks/useRunSession.ts';
import { usePreviews } from '../hooks/usePreviews.ts';
import { previewView } from '../previews.ts';
import { sameFiles } from '../lessons/saved-files.ts';
import { TerminalFeed } from '../terminal/terminal-feed.ts';
import { noticeLine } from '../terminal/transcript.ts';
import { Instructions } from './Instructions.tsx';
import { EditorPane } from './EditorPane.tsx';
import { RunControls } from './RunControls.tsx';
import { PreviewPane } from './PreviewPane.tsx';
import { TerminalPane } from './TerminalPane.tsx';

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
    created.write(noticeLine('Your program’s output shows here. Type to send it input; Ctrl+C stops it.'));
    return created;
  });
  const { session, snapshot } = useRunSession(runtime, feed);
  const previews = usePreviews(runtime);
  const index = lessons.indexOf(lesson);
  // The session exists once the runtime is ready, a render after the boot state says so.
  const runtimeState = boot.status === 'failed' ? 'failed' : session ? 'ready' : 'starting';

  const shownLesson = useRef(lesson.id);
  useEffect(
    function startOverForAnotherLesson() {
      if (shownLesson.current === lesson.id) return;
      shownLesson.current = lesson.id;
      void session?.leave(`Opened lesson ${lessons.indexOf(lesson) + 1}: ${lesson.title}`);
    },
    [lesson, lessons, session],
  );

  const run = () => {
    files.flush();
    void session?.run(files.latestFiles(), lesson.command);
  };

  return (
    <main className="layout">
      {/* Keyed by lesson: another lesson starts at the top of its text, not where the last one was scrolled. */}
      <div className="pane instructions-pane" key={lesson.id}>
        <Instructions
          lesson={lesson}
          position={index + 1}
          total={lessons.length}
          previous={lessons[index - 1]}
          next={lessons[index + 1]}
          completed={completed.has(lesson.id)}
          showingSolution={sameFiles(files.files, lesson.solution)}
          onShowSolution={() => files.replaceWith(lesson.solution)}
        />
      </div>
      <EditorPane
        files={files}
        lesson={lesson}
        starter={lesson.starter}
        controls={
          <RunControls
            runtime={runtimeState}
            snapshot={snapshot}
            onRun={run}
            onStop={() => void session?.stop()}
            onRestart={run}
            // Issue 3: the Check button (app/check/) goes in checkSlot, and its results panel below the editor.
            checkSlot={null}
          />
        }
      />
      <PreviewPane
        key={lesson.id}
        view={previewView(snapshot.run, previews)}
        runtime={runtimeState}
        progress={boot.status === 'starting' ? boot.progress : undefined}
        defaultPath={lesson.probe.path}
        servesHttp={lesson.preview}
      />
      <TerminalPane feed={feed} onLine={(line) => session?.input(line)} onInterrupt={() => void session?.stop()} />
    </main>
  );
}
