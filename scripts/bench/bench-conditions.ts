import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return dirty ? `${sha} with uncommitted changes` : sha;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/**
 * What a figure was measured on: the commit (and whether the tree differed from it), the
 * machine's cores and load averages, and Node. Every bench prints it first, so a figure quoted
 * anywhere carries the conditions it was measured under.
 */
export function benchConditions(): string {
  const [one, five, fifteen] = loadavg().map((load) => load.toFixed(2));
  return `commit ${commit()} · ${cpus().length} cores · load ${one} / ${five} / ${fifteen} (1/5/15 min) · node ${process.version}`;
}
