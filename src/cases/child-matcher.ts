import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PiiService } from '../privacy/pii.service';
import { normalizeName } from '../privacy/normalize-name';
import { prepared } from '../database/prepared-statements';

const DAY_MS = 24 * 3600 * 1000;

/** A child as a report describes it (Mẫu 01). */
export interface ReportedChild {
  fullName: string;
  dateOfBirth?: string;
  estimatedAge?: number;
  sex: string;
  residenceAreaCode?: string;
  address?: string;
}

/** A child's record as stored: its personal values encrypted. */
export interface StoredChild {
  id: string;
  fullNameEnc: string;
  dateOfBirthEnc: string | null;
  estimatedAge: number | null;
  sex: string;
  residenceAreaCode: string | null;
  addressEnc: string | null;
}

/** A child's record in clear, as a correction reads and writes it. */
export interface CorrectedChild {
  fullName: string;
  dateOfBirth: string | null;
  estimatedAge: number | null;
  sex: string;
  residenceAreaCode: string | null;
  address: string | null;
}

interface Candidate {
  id: string;
  dateOfBirthEnc: string | null;
  estimatedAge: number | null;
}

/**
 * The one writer of the `children` table. One record per child. The same normalized name, date of birth and residence commune is the
 * same child (found through a keyed blind index, never by decrypting). Near matches — same name
 * and commune, birth within a year or an estimated age — are recorded for an officer to judge,
 * never merged.
 */
@Injectable()
export class ChildMatcher {
  constructor(private readonly pii: PiiService) {}

  /**
   * A child's identity as stored: the exact-match and near-match indexes, and the values of the
   * columns full_name_enc, name_index, match_index, near_index, date_of_birth_enc, estimated_age,
   * sex, residence_area_code, address_enc in that order.
   */
  private storedIdentity(child: ReportedChild | CorrectedChild) {
    const name = normalizeName(child.fullName);
    const residence = child.residenceAreaCode ?? null;
    const matchIndex =
      child.dateOfBirth && residence ? this.pii.index('child', name, child.dateOfBirth, residence) : null;
    const nearIndex = residence ? this.pii.index('near', name, residence) : null;
    const columns: unknown[] = [
      this.pii.encrypt(child.fullName, 'children.full_name'),
      this.pii.index('name', name),
      matchIndex,
      nearIndex,
      this.pii.encrypt(child.dateOfBirth, 'children.date_of_birth'),
      child.dateOfBirth ? null : child.estimatedAge,
      child.sex,
      residence,
      this.pii.encrypt(child.address, 'children.address'),
    ];
    return { matchIndex, nearIndex, columns };
  }

  async findOrCreate(manager: EntityManager, child: ReportedChild): Promise<{ id: string; created: boolean }> {
    const { matchIndex, columns } = this.storedIdentity(child);
    // One round trip: insert unless the same child exists, and gather near-match candidates (the
    // statement's snapshot predates the insert, so the new child is never its own candidate).
    const [row] = (await manager.query(
      prepared(`WITH inserted AS (
         INSERT INTO children (full_name_enc, name_index, match_index, near_index, date_of_birth_enc, estimated_age, sex,
                               residence_area_code, address_enc)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (match_index) DO NOTHING
         RETURNING id
       )
       SELECT (SELECT id FROM inserted) AS "insertedId",
              (SELECT id FROM children WHERE match_index = $3) AS "existingId",
              (SELECT coalesce(json_agg(json_build_object('id', c.id, 'dateOfBirthEnc', c.date_of_birth_enc, 'estimatedAge', c.estimated_age)), '[]')
                 FROM (SELECT id, date_of_birth_enc, estimated_age FROM children WHERE near_index = $4 LIMIT 50) c) AS candidates`),
      columns,
    )) as { insertedId: string | null; existingId: string | null; candidates: Candidate[] }[];
    if (row.insertedId) {
      await this.recordNearMatches(manager, row.insertedId, row.candidates, child);
      return { id: row.insertedId, created: true };
    }
    if (row.existingId) return { id: row.existingId, created: false };
    // A concurrent intake inserted the same child after this statement's snapshot: read it now.
    const [existing] = (await manager.query(`SELECT id FROM children WHERE match_index = $1`, [matchIndex])) as {
      id: string;
    }[];
    return { id: existing.id, created: false };
  }

  /** The child's record as stored, locked for a correction; undefined for an unknown id. */
  async lockForCorrection(manager: EntityManager, id: string): Promise<StoredChild | undefined> {
    const [row] = (await manager.query(
      `SELECT id, full_name_enc AS "fullNameEnc", date_of_birth_enc AS "dateOfBirthEnc", estimated_age AS "estimatedAge", sex,
              residence_area_code AS "residenceAreaCode", address_enc AS "addressEnc"
         FROM children WHERE id = $1 FOR UPDATE`,
      [id],
    )) as StoredChild[];
    return row;
  }

  /** A stored child, decrypted. */
  decrypt(row: StoredChild): CorrectedChild {
    return {
      fullName: this.pii.decrypt(row.fullNameEnc, 'children.full_name') ?? '',
      dateOfBirth: this.pii.decrypt(row.dateOfBirthEnc, 'children.date_of_birth'),
      estimatedAge: row.estimatedAge,
      sex: row.sex,
      residenceAreaCode: row.residenceAreaCode,
      address: this.pii.decrypt(row.addressEnc, 'children.address'),
    };
  }

  /**
   * Rewrites the child's record and its blind indexes from corrected values. When the corrected
   * name, birth date and commune are another child's, nothing is written and that child's id comes
   * back (the two are one child: merge them). Near matches of the new identity are recorded.
   */
  async correct(manager: EntityManager, id: string, child: CorrectedChild): Promise<{ duplicateOf?: string }> {
    const { matchIndex, nearIndex, columns } = this.storedIdentity(child);
    if (matchIndex) {
      const [other] = (await manager.query(`SELECT id FROM children WHERE match_index = $1 AND id <> $2`, [
        matchIndex,
        id,
      ])) as { id: string }[];
      if (other) return { duplicateOf: other.id };
    }
    await manager.query(
      `UPDATE children SET full_name_enc = $2, name_index = $3, match_index = $4, near_index = $5, date_of_birth_enc = $6,
                           estimated_age = $7, sex = $8, residence_area_code = $9, address_enc = $10
        WHERE id = $1`,
      [id, ...columns],
    );
    if (nearIndex) {
      const candidates = (await manager.query(
        `SELECT id, date_of_birth_enc AS "dateOfBirthEnc", estimated_age AS "estimatedAge" FROM children
          WHERE near_index = $1 AND id <> $2 LIMIT 50`,
        [nearIndex, id],
      )) as Candidate[];
      await this.recordNearMatches(manager, id, candidates, {
        ...child,
        dateOfBirth: child.dateOfBirth ?? undefined,
      } as ReportedChild);
    }
    return {};
  }

  /** Both records, locked in one order; undefined entries for unknown or merged ids. */
  async lockPair(manager: EntityManager, ids: [string, string]): Promise<Map<string, StoredChild>> {
    const rows = (await manager.query(
      `SELECT id, full_name_enc AS "fullNameEnc", date_of_birth_enc AS "dateOfBirthEnc", estimated_age AS "estimatedAge", sex,
              residence_area_code AS "residenceAreaCode", address_enc AS "addressEnc"
         FROM children WHERE id = ANY($1::uuid[]) AND merged_into IS NULL ORDER BY id FOR UPDATE`,
      [ids],
    )) as StoredChild[];
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * `merged` is `into`: its record stays for history, with no blind index a report could match and
   * `merged_into` set; its possible duplicates become `into`'s (but never `into` itself).
   */
  async markMerged(manager: EntityManager, merged: string, into: string): Promise<void> {
    await manager.query(
      `UPDATE children SET merged_into = $2, merged_at = now(), match_index = NULL, near_index = NULL WHERE id = $1`,
      [merged, into],
    );
    await manager.query(
      `INSERT INTO child_possible_duplicates (child_id, candidate_id)
       SELECT $2::uuid, candidate_id FROM child_possible_duplicates WHERE child_id = $1 AND candidate_id <> $2
       UNION ALL
       SELECT candidate_id, $2::uuid FROM child_possible_duplicates WHERE child_id = $1 AND candidate_id <> $2
       ON CONFLICT DO NOTHING`,
      [merged, into],
    );
    await manager.query(`DELETE FROM child_possible_duplicates WHERE child_id = $1 OR candidate_id = $1`, [merged]);
  }

  /** An officer judged the two to be different children: no longer possible duplicates, never again. */
  async markDistinct(manager: EntityManager, pair: [string, string], decidedBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO child_distinct_pairs (child_id, other_id, decided_by) VALUES ($1, $2, $3), ($2, $1, $3)
       ON CONFLICT DO NOTHING`,
      [pair[0], pair[1], decidedBy],
    );
    await manager.query(
      `DELETE FROM child_possible_duplicates WHERE (child_id = $1 AND candidate_id = $2) OR (child_id = $2 AND candidate_id = $1)`,
      pair,
    );
  }

  private async recordNearMatches(
    manager: EntityManager,
    id: string,
    candidates: Candidate[],
    child: ReportedChild,
  ): Promise<void> {
    const near = candidates.filter((candidate) => {
      const birth = this.pii.decrypt(candidate.dateOfBirthEnc, 'children.date_of_birth');
      if (!birth || !child.dateOfBirth) return true; // an estimated age on either side: worth a look
      return Math.abs(Date.parse(birth) - Date.parse(child.dateOfBirth)) <= 366 * DAY_MS;
    });
    if (!near.length) return;
    const others = near.map((candidate) => candidate.id);
    // Pairs an officer judged to be two children are never proposed again.
    await manager.query(
      `INSERT INTO child_possible_duplicates (child_id, candidate_id)
       SELECT pair.a, pair.b FROM (
         SELECT $1::uuid AS a, other AS b FROM unnest($2::uuid[]) AS other
         UNION ALL SELECT other, $1::uuid FROM unnest($2::uuid[]) AS other
       ) AS pair
       WHERE NOT EXISTS (SELECT 1 FROM child_distinct_pairs d WHERE d.child_id = pair.a AND d.other_id = pair.b)
       ON CONFLICT DO NOTHING`,
      [id, others],
    );
  }
}
