/**
 * Which lesson is open lives in the URL hash (`#/take-the-port`), so a lesson is a real link
 * that can be bookmarked, opened in a new tab, and switched without reloading the runtime.
 */
interface Routable {
  id: string;
  folder: string;
}

export function hashFor(lesson: Routable): string {
  return `#/${lesson.id}`;
}

/** The lesson the hash names, else the last one the learner had open, else the first. */
export function lessonForHash<T extends Routable>(hash: string, lessons: readonly T[], lastOpened?: string | null): T | undefined {
  const wanted = decodeURIComponent(hash.replace(/^#\/?/, ''));
  const byId = (id: string | null | undefined) => (id ? lessons.find((l) => l.id === id || l.folder === id) : undefined);
  return byId(wanted) ?? byId(lastOpened) ?? lessons[0];
}
