import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PiiService } from '../privacy/pii.service';
import { normalizeName } from '../privacy/normalize-name';
import { ReportChildDto } from './dto/create-report.dto';

const DAY_MS = 24 * 3600 * 1000;

interface Candidate {
  id: string;
  dateOfBirthEnc: string | null;
  estimatedAge: number | null;
}

/**
 * One record per child. The same normalized name, date of birth and residence commune is the
 * same child (found through a keyed blind index, never by decrypting). Near matches — same name
 * and commune, birth within a year or an estimated age — are recorded for an officer to judge,
 * never merged.
 */
@Injectable()
export class ChildMatcher {
  constructor(private readonly pii: PiiService) {}

  async findOrCreate(manager: EntityManager, child: ReportChildDto): Promise<{ id: string; created: boolean }> {
    const name = normalizeName(child.fullName);
    const residence = child.residenceAreaCode ?? null;
    const matchIndex = child.dateOfBirth && residence ? this.pii.index('child', name, child.dateOfBirth, residence) : null;
    const nearIndex = residence ? this.pii.index('near', name, residence) : null;
    const inserted = (await manager.query(
      `INSERT INTO children (full_name_enc, name_index, match_index, near_index, date_of_birth_enc, estimated_age, sex,
                             residence_area_code, address_enc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (match_index) DO NOTHING
       RETURNING id`,
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
    )) as { id: string }[];
    if (inserted.length === 0) {
      const [existing] = (await manager.query(`SELECT id FROM children WHERE match_index = $1`, [matchIndex])) as { id: string }[];
      return { id: existing.id, created: false };
    }
    const id = inserted[0].id;
    if (nearIndex) await this.recordNearMatches(manager, id, nearIndex, child);
    return { id, created: true };
  }

  private async recordNearMatches(manager: EntityManager, id: string, nearIndex: string, child: ReportChildDto): Promise<void> {
    const candidates = (await manager.query(
      `SELECT id, date_of_birth_enc AS "dateOfBirthEnc", estimated_age AS "estimatedAge"
         FROM children WHERE near_index = $1 AND id <> $2 LIMIT 50`,
      [nearIndex, id],
    )) as Candidate[];
    const near = candidates.filter((candidate) => {
      const birth = this.pii.decrypt(candidate.dateOfBirthEnc, 'children.date_of_birth');
      if (!birth || !child.dateOfBirth) return true; // an estimated age on either side: worth a look
      return Math.abs(Date.parse(birth) - Date.parse(child.dateOfBirth)) <= 366 * DAY_MS;
    });
    for (const candidate of near) {
      await manager.query(
        `INSERT INTO child_possible_duplicates (child_id, candidate_id) VALUES ($1, $2), ($2, $1) ON CONFLICT DO NOTHING`,
        [id, candidate.id],
      );
    }
  }
}
