import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { preProcessFile } from 'typescript';

/**
 * The house, bottom to top. A folder may import its own files and the folders of lower floors,
 * never a folder of its own floor or a higher one, so every arrow between folders points down
 * and no two folders import each other. The files at the root of src/ (main, app.module,
 * app.factory) assemble everything and sit above them all.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['common'], // problem+json, validation, pagination, logging, OpenAPI, request limits, the SMTP transport
  ['config'], // typed configuration, validated at boot
  ['database'], // embedded PostgreSQL, data source, migrations runner, roles
  ['domain'], // the vocabulary every feature shares: codes, roles, the workflow table, area paths, time
  ['privacy'], // cryptography only: field cipher, keys, blind index, name normalisation
  ['area-tree'], // the one reader and writer of the areas table: code → level, parent, path
  ['auth'], // authentication: tokens, passwords, lockout, the principal
  ['access'], // CASL abilities, the global guard, scope as SQL
  ['audit'], // the append-only access and change log
  ['notifications'], // the inbox and its outbox, written in the transaction of each change (below cases)
  ['areas'], // areas, population, holiday calendar
  ['users'], // signing in, one's own password, user administration
  ['statistics'], // rates per 100,000 children, facts kept current by the case writes
  ['cases'], // the case file, the Decree 56 steps, deadlines, consent and disclosure
  ['interventions'], // agency work on a case
  ['intake'], // reports (Mẫu 01), children matched, cases opened
  ['calls'], // the hotlines' calls, reports or not, and their statistics
  ['delivery'], // notifications beyond the inbox: mail and signed webhooks, at least once
  ['health'], // GET /health
];

const SRC = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The top-level folder of src/ a path lies in, or null for the root files and anything outside src/. */
function folderOf(path: string): string | null {
  const parts = relative(SRC, path).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? parts[0] : null;
}

/** folder → the other folders its files import, from the TypeScript parser's own list of imports. */
function folderImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    if (!from) continue;
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    for (const { fileName } of preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const to = folderOf(resolve(dirname(file), fileName));
      if (to && to !== from) targets.add(to);
    }
  }
  return graph;
}

const floorOf = (folder: string) => LAYERS.findIndex((floor) => floor.includes(folder));

describe('the folders of src/ form one-way stairs', () => {
  const graph = folderImports();

  it('places every top-level folder on a floor', () => {
    const unplaced = [...graph.keys()].filter((folder) => floorOf(folder) < 0);
    expect(unplaced).toEqual([]);
  });

  it('has no two folders that import each other', () => {
    const mutual = [...graph].flatMap(([from, targets]) =>
      [...targets].filter((to) => from < to && graph.get(to)?.has(from)).map((to) => `${from} <-> ${to}`),
    );
    expect(mutual).toEqual([]);
  });

  it('has every import between folders point to a lower floor', () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      [...targets].filter((to) => floorOf(to) >= floorOf(from)).map((to) => `${from} -> ${to}`),
    );
    expect(upward).toEqual([]);
  });

  it('keeps the picture: a new arrow between folders shows up in review', () => {
    const picture = Object.fromEntries(
      [...graph]
        .sort(([a], [b]) => floorOf(a) - floorOf(b))
        .map(([from, targets]) => [from, [...targets].sort((a, b) => floorOf(a) - floorOf(b))]),
    );
    expect(picture).toMatchSnapshot();
  });
});
