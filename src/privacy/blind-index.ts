import { createHmac } from 'node:crypto';

/**
 * A keyed blind index: HMAC-SHA256 of an already normalized value, truncated to 128 bits. Equal
 * inputs give equal indexes, so exact search works; without the key nothing can be guessed back.
 * Parts are joined with a separator no part can contain, so ("ab","c") ≠ ("a","bc").
 */
export function blindIndex(key: Buffer, ...parts: string[]): string {
  return createHmac('sha256', key).update(parts.join('\u001f')).digest('base64url').slice(0, 22);
}
