import { EntityManager } from 'typeorm';
import { blindIndex } from './blind-index';
import { FieldCipher } from './field-cipher';
import { DerivedKeys } from './keys';
import { normalizeName } from './normalize-name';

/** Every encrypted column, with the context its values are bound to. */
export const ENCRYPTED_COLUMNS: ReadonlyArray<{ table: string; column: string; context: string }> = [
  { table: 'children', column: 'full_name_enc', context: 'children.full_name' },
  { table: 'children', column: 'date_of_birth_enc', context: 'children.date_of_birth' },
  { table: 'children', column: 'address_enc', context: 'children.address' },
  { table: 'reports', column: 'description_enc', context: 'reports.description' },
  { table: 'reports', column: 'reporter_enc', context: 'reports.reporter' },
  { table: 'reports', column: 'situation_enc', context: 'reports.situation' },
  { table: 'case_steps', column: 'content_enc', context: 'case_steps.content' },
  { table: 'interventions', column: 'notes_enc', context: 'interventions.notes' },
  { table: 'interventions', column: 'outcome_enc', context: 'interventions.outcome' },
  { table: 'disclosures', column: 'recipient_enc', context: 'disclosures.recipient' },
  { table: 'disclosures', column: 'purpose_enc', context: 'disclosures.purpose' },
  { table: 'case_transfers', column: 'reason_enc', context: 'case_transfers.reason' },
  { table: 'case_transfers', column: 'decision_reason_enc', context: 'case_transfers.decision_reason' },
  { table: 'cases', column: 'description_enc', context: 'cases.description' },
  { table: 'calls', column: 'notes_enc', context: 'calls.notes' },
  { table: 'case_history', column: 'reason_enc', context: 'case_history.reason' },
  { table: 'case_history', column: 'personal_changes_enc', context: 'case_history.personal_changes' },
  { table: 'users', column: 'email_enc', context: 'users.email' },
];

export interface RotationProgress {
  table: string;
  column: string;
  rewritten: number;
}

const BATCH = 500;

/**
 * Re-encrypts every value not yet under the current key, one batch per transaction, so the old
 * key can then be dropped; children's blind indexes are recomputed with the current index key at
 * the same time (their names are re-keyed together). Safe to interrupt and run again.
 */
export async function rotatePersonalData(
  run: <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>,
  cipher: FieldCipher,
  current: DerivedKeys,
  onProgress: (progress: RotationProgress) => void = () => undefined,
): Promise<number> {
  const prefix = `v1:${current.keyId}:`;
  let total = 0;
  for (const { table, column, context } of ENCRYPTED_COLUMNS) {
    for (;;) {
      const rewritten = await run(async (manager) => {
        const rows = (await manager.query(
          `SELECT id, ${column} AS value FROM ${table} WHERE ${column} IS NOT NULL AND left(${column}, $1) <> $2 LIMIT ${BATCH} FOR UPDATE`,
          [prefix.length, prefix],
        )) as { id: string; value: string }[];
        for (const row of rows) {
          const plain = cipher.decrypt(row.value, context);
          await manager.query(`UPDATE ${table} SET ${column} = $2 WHERE id = $1`, [
            row.id,
            cipher.encrypt(plain, context),
          ]);
          if (table === 'children' && column === 'full_name_enc')
            await reindexChild(manager, cipher, current, row.id, plain);
        }
        return rows.length;
      });
      total += rewritten;
      onProgress({ table, column, rewritten });
      if (rewritten < BATCH) break;
    }
  }
  return total;
}

/** The child's blind indexes under the current index key (same inputs as at intake). */
async function reindexChild(
  manager: EntityManager,
  cipher: FieldCipher,
  keys: DerivedKeys,
  id: string,
  fullName: string,
): Promise<void> {
  const [child] = (await manager.query(
    `SELECT date_of_birth_enc AS "dateOfBirthEnc", residence_area_code AS "residence" FROM children WHERE id = $1`,
    [id],
  )) as { dateOfBirthEnc: string | null; residence: string | null }[];
  const name = normalizeName(fullName);
  const birth = cipher.decryptOptional(child.dateOfBirthEnc, 'children.date_of_birth');
  await manager.query(`UPDATE children SET name_index = $2, match_index = $3, near_index = $4 WHERE id = $1`, [
    id,
    blindIndex(keys.blindIndex, 'name', name),
    birth && child.residence ? blindIndex(keys.blindIndex, 'child', name, birth, child.residence) : null,
    child.residence ? blindIndex(keys.blindIndex, 'near', name, child.residence) : null,
  ]);
}
