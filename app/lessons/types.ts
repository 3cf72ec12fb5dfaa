/** The lesson types the browser uses, derived from the lesson schema in the contracts (types only: no zod at runtime). */
export type { ClientLesson, ProbeOptions } from '../../contracts/lesson-schema.ts';
