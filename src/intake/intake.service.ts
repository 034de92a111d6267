import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';
import { AreaRepository } from '../area-tree/area-repository';
import { AuditService } from '../audit/audit.service';
import { InvalidInput } from '../common/problem';
import { deadlinesAtReceipt } from '../cases/deadlines';
import { PiiService } from '../privacy/pii.service';
import { StatisticsFactsService } from '../statistics/statistics-facts.service';
import { AreaRef, resolveCommunes } from './area-lookup';
import { caseNumberCte, provinceOf } from './case-number';
import { ChildMatcher } from './child-matcher';
import { CreatedCaseRef, CreatedReport, CreateReportDto, ReportChildDto } from './dto/create-report.dto';
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from './idempotency';
import { ageAtEvent, vietnamDate } from '../domain/time';
import { intakeViolations } from './intake-rules';

interface IntakeContext {
  manager: EntityManager;
  caller: Caller;
  dto: CreateReportDto;
  reportId: string;
  receivedAt: Date;
  occurredAt?: Date;
  occurred: AreaRef;
  areas: Map<string, AreaRef>;
}

/** Mẫu 01: one report, one case per child, all written in one transaction or not at all. */
@Injectable()
export class IntakeService {
  constructor(
    private readonly db: DataSource,
    private readonly pii: PiiService,
    private readonly children: ChildMatcher,
    private readonly audit: AuditService,
    private readonly statisticsFacts: StatisticsFactsService,
    private readonly areas: AreaRepository,
  ) {}

  async create(caller: Caller, dto: CreateReportDto, idempotencyKey?: string): Promise<CreatedReport> {
    const now = new Date();
    const receivedAt = dto.receivedAt ? new Date(dto.receivedAt) : now;
    const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : undefined;
    const violations = intakeViolations({ ...dto, receivedAt, occurredAt }, now);
    if (violations.length) throw new InvalidInput(violations);

    const areas = await resolveCommunes(this.areas, caller, [
      { field: 'occurredAreaCode', code: dto.occurredAreaCode },
      ...dto.children.flatMap((child, index) =>
        child.residenceAreaCode ? [{ field: `children[${index}].residenceAreaCode`, code: child.residenceAreaCode }] : [],
      ),
    ]);
    return this.db.transaction(async (manager) => {
      if (idempotencyKey) {
        const replay = await claimIdempotencyKey<CreatedReport>(manager, caller.user.id, idempotencyKey, requestHash(dto));
        if (replay) return replay;
      }
      const reportId = await this.insertReport(manager, caller, dto, receivedAt, occurredAt);
      const context: IntakeContext = { manager, caller, dto, reportId, receivedAt, occurredAt, occurred: areas.get(dto.occurredAreaCode)!, areas };
      const { cases, createdChildIds } = await this.casesFor(context);
      // Statistics facts change with the cases, in the same transaction (DESIGN.md).
      await this.statisticsFacts.refreshChildren(manager, cases.map((ref) => ref.childId), createdChildIds);
      const response: CreatedReport = { id: reportId, cases };
      if (idempotencyKey) await storeIdempotentResponse(manager, caller.user.id, idempotencyKey, 201, response);
      return response;
    });
  }

  private async insertReport(manager: EntityManager, caller: Caller, dto: CreateReportDto, receivedAt: Date, occurredAt?: Date): Promise<string> {
    const reporter = dto.reporter
      ? JSON.stringify({ name: dto.reporter.name ?? null, phone: dto.reporter.phone ?? null, relationship: dto.reporter.relationship ?? null })
      : null;
    const [{ id }] = (await manager.query(
      `INSERT INTO reports (channel, received_at, category, form, fatal, occurred_at, occurred_area_code, description_enc,
                            alleged_perpetrator, reporter_enc, reporter_consent_to_contact, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        dto.channel,
        receivedAt,
        dto.category,
        dto.form,
        dto.fatal ?? false,
        occurredAt ?? null,
        dto.occurredAreaCode,
        this.pii.encrypt(dto.description, 'reports.description'),
        dto.allegedPerpetrator ?? null,
        this.pii.encrypt(reporter, 'reports.reporter'),
        dto.reporter?.consentToContact ?? false,
        caller.user.id,
      ],
    )) as { id: string }[];
    return id;
  }

  /**
   * Each child's open case of this category receives the report; otherwise a new case opens.
   * New cases are numbered last, so the per-province counter row stays locked only briefly.
   */
  private async casesFor(context: IntakeContext): Promise<{ cases: CreatedCaseRef[]; createdChildIds: string[] }> {
    const { manager, caller, dto, reportId } = context;
    const matched: { child: ReportChildDto; childId: string; childCreated: boolean; open?: { id: string; caseNumber: string } }[] = [];
    for (const child of dto.children) {
      const found = await this.children.findOrCreate(manager, child);
      // A child just created has no case yet; a known child may have an open one of this concern.
      const [open] = found.created
        ? []
        : ((await manager.query(
            `SELECT id, case_number AS "caseNumber" FROM cases
              WHERE child_id = $1 AND category = $2 AND status <> 'closed' ORDER BY created_at LIMIT 1 FOR UPDATE`,
            [found.id, dto.category],
          )) as { id: string; caseNumber: string }[]);
      matched.push({ child, childId: found.id, childCreated: found.created, open });
    }
    const refs: CreatedCaseRef[] = [];
    for (const match of matched) {
      const ref = match.open ?? (await this.openCase(context, match.child, match.childId));
      refs.push({ id: ref.id, caseNumber: ref.caseNumber, childId: match.childId });
    }
    const attached = matched.filter((match) => match.open).map((match) => match.open!.id);
    if (attached.length) {
      await manager.query(
        `INSERT INTO case_reports (case_id, report_id) SELECT DISTINCT unnest($1::uuid[]), $2::uuid ON CONFLICT DO NOTHING`,
        [attached, reportId],
      );
    }
    await this.audit.recordManyBy(
      caller,
      [
        { action: 'report.create', subjectType: 'Report', subjectId: reportId, details: { channel: dto.channel, children: dto.children.length } },
        ...matched.map((match, index) => ({
          action: match.open ? 'case.attach_report' : 'case.create',
          subjectType: 'Case',
          subjectId: refs[index].id,
          caseId: refs[index].id,
          details: { childCreated: match.childCreated },
        })),
      ],
      manager,
    );
    return { cases: refs, createdChildIds: matched.filter((match) => match.childCreated).map((match) => match.childId) };
  }

  /** A new case with its number, the deadlines its receipt sets and its report, in two statements. */
  private async openCase(context: IntakeContext, child: ReportChildDto, childId: string): Promise<{ id: string; caseNumber: string }> {
    const { manager, dto, receivedAt, occurredAt, occurred, areas } = context;
    const event = occurredAt ?? receivedAt;
    const residence = child.residenceAreaCode ? areas.get(child.residenceAreaCode)! : occurred;
    const deadlines = deadlinesAtReceipt({ receivedAt, form: dto.form, allegedPerpetrator: dto.allegedPerpetrator });
    const [{ id, caseNumber }] = (await manager.query(
      `WITH ${caseNumberCte('$11', '$19')}, opened AS (
         INSERT INTO cases (case_number, child_id, category, form, fatal, alleged_perpetrator, received_at, occurred_at, event_date,
                            age_at_event, sex, province_code, area_code, area_path, residence_area_code, residence_area_path)
         SELECT case_number.value, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15 FROM case_number
         RETURNING id, case_number
       ), due AS (
         INSERT INTO deadlines (case_id, kind, due_at)
         SELECT opened.id, d.kind, d.due_at FROM opened, unnest($16::text[], $17::timestamptz[]) AS d(kind, due_at)
       ), linked AS (
         INSERT INTO case_reports (case_id, report_id) SELECT opened.id, $18 FROM opened
       )
       SELECT id, case_number AS "caseNumber" FROM opened`,
      [
        childId,
        dto.category,
        dto.form,
        dto.fatal ?? false,
        dto.allegedPerpetrator ?? null,
        receivedAt,
        occurredAt ?? null,
        vietnamDate(event),
        ageAtEvent(child, event),
        child.sex,
        provinceOf(occurred.path),
        occurred.code,
        occurred.path,
        residence.code,
        residence.path,
        deadlines.map((d) => d.kind),
        deadlines.map((d) => d.dueAt),
        context.reportId,
        Number(vietnamDate(receivedAt).slice(0, 4)),
      ],
    )) as { id: string; caseNumber: string }[];
    return { id, caseNumber };
  }
}
