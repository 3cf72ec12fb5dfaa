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

monaco.editor.defineTheme('portside', {
  base: 'vs',
  inherit: true,
  rules: [{ token: 'comment', foreground: '6a737d', fontStyle: 'italic' }],
  colors: {
    'editor.background': '#ffffff',
    'editor.lineHighlightBackground': '#f4f6f8',
    'editorLineNumber.foreground': '#a3abb5',
    'editorLineNumber.activeForeground': '#4a5561',
    'editorIndentGuide.background1': '#eef0f2',
  },
});

export { monaco };
