import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { blindIndex } from './blind-index';
import { FieldCipher } from './field-cipher';
import { deriveKeys } from './keys';

/** Encryption at rest and blind indexes, keyed from PII_ENCRYPTION_KEY. */
@Injectable()
export class PiiService {
  private readonly cipher: FieldCipher;
  private readonly indexKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const keys = deriveKeys(config.piiEncryptionKey);
    this.cipher = new FieldCipher(keys, config.piiPreviousKeys.map(deriveKeys));
    this.indexKey = keys.blindIndex;
  }

  encrypt(value: string | null | undefined, context: string): string | null {
    return this.cipher.encryptOptional(value, context);
  }

  decrypt(envelope: string | null | undefined, context: string): string | null {
    return this.cipher.decryptOptional(envelope, context);
  }

  index(...parts: string[]): string {
    return blindIndex(this.indexKey, ...parts);
  }
}
