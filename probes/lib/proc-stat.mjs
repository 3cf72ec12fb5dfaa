// The one parser of /proc/<pid>/stat (Linux), for the check harness and the local runner alike.
// The command name sits in parentheses and may itself contain spaces, `)` and even `") "`
// (a process can name itself anything), so the fields are read after the LAST `)`.
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';

/**
 * @typedef {object} ProcStat
 * @property {number} pid
 * @property {string} name the command name, without its parentheses
 * @property {string} state one letter: R, S, D, Z, T, …
 * @property {number} ppid
 * @property {number} pgrp process group
 * @property {number} session
 * @property {string} start start time in clock ticks since boot; tells a pid apart from a later process reusing it
 * @property {boolean} dead a zombie (Z) or dying (X): exited, holds no ports, cannot be killed
 */

/**
 * @param {string} text the contents of /proc/<pid>/stat
 * @returns {ProcStat | null} null when the text is not a stat line
 */
export function parseStat(text) {
  const open = text.indexOf(' (');
  const close = text.lastIndexOf(')');
  const pid = Number(text.slice(0, open));
  if (open < 0 || close < open || !Number.isInteger(pid) || pid <= 0) return null;
  // After ") ": state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime
  // stime cutime cstime priority nice num_threads itrealvalue starttime …
  const fields = text.slice(close + 2).trim().split(' ');
  const [state = '', ppid, pgrp, session] = fields;
  const start = fields[19] ?? '';
  if (!/^[A-Za-z]$/.test(state) || !/^\d+$/.test(start)) return null;
  return { pid, name: text.slice(open + 2, close), state, ppid: Number(ppid), pgrp: Number(pgrp), session: Number(session), start, dead: state === 'Z' || state === 'X' };
}

/**
 * @param {number} pid
 * @returns {ProcStat | null} null when the process is gone or /proc is unavailable
 */
export function readStatSync(pid) {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * @param {number} pid
 * @returns {Promise<ProcStat | null>} null when the process is gone or /proc is unavailable
 */
export function readStat(pid) {
  return readFile(`/proc/${pid}/stat`, 'utf8').then(parseStat, () => null);
}

/** @param {string} name an entry of /proc */
const isPid = (name) => /^\d+$/.test(name);

/** @returns {ProcStat[] | null} every process on the machine (zombies too); null where /proc is unavailable */
export function readAllStatsSync() {
  let names;
  try {
    names = readdirSync('/proc');
  } catch {
    return null;
  }
  return names.filter(isPid).map((name) => readStatSync(Number(name))).filter((stat) => stat !== null);
}

/** @returns {Promise<ProcStat[]>} every process on the machine (zombies too); [] where /proc is unavailable */
export async function readAllStats() {
  const names = await readdir('/proc').catch(() => /** @type {string[]} */ ([]));
  const stats = await Promise.all(names.filter(isPid).map((name) => readStat(Number(name))));
  return stats.filter((stat) => stat !== null);
}
