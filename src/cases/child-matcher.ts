import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PiiService } from '../privacy/pii.service';
import { normalizeName } from '../privacy/normalize-name';

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

  async findOrCreate(manager: EntityManager, child: ReportedChild): Promise<{ id: string; created: boolean }> {
    const name = normalizeName(child.fullName);
    const residence = child.residenceAreaCode ?? null;
    const matchIndex =
      child.dateOfBirth && residence ? this.pii.index('child', name, child.dateOfBirth, residence) : null;
    const nearIndex = residence ? this.pii.index('near', name, residence) : null;
    // One round trip: insert unless the same child exists, and gather near-match candidates (the
    // statement's snapshot predates the insert, so the new child is never its own candidate).
    const [row] = (await manager.query(
      `WITH inserted AS (
         INSERT INTO children (full_name_enc, name_index, match_index, near_index, date_of_birth_enc, estimated_age, sex,
                               residence_area_code, address_enc)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (match_index) DO NOTHING
         RETURNING id
       )
       SELECT (SELECT id FROM inserted) AS "insertedId",
              (SELECT id FROM children WHERE match_index = $3) AS "existingId",
              (SELECT coalesce(json_agg(json_build_object('id', c.id, 'dateOfBirthEnc', c.date_of_birth_enc, 'estimatedAge', c.estimated_age)), '[]')
                 FROM (SELECT id, date_of_birth_enc, estimated_age FROM children WHERE near_index = $4 LIMIT 50) c) AS candidates`,
      [
        this.pii.encrypt(child.fullName, 'children.full_name'),
        this.pii.index('name', name),
        matchIndex,
        nearIndex,
        this.pii.encrypt(child.dateOfBirth, 'children.date_of_birth'),
        child.dateOfBirth ? null : child.estimatedAge,
        child.sex,
        residence,
        this.pii.encrypt(child.address, 'children.address'),
      ],
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
    await manager.query(
      `INSERT INTO child_possible_duplicates (child_id, candidate_id)
       SELECT $1::uuid, other FROM unnest($2::uuid[]) AS other
       UNION ALL SELECT other, $1::uuid FROM unnest($2::uuid[]) AS other
       ON CONFLICT DO NOTHING`,
      [id, others],
    );
  }
}
