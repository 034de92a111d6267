import { blindIndex } from '../src/privacy/blind-index';
import { FieldCipher } from '../src/privacy/field-cipher';
import { deriveKeys } from '../src/privacy/keys';
import { ENCRYPTED_COLUMNS, rotatePersonalData } from '../src/privacy/key-rotation';
import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';

let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  const hotline = await t.tokenFor('hotline_operator', 'VN');
  await t.post('/reports', reportBody(), hotline);
});
afterAll(() => t.close());

describe('key rotation', () => {
  it('re-encrypts every personal value under the new key and re-keys the blind indexes', async () => {
    const oldKeys = deriveKeys(t.config.piiEncryptionKey);
    const newKeys = deriveKeys(Buffer.alloc(32, 9));
    const cipher = new FieldCipher(newKeys, [oldKeys]);
    const rewritten = await rotatePersonalData((work) => t.db.transaction(work), cipher, newKeys);
    expect(rewritten).toBe(5); // name, birth date, address, description, reporter

    for (const { table, column } of ENCRYPTED_COLUMNS) {
      const stale = await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} LIKE $1`, [
        `v1:${oldKeys.keyId}:%`,
      ]);
      expect({ column: `${table}.${column}`, stale: stale[0].n }).toEqual({ column: `${table}.${column}`, stale: 0 });
    }
    const newOnly = new FieldCipher(newKeys);
    const [child] = await t.db.query(`SELECT full_name_enc, name_index, match_index FROM children LIMIT 1`);
    expect(newOnly.decrypt(child.full_name_enc, 'children.full_name')).toBe('Nguyễn Văn Thử');
    expect(child.name_index).toBe(blindIndex(newKeys.blindIndex, 'name', 'nguyen van thu'));
    expect(child.match_index).toBe(blindIndex(newKeys.blindIndex, 'child', 'nguyen van thu', '2015-03-04', '46001'));
    // A second run has nothing left to do.
    expect(await rotatePersonalData((work) => t.db.transaction(work), cipher, newKeys)).toBe(0);
  });
});
