/** How far the learner is through the course: lessons completed, out of the course's lessons. */
export interface CourseProgress {
  done: number;
  total: number;
  finished: boolean;
}

/** Counts only the course's own lessons: an id left in storage by a removed lesson does not count. */
export function courseProgress(lessons: readonly { id: string }[], completed: ReadonlySet<string>): CourseProgress {
  const done = lessons.filter((lesson) => completed.has(lesson.id)).length;
  return { done, total: lessons.length, finished: lessons.length > 0 && done === lessons.length };
}

export function progressText({ done, total, finished }: CourseProgress): string {
  return finished ? `All ${total} lessons done` : `${done} of ${total} done`;
}
