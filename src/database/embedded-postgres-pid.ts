import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What `postmaster.pid` of a data folder says about the server running on it. */
export interface RunningPostmaster {
  pid: number;
  port: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the `postgres` user under root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The PostgreSQL server running on the data folder `dir`, or null when none is (no
 * `postmaster.pid`, or one left behind by a server that is gone). The file's first line is the
 * postmaster's pid, its fourth the port it listens on.
 */
export function runningPostmaster(dir: string): RunningPostmaster | null {
  let lines: string[];
  try {
    lines = readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  return alive(pid) ? { pid, port } : null;
}
