import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';
import { AreaRef, AreaRepository } from '../area-tree/area-repository';
import { AuditService } from '../audit/audit.service';
import { Conflict, InvalidInput, staleVersion } from '../common/problem';
import { ageOn, vietnamDate } from '../domain/time';
import { PiiService } from '../privacy/pii.service';
import { resolveCommunes } from './area-lookup';
import { CaseForCorrection, CaseRepository, CaseWrites, ChildCase, CorrectedColumns } from './case-repository';
import { mayReadACaseOf } from './children/child-merge.service';
import { CASE_DESCRIPTION_CONTEXT, CaseViewService } from './case-view.service';
import { ChildMatcher, CorrectedChild } from './child-matcher';
import { DeadlineStore } from './deadline-store';
import { correctionDeadlineDue, deadlinesAfterCorrection } from './deadlines';
import { caseViolations, childViolations } from './correction-rules';
import { CorrectCaseDto, CorrectChildDto } from './dto/correction.dto';
import { CaseHistoryWriter, changed, FieldChange } from './history/case-history-writer';

const NOTHING_TO_CORRECT = 'names no field whose value differs from the record';

/** The case facts a correction may change, in clear. */
interface CaseFields {
  category: string;
  form: string;
  fatal: boolean;
  occurredAt: Date | null;
  occurredAreaCode: string;
  allegedPerpetrator: string | null;
  description: string | null;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * Corrections of what intake recorded (README "Corrections, history and duplicate children";
 * docs/domain.md, Personal data: Law 91/2025 gives the child and the family the right to have
 * their data corrected). Each is one transaction: the intake
 * rules on the corrected record, the version, the deadlines it now calls for, the statistics facts
 * (through the case repository), the history entry with what changed from what to what, and the audit.
 */
@Injectable()
export class CaseCorrectionService {
  constructor(
    private readonly views: CaseViewService,
    private readonly cases: CaseRepository,
    private readonly areas: AreaRepository,
    private readonly children: ChildMatcher,
    private readonly history: CaseHistoryWriter,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
  ) {}

  /** PATCH /cases/{id}: category, form, fatal, event time and place, alleged abuser, description. */
  async correctCase(caller: Caller, caseId: string, dto: CorrectCaseDto): Promise<void> {
    const gated = await this.views.gate(caller, caseId, 'update');
    const place =
      dto.occurredAreaCode === undefined
        ? undefined
        : (await resolveCommunes(this.areas, caller, [{ field: 'occurredAreaCode', code: dto.occurredAreaCode }])).get(
            dto.occurredAreaCode,
          )!;
    await this.cases.transaction(async (writes) => {
      const { manager } = writes;
      // The child first, then the case: the order a correction of the child takes too.
      const child = await this.children.lockForCorrection(manager, gated.childId);
      const kase = await writes.lockForCorrection(caseId);
      if (!kase || !child || kase.childId !== gated.childId)
        throw new Conflict('The case changed meanwhile: reload it');
      if (kase.version !== dto.version) throw staleVersion('The case', dto.version, kase.version);
      const before = this.fieldsOf(kase);
      const after = corrected(before, dto);
      const dateOfBirth = this.pii.decrypt(child.dateOfBirthEnc, 'children.date_of_birth');
      const errors = caseViolations(after, kase.receivedAt, dateOfBirth, child.estimatedAge);
      if (errors.length) throw new InvalidInput(errors);
      const changes = [
        ...changed('category', before.category, after.category),
        ...changed('form', before.form, after.form),
        ...changed('fatal', before.fatal, after.fatal),
        ...changed('occurredAt', iso(before.occurredAt), iso(after.occurredAt)),
        ...changed('occurredAreaCode', before.occurredAreaCode, after.occurredAreaCode),
        ...changed('allegedPerpetrator', before.allegedPerpetrator, after.allegedPerpetrator),
      ];
      const personal = changed('description', before.description, after.description);
      if (!changes.length && !personal.length) throw new InvalidInput([{ field: '', message: NOTHING_TO_CORRECT }]);

      const columns: CorrectedColumns = {
        category: after.category,
        form: after.form,
        fatal: after.fatal,
        occurred_at: after.occurredAt,
        alleged_perpetrator: after.allegedPerpetrator,
      };
      const event = after.occurredAt ?? kase.receivedAt;
      columns.event_date = vietnamDate(event);
      if (dateOfBirth) columns.age_at_event = ageOn(dateOfBirth, vietnamDate(event));
      if (place && place.code !== before.occurredAreaCode) {
        columns.occurred_area_code = place.code;
        // Statistics count the child where it lived, else where it happened.
        if (!child.residenceAreaCode) Object.assign(columns, residenceColumns(place));
      }
      if (personal.length) columns.description_enc = this.pii.encrypt(after.description, CASE_DESCRIPTION_CONTEXT);
      await writes.correct(kase, columns);
      await this.followDeadlines(writes, kase, after);
      await this.history.record(manager, caller, caseId, {
        action: 'case_correction',
        reason: dto.reason,
        changes,
        personal,
      });
      await this.audit.recordBy(
        caller,
        {
          action: 'case.correct',
          subjectType: 'Case',
          subjectId: caseId,
          caseId,
          details: { fields: [...changes, ...personal].map((change) => change.field).join(',') },
        },
        manager,
      );
    });
  }

  /**
   * PATCH /cases/{id}/child: the one record of the child all its cases share. Every case of the
   * child follows (sex, age at its event, the residence the statistics count), its blind indexes
   * are recomputed, and each case's history tells of it. A corrected identity that is another
   * child's is a 409: the two records are one child, to be merged.
   */
  async correctChild(caller: Caller, caseId: string, dto: CorrectChildDto): Promise<void> {
    const gated = await this.views.gate(caller, caseId, 'update');
    const residence =
      dto.residenceAreaCode === undefined || dto.residenceAreaCode === null
        ? undefined
        : (
            await resolveCommunes(this.areas, caller, [{ field: 'residenceAreaCode', code: dto.residenceAreaCode }])
          ).get(dto.residenceAreaCode)!;
    await this.cases.transaction(async (writes) => {
      const { manager } = writes;
      const stored = await this.children.lockForCorrection(manager, gated.childId);
      const cases = await writes.lockCasesOfChild(gated.childId);
      const kase = cases.find((one) => one.id === caseId);
      if (!stored || !kase) throw new Conflict('The case changed meanwhile: reload it');
      if (kase.version !== dto.version) throw staleVersion('The case', dto.version, kase.version);
      const before = this.children.decrypt(stored);
      const after = correctedChild(before, dto);
      const errors = childViolations(after, cases);
      if (errors.length) throw new InvalidInput(errors);
      const changes = [
        ...changed('estimatedAge', before.estimatedAge, after.estimatedAge),
        ...changed('sex', before.sex, after.sex),
        ...changed('residenceAreaCode', before.residenceAreaCode, after.residenceAreaCode),
      ];
      const personal = [
        ...changed('fullName', before.fullName, after.fullName),
        ...changed('dateOfBirth', before.dateOfBirth, after.dateOfBirth),
        ...changed('address', before.address, after.address),
      ];
      if (!changes.length && !personal.length) throw new InvalidInput([{ field: '', message: NOTHING_TO_CORRECT }]);

      const { duplicateOf } = await this.children.correct(manager, gated.childId, after);
      if (duplicateOf) await this.refuseDuplicate(manager, caller, duplicateOf);
      const home = after.residenceAreaCode
        ? (residence ?? (await this.areas.ref(after.residenceAreaCode, manager)))
        : undefined;
      for (const one of cases)
        await writes.correct({ id: one.id, childId: gated.childId }, caseColumns(after, one, home));
      const ids = cases.map((one) => one.id);
      await this.history.record(manager, caller, ids, {
        action: 'child_correction',
        reason: dto.reason,
        changes,
        personal,
      });
      const fields = [...changes, ...personal].map((change: FieldChange) => change.field).join(',');
      await this.audit.recordManyBy(
        caller,
        ids.map((id) => ({
          action: 'child.correct',
          subjectType: 'Child',
          subjectId: gated.childId,
          caseId: id,
          details: { fields },
        })),
        manager,
      );
    });
  }

  private fieldsOf(kase: CaseForCorrection): CaseFields {
    const context = kase.ownDescription ? CASE_DESCRIPTION_CONTEXT : 'reports.description';
    return {
      category: kase.category,
      form: kase.form,
      fatal: kase.fatal,
      occurredAt: kase.occurredAt,
      occurredAreaCode: kase.occurredAreaCode,
      allegedPerpetrator: kase.allegedPerpetrator,
      description: this.pii.decrypt(kase.descriptionEnc, context),
    };
  }

  /** The receipt deadlines the corrected facts call for, added or withdrawn (see deadlinesAfterCorrection). */
  private async followDeadlines(writes: CaseWrites, kase: CaseForCorrection, after: CaseFields): Promise<void> {
    const facts = { riskLevel: kase.riskLevel, emergency: kase.emergency };
    const { add, withdraw } = deadlinesAfterCorrection(
      { ...facts, form: kase.form, allegedPerpetrator: kase.allegedPerpetrator },
      { ...facts, form: after.form, allegedPerpetrator: after.allegedPerpetrator },
    );
    // A closed case owes nothing more.
    if (kase.status === 'closed') return;
    const deadlines = new DeadlineStore(writes, kase.id);
    for (const kind of withdraw) await deadlines.withdraw(kind);
    for (const kind of add) await deadlines.setOnce(kind, correctionDeadlineDue(kind, kase.receivedAt));
    if (add.includes('police_referral')) await deadlines.meetPoliceReferralByEarlierIntervention();
  }

  /** 409, naming the other child only when the caller may see one of its cases. */
  private async refuseDuplicate(manager: EntityManager, caller: Caller, otherChildId: string): Promise<never> {
    const visible = await mayReadACaseOf(manager, caller, otherChildId);
    const detail =
      'The corrected name, date of birth and commune are those of another child: the two records are one child, merge them';
    throw new Conflict(detail, visible ? { duplicateOfChildId: otherChildId } : undefined);
  }
}

function corrected(before: CaseFields, dto: CorrectCaseDto): CaseFields {
  return {
    category: dto.category ?? before.category,
    form: dto.form ?? before.form,
    fatal: dto.fatal ?? before.fatal,
    occurredAt:
      dto.occurredAt === undefined ? before.occurredAt : dto.occurredAt === null ? null : new Date(dto.occurredAt),
    occurredAreaCode: dto.occurredAreaCode ?? before.occurredAreaCode,
    allegedPerpetrator: dto.allegedPerpetrator === undefined ? before.allegedPerpetrator : dto.allegedPerpetrator,
    description: dto.description === undefined ? before.description : dto.description,
  };
}

function correctedChild(before: CorrectedChild, dto: CorrectChildDto): CorrectedChild {
  let { dateOfBirth, estimatedAge } = before;
  if (dto.dateOfBirth !== undefined) dateOfBirth = dto.dateOfBirth;
  if (dto.estimatedAge !== undefined) {
    estimatedAge = dto.estimatedAge;
    // An estimate given on its own replaces a birth date found to be wrong.
    if (dto.dateOfBirth === undefined && dto.estimatedAge !== null) dateOfBirth = null;
  }
  // As at intake: a known date of birth makes an estimate unnecessary.
  if (dateOfBirth) estimatedAge = null;
  return {
    fullName: dto.fullName ?? before.fullName,
    dateOfBirth,
    estimatedAge,
    sex: dto.sex ?? before.sex,
    residenceAreaCode: dto.residenceAreaCode === undefined ? before.residenceAreaCode : dto.residenceAreaCode,
    address: dto.address === undefined ? before.address : dto.address,
  };
}

function residenceColumns(area: Pick<AreaRef, 'code' | 'path'>): CorrectedColumns {
  return { residence_area_code: area.code, residence_area_path: area.path };
}

/** What a case of the child holds of it: sex, age at the case's event, the residence the statistics count. */
function caseColumns(child: CorrectedChild, kase: ChildCase, home: AreaRef | undefined): CorrectedColumns {
  const event = vietnamDate(kase.occurredAt ?? kase.receivedAt);
  return {
    sex: child.sex,
    age_at_event: child.dateOfBirth ? ageOn(child.dateOfBirth, event) : child.estimatedAge,
    // Where the child lives, else where it happened (as at intake). Unchanged values are written
    // again as they are: the facts come out the same.
    ...residenceColumns(home ?? { code: kase.occurredAreaCode, path: kase.occurredAreaPath }),
  };
}
