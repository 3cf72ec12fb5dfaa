/**
 * The code: a tab per file, the run controls, a file tree for lessons with folders or many files,
 * the editor, and the save/reset strip below it.
 */
import { useState, type ReactNode } from 'react';
import type { LessonFiles } from '../lessons/useLessonFiles.ts';
import type { FileMap } from '../runtime/types.ts';
import { sameFiles } from '../lessons/saved-files.ts';
import { firstFile, tabOrder } from '../lessons/first-file.ts';
import type { ClientLesson } from '../lessons/types.ts';
import { EditorTabs } from './EditorTabs.tsx';
import { LazyCodeEditor } from './LazyCodeEditor.tsx';
import type { EditorMarker } from './markers.ts';
import type { RevealRequest } from './CodeEditor.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { EditorFooter } from './EditorFooter.tsx';
import { FileTree } from './FileTree.tsx';
import { StaleFilesNotice } from './StaleFilesNotice.tsx';
import { wantsTree } from './file-tree.ts';

interface Props {
  files: LessonFiles;
  lesson: Pick<ClientLesson, 'open' | 'command'>;
  starter: FileMap;
  controls: ReactNode;
  /** Lines to mark in the editor (issue 3's Check passes its findings here). */
  markers?: readonly EditorMarker[];
  /** Ctrl/Cmd+Enter inside the editor. */
  onCheck?(): void;
  /** The Run shortcut inside the editor. */
  onRun?(): void;
  /** A line to show (a check result's file:line); the tab must already be active. */
  reveal?: RevealRequest;
  /** The learner saved: Ctrl/Cmd+S in the editor, or a change in the file tree (restart on save). */
  onSaved?(): void;
}

const PANEL_ID = 'editor-panel';

export function EditorPane({ files, lesson, starter, controls, markers, onCheck, onRun, reveal, onSaved }: Props) {
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [editing, setEditing] = useState(false);
  const paths = tabOrder(Object.keys(files.files), firstFile(lesson, Object.keys(starter)));
  const showTree = wantsTree(paths);
  const save = () => {
    files.flush();
    onSaved?.();
  };
  /** A file tree change is saved at once (useLessonFiles), so it is a save too. */
  const andSaved =
    <A extends unknown[]>(change: (...args: A) => void) =>
    (...args: A) => {
      change(...args);
      onSaved?.();
    };

  return (
    <section className="pane editor-pane" aria-label="Code">
      <div className="pane__bar editor-pane__bar">
        <EditorTabs paths={paths} active={files.active} onSelect={files.setActive} panelId={PANEL_ID} />
        {controls}
      </div>
      {files.stale && <StaleFilesNotice onKeepMine={files.keepMine} onTakeTheirs={files.takeTheirs} />}
      <div className="editor-pane__main">
        {(showTree || wantsTree(Object.keys(starter))) && (
          <FileTree
            paths={paths}
            active={files.active}
            onOpen={files.setActive}
            onCreate={andSaved(files.createFile)}
            onRename={andSaved(files.renameFile)}
            onDelete={andSaved(files.deleteFile)}
          />
        )}
        <div className="editor-pane__body" id={PANEL_ID} role="tabpanel" aria-labelledby={`tab-${files.active}`}>
          <LazyCodeEditor lessonId={files.lessonId} files={files.files} revision={files.revision} active={files.active} onChange={files.edit} onSave={save} markers={markers} onCheck={onCheck} onRun={onRun} onFocusChange={setEditing} reveal={reveal} />
        </div>
      </div>
      <EditorFooter
        editing={editing}
        save={files.save}
        atStarter={sameFiles(files.files, starter)}
        canRestore={files.backup !== undefined && !sameFiles(files.backup, files.files)}
        onReset={() => setConfirmingReset(true)}
        onRestore={files.restoreBackup}
      />
      <ConfirmDialog
        open={confirmingReset}
        title="Start over from the starter code?"
        confirmLabel="Reset to starter"
        onCancel={() => setConfirmingReset(false)}
        onConfirm={() => {
          setConfirmingReset(false);
          files.replaceWith(starter);
        }}
      >
        <p>The editor will show the lesson's starter code again.</p>
        <p>Your code is kept: “Restore my code” brings it back.</p>
      </ConfirmDialog>
    </section>
  );
}
