import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DerivedKeys } from './keys';

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  override name = 'DecryptionError';
}

/**
 * AES-256-GCM per value with a random 96-bit nonce: `v1:<keyId>:<nonce>:<ciphertext+tag>`
 * (base64url). The context (e.g. `child.full_name`) is bound as associated data, so a ciphertext
 * copied into another column does not decrypt. Older keys stay readable after a rotation.
 */
export class FieldCipher {
  private readonly keysById: Map<string, Buffer>;

  constructor(
    private readonly current: DerivedKeys,
    previous: DerivedKeys[] = [],
  ) {
    this.keysById = new Map([...previous, current].map((keys) => [keys.keyId, keys.encryption]));
  }

  encrypt(plaintext: string, context: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.encryption, nonce);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [VERSION, this.current.keyId, nonce.toString('base64url'), body.toString('base64url')].join(':');
  }

  decrypt(envelope: string, context: string): string {
    const [version, keyId, nonce, body] = envelope.split(':');
    const key = this.keysById.get(keyId ?? '');
    if (version !== VERSION || !key || !nonce || !body) throw new DecryptionError('Unknown ciphertext format or key');
    const bytes = Buffer.from(body, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new DecryptionError('The ciphertext does not authenticate');
    }
  }

  /** Null in, null out: optional fields stay optional. */
  encryptOptional(plaintext: string | null | undefined, context: string): string | null {
    return plaintext === null || plaintext === undefined ? null : this.encrypt(plaintext, context);
  }

  decryptOptional(envelope: string | null | undefined, context: string): string | null {
    return envelope === null || envelope === undefined ? null : this.decrypt(envelope, context);
  }
}
