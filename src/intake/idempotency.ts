import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Conflict, invalidField } from '../common/problem';

const KEY = /^[\x21-\x7e]{1,200}$/;

export function validIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined || key === '') return undefined;
  if (!KEY.test(key)) throw invalidField('Idempotency-Key', 'must be 1–200 printable ASCII characters');
  return key;
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/**
 * Claims the key inside the caller's transaction. A concurrent request with the same key waits on
 * the unique index until the first commits, then finds its stored response; if the first rolls
 * back, the second goes ahead. Returns the stored response when this is a retry.
 */
export async function claimIdempotencyKey<T>(
  manager: EntityManager,
  userId: string,
  key: string,
  hash: string,
): Promise<T | undefined> {
  const claimed = (await manager.query(
    `INSERT INTO idempotency_keys (user_id, key, request_hash, status, response) VALUES ($1, $2, $3, 0, '{}')
     ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
    [userId, key, hash],
  )) as unknown[];
  if (claimed.length) return undefined;
  const [stored] = (await manager.query(
    `SELECT request_hash AS "requestHash", response FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
    [userId, key],
  )) as { requestHash: string; response: T }[];
  if (stored.requestHash !== hash) throw new Conflict('This Idempotency-Key was already used for a different request');
  return stored.response;
}

export async function storeIdempotentResponse(
  manager: EntityManager,
  userId: string,
  key: string,
  status: number,
  response: unknown,
): Promise<void> {
  await manager.query(`UPDATE idempotency_keys SET status = $3, response = $4 WHERE user_id = $1 AND key = $2`, [
    userId,
    key,
    status,
    JSON.stringify(response),
  ]);
}
