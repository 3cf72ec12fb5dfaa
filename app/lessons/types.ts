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
  slowPath?: string;
  upstreamBody?: string;
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
  /** Port numbers the lesson's text mentions; checks never use them as PORT (check.json avoidPorts). */
  namedPorts: number[];
  /** The lesson body rendered to HTML at build time. */
  html: string;
  starter: FileMap;
  solution: FileMap;
}
