/**
 * The Monaco editor: one model per file of the open lesson, one editor showing the active one.
 * Loaded lazily (see LazyCodeEditor.tsx); while it loads, EditorPlaceholder shows the code.
 */
import { useEffect, useRef } from 'react';
import type { FileMap } from '../runtime/types.ts';
import { monaco, MONACO_THEMES } from './monaco.ts';
import { languageFor } from './language-for.ts';
import type { EditorMarker } from './markers.ts';
import { useTheme } from '../theme/useTheme.ts';
import { themeStore } from '../theme/theme-store.ts';

interface Props {
  lessonId: string;
  files: FileMap;
  /** Changes when the code was replaced from outside the editor; only then are files pushed into it. */
  revision: number;
  active: string;
  onChange(path: string, content: string): void;
  onSave(): void;
  /** Lines to mark (Check's findings); none by default. */
  markers?: readonly EditorMarker[];
  /** Ctrl/Cmd+Enter in the editor (Monaco would otherwise insert a line and swallow the key). */
  onCheck?(): void;
  /** The Run shortcut (Alt+Enter, see run-shortcut.ts) pressed in the editor. */
  onRun?(): void;
  /** The editor gained or lost keyboard focus (the footer shows how to leave it with Tab). */
  onFocusChange?(focused: boolean): void;
  /** A line to scroll to and put the cursor on; a new object each time it is asked for. */
  reveal?: RevealRequest;
}

export interface RevealRequest {
  path: string;
  line: number;
  column?: number;
}

const MARKER_OWNER = 'portside';
const NO_MARKERS: readonly EditorMarker[] = [];

const uriFor = (lessonId: string, path: string) => monaco.Uri.from({ scheme: 'file', path: `/${lessonId}/${path}` });

export default function CodeEditor({ lessonId, files, revision, active, onChange, onSave, markers = NO_MARKERS, onCheck, onRun, onFocusChange, reveal }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const viewStates = useRef(new Map<string, monaco.editor.ICodeEditorViewState | null>());
  // The callbacks change every render; the editor's listeners read the latest through refs.
  const handlers = useRef({ onChange, onSave, onCheck, onRun, onFocusChange });
  handlers.current = { onChange, onSave, onCheck, onRun, onFocusChange };
  const { theme } = useTheme();

  useEffect(function createEditor() {
    if (!host.current) return;
    const created = monaco.editor.create(host.current, {
      model: null,
      theme: MONACO_THEMES[themeStore.getSnapshot().theme],
      // 'dimmed' paints the last line's number at 1.4:1; a line number is text like any other.
      renderFinalNewline: 'on',
      // Faded "unused" code is drawn at about 3.5:1, and a starter's unused `request` is not the lesson.
      showUnused: false,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontFamily: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
      fontSize: 14,
      lineHeight: 21,
      tabSize: 2,
      padding: { top: 12, bottom: 12 },
      renderLineHighlight: 'line',
      renderLineHighlightOnlyWhenFocus: true,
      overviewRulerLanes: 0,
      hideCursorInOverviewRuler: true,
      overviewRulerBorder: false,
      fixedOverflowWidgets: true,
      scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
    });
    created.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => handlers.current.onSave());
    created.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => handlers.current.onCheck?.());
    created.addCommand(monaco.KeyMod.Alt | monaco.KeyCode.Enter, () => handlers.current.onRun?.());
    const focused = created.onDidFocusEditorText(() => handlers.current.onFocusChange?.(true));
    const blurred = created.onDidBlurEditorText(() => handlers.current.onFocusChange?.(false));
    const listener = created.onDidChangeModelContent(() => {
      const model = created.getModel();
      const path = model && decodePath(model.uri);
      if (model && path) handlers.current.onChange(path, model.getValue());
    });
    editor.current = created;
    return () => {
      listener.dispose();
      focused.dispose();
      blurred.dispose();
      created.dispose();
      editor.current = null;
    };
  }, []);

  useEffect(
    function followPageTheme() {
      monaco.editor.setTheme(MONACO_THEMES[theme]);
    },
    [theme],
  );

  // The latest files, read by syncModels when the lesson or the revision changes (not on every edit).
  const latestFiles = useRef(files);
  latestFiles.current = files;

  useEffect(
    function syncModels() {
      for (const [path, content] of Object.entries(latestFiles.current)) {
        const uri = uriFor(lessonId, path);
        const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(content, languageFor(path), uri);
        if (model.getValue() === content) continue;
        // The code was replaced (solution, starter, restore): an undoable edit, not setValue.
        model.pushStackElement();
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: content }], () => null);
        model.pushStackElement();
      }
      // A file renamed or deleted in the file tree: its model goes, or Monaco would keep its text.
      for (const model of monaco.editor.getModels()) {
        const path = decodeLesson(model.uri) === lessonId ? decodePath(model.uri) : undefined;
        if (!path || path in latestFiles.current) continue;
        if (editor.current?.getModel() === model) editor.current.setModel(null);
        viewStates.current.delete(model.uri.toString());
        model.dispose();
      }
    },
    [lessonId, revision],
  );

  useEffect(
    function showActiveFile() {
      const view = editor.current;
      const model = monaco.editor.getModel(uriFor(lessonId, active));
      if (!view || !model || view.getModel() === model) return;
      const previous = view.getModel();
      if (previous) viewStates.current.set(previous.uri.toString(), view.saveViewState());
      view.setModel(model);
      view.updateOptions({ ariaLabel: `${active} — code editor` });
      const state = viewStates.current.get(model.uri.toString());
      if (state) view.restoreViewState(state);
    },
    [lessonId, active, revision],
  );

  useEffect(
    function showMarkers() {
      for (const path of Object.keys(latestFiles.current)) {
        const model = monaco.editor.getModel(uriFor(lessonId, path));
        if (!model) continue;
        const own = markers.filter((marker) => marker.path === path && marker.line <= model.getLineCount());
        monaco.editor.setModelMarkers(
          model,
          MARKER_OWNER,
          own.map((marker) => ({
            startLineNumber: marker.line,
            endLineNumber: marker.line,
            startColumn: marker.column ?? (model.getLineFirstNonWhitespaceColumn(marker.line) || 1),
            endColumn: marker.endColumn ?? model.getLineMaxColumn(marker.line),
            message: marker.message,
            severity: SEVERITY[marker.severity],
          })),
        );
      }
    },
    [lessonId, revision, markers],
  );

  const revealed = useRef<RevealRequest | undefined>(undefined);
  useEffect(
    function revealLine() {
      const view = editor.current;
      // Runs after showActiveFile, which has switched to the file by now; each request once.
      if (!view || !reveal || revealed.current === reveal || reveal.path !== active || !view.getModel()) return;
      revealed.current = reveal;
      const position = { lineNumber: reveal.line, column: reveal.column ?? 1 };
      view.setPosition(position);
      view.revealLineInCenter(reveal.line);
      view.focus();
    },
    [reveal, active],
  );

  useEffect(
    function disposeLessonModels() {
      return () => {
        const view = editor.current;
        if (view && decodeLesson(view.getModel()?.uri) === lessonId) view.setModel(null);
        for (const model of monaco.editor.getModels()) {
          if (decodeLesson(model.uri) === lessonId) model.dispose();
        }
      };
    },
    [lessonId],
  );

  return <div ref={host} className="code-editor" />;
}

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

function decodeLesson(uri: monaco.Uri | undefined): string | undefined {
  return uri?.path.split('/')[1];
}

function decodePath(uri: monaco.Uri): string | undefined {
  return uri.path.split('/').slice(2).join('/') || undefined;
}
