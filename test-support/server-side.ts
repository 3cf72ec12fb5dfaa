/**
 * What tests under app/ need from the server side, so that app/ itself never imports server/:
 * the course's lessons exactly as the browser receives them, and the harness files as the host
 * ships them (to compare with the browser's copy).
 */
import { resolve } from 'node:path';
import { loadLessons } from '../server/lessons/load.ts';
import { toClientLesson } from '../server/lessons/vite-plugin.ts';
import type { ClientLesson } from '../contracts/lesson-schema.ts';
import { REPO_ROOT } from './fixture-playground.ts';

export { probeFiles as hostProbeFiles } from '../server/grade/probe-files.ts';

/** The lessons under lessons/ as `virtual:lessons` hands them to the app. */
export async function loadClientLessons(root = resolve(REPO_ROOT, 'lessons')): Promise<ClientLesson[]> {
  return (await loadLessons(root)).map(toClientLesson);
}
