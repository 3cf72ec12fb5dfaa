/**
 * Exposes the validated lessons to the app as `virtual:lessons`. Markdown is rendered here, at
 * build time, so the browser ships HTML instead of a markdown parser and a highlighter.
 * An invalid lesson fails the build with the file and field named (see load.ts).
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadLessons, type Lesson } from './load.ts';
import { renderMarkdown } from './markdown.ts';
import type { ClientLesson } from '../../contracts/lesson-schema.ts';

const ID = 'virtual:lessons';
const RESOLVED = '\0' + ID;

export function toClientLesson(lesson: Lesson): ClientLesson {
  const { body, ...rest } = lesson;
  return { ...rest, html: renderMarkdown(body) };
}

export function lessonsPlugin(root = resolve('lessons')): Plugin {
  let serving = false;
  return {
    name: 'portside-lessons',
    configureServer(server) {
      // In dev, Vite 8 treats every addWatchFile() path as an import of the module, and a folder
      // cannot be imported ("Failed to resolve import .../lessons"), so watch it from the server.
      serving = true;
      server.watcher.add(root);
    },
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      if (!serving) this.addWatchFile(root);
      const lessons = (await loadLessons(root)).map(toClientLesson);
      return `export default ${JSON.stringify(lessons)};`;
    },
    handleHotUpdate(ctx) {
      if (!ctx.file.startsWith(root)) return;
      const mod = ctx.server.moduleGraph.getModuleById(RESOLVED);
      if (mod) ctx.server.moduleGraph.invalidateModule(mod);
      ctx.server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
