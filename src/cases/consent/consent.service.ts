import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../../access/request-context';
import { AuditService } from '../../audit/audit.service';
import { CaseViewService } from '../case-view.service';
import { Conflict, invalidField } from '../../common/problem';
import { ageOn, vietnamDate } from '../../domain/time';
import { disclosureRefusal, guardianMayConsent } from './disclosure-rules';
import { RecordConsentDto, RecordDisclosureDto } from './dto/consent.dto';
import { PiiService } from '../../privacy/pii.service';

/** Consents and disclosures of a case (docs/domain.md, Consent and disclosure). */
@Injectable()
export class ConsentService {
  constructor(
    private readonly db: DataSource,
    private readonly cases: CaseViewService,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
  ) {}

  async recordConsent(caller: Caller, caseId: string, dto: RecordConsentDto) {
    const kase = await this.cases.gate(caller, caseId, 'update');
    if (dto.party === 'guardian' && !guardianMayConsent(kase.allegedPerpetrator)) {
      throw new Conflict('The guardian is the alleged abuser and cannot give consent');
    }
    const recordedAt = dto.recordedAt ? new Date(dto.recordedAt) : new Date();
    if (recordedAt.getTime() > Date.now() + 2 * 60 * 1000) throw invalidField('recordedAt', 'may not be in the future');
    return this.db.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO consents (case_id, party, granted, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, recorded_at AS "recordedAt"`,
        [caseId, dto.party, dto.granted, recordedAt, caller.user.id],
      )) as { id: string; recordedAt: Date }[];
      await this.audit.recordBy(
        caller,
        {
          action: 'consent.record',
          subjectType: 'Consent',
          subjectId: row.id,
          caseId,
          details: { party: dto.party, granted: dto.granted },
        },
        manager,
      );
      return { id: row.id, party: dto.party, granted: dto.granted, recordedAt: row.recordedAt.toISOString() };
    });
  }

  async recordDisclosure(caller: Caller, caseId: string, dto: RecordDisclosureDto) {
    const kase = await this.cases.gate(caller, caseId, 'update');
    if (dto.recipientType === 'state_authority' && !dto.legalBasis) {
      throw invalidField('legalBasis', 'is required for a disclosure to a state authority');
    }
    return this.db.transaction(async (manager) => {
      // Lock the case so a consent withdrawn at this very moment cannot slip past the check.
      await manager.query(`SELECT 1 FROM cases WHERE id = $1 FOR UPDATE`, [caseId]);
      const consents = await this.consentState(manager, caseId, kase.childId);
      const refusal = disclosureRefusal(dto.recipientType, consents, dto.legalBasis);
      if (refusal) throw new Conflict(refusal);
      const [row] = (await manager.query(
        `INSERT INTO disclosures (case_id, recipient_enc, recipient_type, purpose_enc, legal_basis, disclosed_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, disclosed_at AS "disclosedAt"`,
        [
          caseId,
          this.pii.encrypt(dto.recipient, 'disclosures.recipient'),
          dto.recipientType,
          this.pii.encrypt(dto.purpose, 'disclosures.purpose'),
          dto.legalBasis ?? null,
          caller.user.id,
        ],
      )) as { id: string; disclosedAt: Date }[];
      await this.audit.recordBy(
        caller,
        {
          action: 'disclosure.record',
          subjectType: 'Disclosure',
          subjectId: row.id,
          caseId,
          details: { recipientType: dto.recipientType },
        },
        manager,
      );
      return {
        id: row.id,
        recipient: dto.recipient,
        recipientType: dto.recipientType,
        purpose: dto.purpose,
        legalBasis: dto.legalBasis ?? null,
        disclosedAt: row.disclosedAt.toISOString(),
      };
    });
  }

  private async consentState(manager: EntityManager, caseId: string, childId: string) {
    const latest = (await manager.query(
      `SELECT DISTINCT ON (party) party, granted FROM consents WHERE case_id = $1 ORDER BY party, recorded_at DESC, created_at DESC`,
      [caseId],
    )) as { party: 'child' | 'guardian'; granted: boolean }[];
    return {
      childAge: await this.currentAge(manager, caseId, childId),
      child: latest.find((c) => c.party === 'child')?.granted,
      guardian: latest.find((c) => c.party === 'guardian')?.granted,
    };
  }

  /** The child's age today: from the birth date when known, else the estimate carried forward. */
  private async currentAge(manager: EntityManager, caseId: string, childId: string): Promise<number> {
    const [row] = (await manager.query(
      `SELECT ch.date_of_birth_enc AS "dateOfBirthEnc", c.age_at_event AS "ageAtEvent", c.event_date::text AS "eventDate"
         FROM cases c JOIN children ch ON ch.id = c.child_id WHERE c.id = $1 AND ch.id = $2`,
      [caseId, childId],
    )) as { dateOfBirthEnc: string | null; ageAtEvent: number; eventDate: string }[];
    const today = vietnamDate(new Date());
    const birth = this.pii.decrypt(row.dateOfBirthEnc, 'children.date_of_birth');
    return birth ? ageOn(birth, today) : row.ageAtEvent + ageOn(row.eventDate, today);
  }
}
