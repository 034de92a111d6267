import { createHash, hkdfSync } from 'node:crypto';

/** The keys derived from one root key (PII_ENCRYPTION_KEY) with HKDF-SHA256, each for one purpose. */
export interface DerivedKeys {
  /** Short id of the root key, stored beside each ciphertext so keys can rotate. */
  keyId: string;
  encryption: Buffer;
  blindIndex: Buffer;
}

const SALT = Buffer.from('child-protection-cms/pii/v1');

function derive(root: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', root, SALT, purpose, 32));
}

export function deriveKeys(root: Buffer): DerivedKeys {
  if (root.length !== 32) throw new Error('The PII root key must be 32 bytes');
  return {
    keyId: createHash('sha256').update(derive(root, 'key-id')).digest('base64url').slice(0, 8),
    encryption: derive(root, 'field-encryption'),
    blindIndex: derive(root, 'blind-index'),
  };
}
