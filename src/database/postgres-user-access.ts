import { chmodSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Under root, PostgreSQL runs as the system user `postgres`, which must be able to pass through
 * every folder above its binaries (in node_modules) and above its data folder. A checkout in a
 * private folder (`mktemp -d`, a home directory) blocks it. This adds the search bit only (o+x:
 * pass through, not list or read) to the root-owned folders on those paths that lack it, and
 * returns the folders it changed so the caller can say so.
 */
export function letPostgresUserThrough(paths: string[]): string[] {
  const changed: string[] = [];
  for (const path of paths) {
    for (let folder = dirname(path); ; folder = dirname(folder)) {
      const stat = statSync(folder, { throwIfNoEntry: false });
      if (stat && stat.uid === 0 && (stat.mode & 0o001) === 0) {
        chmodSync(folder, stat.mode | 0o001);
        changed.push(folder);
      }
      if (dirname(folder) === folder) break;
    }
  }
  return changed;
}
