/**
 * A submission's dependencies as it declares them. Grading is offline unless `--install` (install.ts)
 * asks for npm, so packages come from
 * Portside's own install: the lessons' packages always, and any other declared package Portside
 * happens to have. A declared package it does not have is named, so a crash on require('dotenv')
 * is never blamed on the student; a node_modules/ handed in is never used, and the row says so.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { declaredDependencies } from '../lessons/packages.ts';
import { REPO_ROOT } from './probe-files.ts';

export interface DependencyPlan {
  /** Packages to link into the workspace from Portside's install. */
  provide: string[];
  /** Declared packages this machine cannot provide. */
  missing: string[];
  notes: string[];
}

export async function planDependencies(dir: string, lessonPackages: readonly string[], root = REPO_ROOT): Promise<DependencyPlan> {
  const manifest = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
  const declared = manifest === undefined ? [] : declaredDependencies({ 'package.json': manifest });
  const installed = (name: string) => existsSync(join(root, 'node_modules', name, 'package.json'));
  const notes = existsSync(join(dir, 'node_modules')) ? ['the node_modules/ handed in was not used; declared packages came from the grader\'s own install'] : [];
  return {
    provide: [...new Set([...lessonPackages, ...declared.filter(installed)])].sort(),
    missing: declared.filter((name) => !installed(name)),
    notes,
  };
}
