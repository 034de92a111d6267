import { blindIndex } from './blind-index';
import { DecryptionError, FieldCipher } from './field-cipher';
import { deriveKeys } from './keys';

const rootA = Buffer.alloc(32, 1);
const rootB = Buffer.alloc(32, 2);

describe('encryption at rest', () => {
  const cipher = new FieldCipher(deriveKeys(rootA));

  it('round-trips a Vietnamese name', () => {
    const envelope = cipher.encrypt('Nguyễn Thị Ánh', 'child.full_name');
    expect(cipher.decrypt(envelope, 'child.full_name')).toBe('Nguyễn Thị Ánh');
  });

  it('stores version, key id, nonce and ciphertext, and nothing readable', () => {
    const envelope = cipher.encrypt('Trần Văn Bình', 'child.full_name');
    expect(envelope).toMatch(/^v1:[A-Za-z0-9_-]{8}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(envelope).not.toContain('Bình');
  });

  it('never encrypts the same value the same way twice', () => {
    expect(cipher.encrypt('same', 'c')).not.toBe(cipher.encrypt('same', 'c'));
  });

  it('refuses a ciphertext moved to another field', () => {
    const envelope = cipher.encrypt('0901234567', 'reporter.phone');
    expect(() => cipher.decrypt(envelope, 'child.address')).toThrow(DecryptionError);
  });

  it('refuses a tampered ciphertext', () => {
    const [version, keyId, nonce, body] = cipher.encrypt('secret', 'c').split(':');
    const bytes = Buffer.from(body, 'base64url');
    bytes[0] ^= 1; // one flipped bit of ciphertext
    expect(() => cipher.decrypt([version, keyId, nonce, bytes.toString('base64url')].join(':'), 'c')).toThrow(
      DecryptionError,
    );
  });

  it('reads values written under an older key after a rotation, and writes with the new one', () => {
    const old = new FieldCipher(deriveKeys(rootA)).encrypt('kept', 'c');
    const rotated = new FieldCipher(deriveKeys(rootB), [deriveKeys(rootA)]);
    expect(rotated.decrypt(old, 'c')).toBe('kept');
    expect(rotated.encrypt('new', 'c').split(':')[1]).toBe(deriveKeys(rootB).keyId);
  });

  it('cannot read anything without the key', () => {
    const envelope = cipher.encrypt('secret', 'c');
    expect(() => new FieldCipher(deriveKeys(rootB)).decrypt(envelope, 'c')).toThrow(DecryptionError);
  });
});

describe('blind index', () => {
  const key = deriveKeys(rootA).blindIndex;

  it('matches equal values and differs for different ones', () => {
    expect(blindIndex(key, 'nguyen van an')).toBe(blindIndex(key, 'nguyen van an'));
    expect(blindIndex(key, 'nguyen van an')).not.toBe(blindIndex(key, 'nguyen van anh'));
  });

  it('depends on the key', () => {
    expect(blindIndex(key, 'x')).not.toBe(blindIndex(deriveKeys(rootB).blindIndex, 'x'));
  });

  it('keeps part boundaries', () => {
    expect(blindIndex(key, 'ab', 'c')).not.toBe(blindIndex(key, 'a', 'bc'));
  });

  it('uses a different key from encryption', () => {
    const keys = deriveKeys(rootA);
    expect(keys.blindIndex.equals(keys.encryption)).toBe(false);
  });
});
