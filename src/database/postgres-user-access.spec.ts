import { chmodSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { letPostgresUserThrough } from './postgres-user-access';

const asRoot = userInfo().uid === 0 ? it : it.skip;

describe('letting the postgres user reach its files under root', () => {
  asRoot('adds only the search bit to private root-owned folders on the way', () => {
    const top = mkdtempSync(join(tmpdir(), 'cms-access-'));
    chmodSync(top, 0o700);
    const inner = join(top, 'a', 'b');
    mkdirSync(inner, { recursive: true });
    chmodSync(join(top, 'a'), 0o750);
    const changed = letPostgresUserThrough([join(inner, 'initdb')]);
    expect(changed).toEqual(expect.arrayContaining([top, join(top, 'a')]));
    expect(statSync(top).mode & 0o777).toBe(0o701);
    expect(statSync(join(top, 'a')).mode & 0o777).toBe(0o751);
    expect(letPostgresUserThrough([join(inner, 'initdb')])).toEqual([]);
  });
});
