/** A lesson as the browser receives it from `virtual:lessons` (see server/lessons/vite-plugin.ts). */
import type { FileMap } from '../runtime/types.ts';

export interface ProbeOptions {
  path: string;
  bodyPattern?: string;
  defaultPort?: number;
  defaultHost?: string;
  upstreamEnv?: string;
  readyTimeoutMs?: number;
  protocol?: 'redis';
}

export interface ClientLesson {
  id: string;
  folder: string;
  order: number;
  title: string;
  summary: string;
  command: string;
  concepts: string[];
  rules: string[];
  starterFails: string[];
  hints: string[];
  open?: string;
  preview: boolean;
  probe: ProbeOptions;
  /** The lesson body rendered to HTML at build time. */
  html: string;
  starter: FileMap;
  solution: FileMap;
}
