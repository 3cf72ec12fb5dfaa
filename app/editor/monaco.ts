/**
 * Monaco, bundled (no CDN) with only the languages the lessons need: JavaScript/TypeScript, JSON
 * and Python. Everything here is imported lazily by CodeEditor, so none of it is in the JavaScript
 * needed for first paint. (Picking editor features one by one saves nothing in monaco-editor
 * 0.57: its language services import internal/common/workers.js, which registers them all.)
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/features/typescript/register';
import 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    if (label === 'typescript' || label === 'javascript') return new TypeScriptWorker();
    if (label === 'json') return new JsonWorker();
    return new EditorWorker();
  },
};

// Line numbers and comments pass 4.5:1 on their background in both themes (axe color-contrast).
monaco.editor.defineTheme('portside', {
  base: 'vs',
  inherit: true,
  rules: [{ token: 'comment', foreground: '5f6873', fontStyle: 'italic' }],
  colors: {
    'editor.background': '#ffffff',
    'editor.lineHighlightBackground': '#f4f6f8',
    'editorLineNumber.foreground': '#6e7781',
    'editorLineNumber.activeForeground': '#2f3a45',
    'editorIndentGuide.background1': '#eef0f2',
  },
});

monaco.editor.defineTheme('portside-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '8b949e', fontStyle: 'italic' }],
  colors: {
    'editor.background': '#161b22',
    'editor.lineHighlightBackground': '#1c2330',
    'editorLineNumber.foreground': '#8b949e',
    'editorLineNumber.activeForeground': '#e6edf3',
    'editorIndentGuide.background1': '#262e3a',
  },
});

/** The Monaco theme for the page's theme (Monaco has one theme for all its editors). */
export const MONACO_THEMES = { light: 'portside', dark: 'portside-dark' } as const;

export { monaco };
