import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';
import { mayAccess } from '../access/require-access';
import { AreaRef, AreaRepository } from '../area-tree/area-repository';
import { AuditService } from '../audit/audit.service';
import { InvalidInput } from '../common/problem';
import { deadlinesAtReceipt } from '../cases/deadlines';
import { PiiService } from '../privacy/pii.service';
import { CaseRepository, CaseWrites, NewCase, OpenCase, OpenedCase } from '../cases/case-repository';
import { resolveCommunes } from '../cases/area-lookup';
import { provinceOf } from '../cases/case-number';
import { ChildMatcher } from '../cases/child-matcher';
import { CaseInterventionWriter } from '../cases/case-intervention-writer';
import { CaseHistoryWriter } from '../cases/history/case-history-writer';
import { SITUATION_CONTEXT, situationOf } from '../cases/report-situation';
import { openCriminalReport, opensCriminalReport } from '../cases/criminal-report';
import { CreatedCaseRef, CreatedReport, CreateReportDto, ReportChildDto } from './dto/create-report.dto';
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from './idempotency';
import { ageAtEvent, vietnamDate } from '../domain/time';
import { intakeViolations } from '../domain/intake-rules';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { reportTellsChairs } from './report-alerts';
import { prepared } from '../database/prepared-statements';

interface IntakeContext {
  writes: CaseWrites;
  manager: EntityManager;
  caller: Caller;
  dto: CreateReportDto;
  reportId: string;
  receivedAt: Date;
  occurredAt?: Date;
  occurred: AreaRef;
  areas: Map<string, AreaRef>;
}

/** A child of the report as matched: its record, and its open case of the concern if it has one. */
interface MatchedChild {
  child: ReportChildDto;
  childId: string;
  childCreated: boolean;
  open?: OpenCase;
}

/** The case a child's report went to, and what the receipt names for it. */
interface ReceivedCase {
  caseId: string;
  childId: string;
  childCreated: boolean;
  /** The report joined a case already open (else it opened this one). */
  joined: boolean;
  /** The filer could not read the case it joined: the receipt names a stand-in. */
  standIn: boolean;
  assigneeId: string | null;
  receipt: CreatedCaseRef;
}

/** The province and year a new case of this report is numbered in: where it happened, and its receipt in Vietnam. */
function numberingOf({ occurred, receivedAt }: IntakeContext): Pick<NewCase, 'provinceCode' | 'numberYear'> {
  return { provinceCode: provinceOf(occurred.path), numberYear: Number(vietnamDate(receivedAt).slice(0, 4)) };
}

/**
 * A new case names the officer it went to (an id, nothing personal; null when none); a case that
 * received the report behind a stand-in names the stand-in (its number is on the report's link to the
 * case), so the register accounts for the number.
 */
function auditDetails(kase: ReceivedCase): Record<string, boolean | string | null> {
  if (!kase.joined) return { childCreated: kase.childCreated, assigneeId: kase.assigneeId };
  if (!kase.standIn) return { childCreated: kase.childCreated };
  return { childCreated: kase.childCreated, receiptCaseId: kase.receipt.id };
}

/** Mẫu 01: one report, one case per child, all written in one transaction or not at all. */
@Injectable()
export class IntakeService {
  constructor(
    private readonly pii: PiiService,
    private readonly children: ChildMatcher,
    private readonly audit: AuditService,
    private readonly cases: CaseRepository,
    private readonly areas: AreaRepository,
    private readonly interventions: CaseInterventionWriter,
    private readonly history: CaseHistoryWriter,
    private readonly notifications: NotificationOutbox,
  ) {}

  async create(caller: Caller, dto: CreateReportDto, idempotencyKey?: string): Promise<CreatedReport> {
    const now = new Date();
    const receivedAt = dto.receivedAt ? new Date(dto.receivedAt) : now;
    const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : undefined;
    const violations = intakeViolations({ ...dto, receivedAt, occurredAt }, now);
    if (violations.length) throw new InvalidInput(violations);

    // Both communes as they were on the day the report was received.
    const areas = await resolveCommunes(
      this.areas,
      caller,
      [
        { field: 'occurredAreaCode', code: dto.occurredAreaCode },
        ...dto.children.flatMap((child, index) =>
          child.residenceAreaCode
            ? [{ field: `children[${index}].residenceAreaCode`, code: child.residenceAreaCode }]
            : [],
        ),
      ],
      vietnamDate(receivedAt),
    );
    // The case repository recomputes the statistics facts of the children before the commit, then
    // numbers the new cases: the receipt names them only after that.
    return this.cases.transaction(
      async (writes): Promise<CreatedReport | { replay: CreatedReport }> => {
        const { manager } = writes;
        if (idempotencyKey) {
          const replay = await claimIdempotencyKey<CreatedReport>(
            manager,
            caller.user.id,
            idempotencyKey,
            requestHash(dto),
          );
          if (replay) return { replay };
        }
        const reportId = await this.insertReport(manager, caller, dto, receivedAt, occurredAt);
        const context: IntakeContext = {
          writes,
          manager,
          caller,
          dto,
          reportId,
          receivedAt,
          occurredAt,
          occurred: areas.get(dto.occurredAreaCode)!,
          areas,
        };
        return { id: reportId, cases: await this.casesFor(context) };
      },
      async (written, writes) => {
        if ('replay' in written) return written.replay;
        const response: CreatedReport = {
          id: written.id,
          cases: written.cases.map((ref) => ({ ...ref, caseNumber: writes.numberOf(ref.caseNumber) })),
        };
        if (idempotencyKey)
          await storeIdempotentResponse(writes.manager, caller.user.id, idempotencyKey, 201, response);
        return response;
      },
    );
  }

  private async insertReport(
    manager: EntityManager,
    caller: Caller,
    dto: CreateReportDto,
    receivedAt: Date,
    occurredAt?: Date,
  ): Promise<string> {
    const reporter = dto.reporter
      ? JSON.stringify({
          name: dto.reporter.name ?? null,
          phone: dto.reporter.phone ?? null,
          relationship: dto.reporter.relationship ?? null,
        })
      : null;
    const situation = situationOf(dto);
    const [{ id }] = (await manager.query(
      prepared(`INSERT INTO reports (channel, received_at, category, form, fatal, occurred_at, occurred_area_code, description_enc,
                            alleged_perpetrator, reporter_enc, reporter_consent_to_contact, created_by, situation_enc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`),
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
        this.pii.encrypt(situation ? JSON.stringify(situation) : null, SITUATION_CONTEXT),
      ],
    )) as { id: string }[];
    return id;
  }

  /**
   * Each child's open case of this category receives the report; otherwise a new case opens.
   * The receipt names an open case only when the filer could read it before filing; any other
   * open case is named by a stand-in drawn like a new case's number, so the receipt never tells
   * that a case exists elsewhere. New cases and stand-ins are numbered last, in the children's
   * order, so the per-province counter row stays locked only briefly.
   */
  private async casesFor(context: IntakeContext): Promise<CreatedCaseRef[]> {
    const { writes, manager, caller, dto, reportId } = context;
    const matched: MatchedChild[] = [];
    for (const child of dto.children) {
      const found = await this.children.findOrCreate(manager, child);
      // A child just created has no case yet; a known child may have an open one of this concern.
      const open = found.created ? undefined : await writes.openCaseOf(found.id, dto.category);
      matched.push({ child, childId: found.id, childCreated: found.created, open });
    }
    const received: ReceivedCase[] = [];
    for (const match of matched) received.push(await this.receive(context, match));
    await writes.attachReport(
      received
        .filter((kase) => kase.joined && !kase.standIn)
        .map((kase) => ({ id: kase.caseId, childId: kase.childId })),
      reportId,
    );
    // A police officer's report of a crime against the child is the criminal report itself.
    if (opensCriminalReport(caller.user.role, dto.form)) {
      for (const kase of received)
        await openCriminalReport(this.interventions, writes, caller, kase.caseId, context.receivedAt);
    }
    // The commune hears at once (Decree 56): one statement for every case and recipient, sent
    // with the facts just before the commit, once the cases have their numbers.
    writes.afterNumbering(
      this.notifications.statement({
        kind: 'report_received',
        reportId,
        caseIds: received.map((kase) => kase.caseId),
        tellsChairs: reportTellsChairs(dto),
      }),
    );
    await this.recordHistory(context, received);
    await this.audit.recordManyBy(
      caller,
      [
        {
          action: 'report.create',
          subjectType: 'Report',
          subjectId: reportId,
          details: { channel: dto.channel, children: dto.children.length },
        },
        ...received.map((kase) => ({
          action: kase.joined ? 'case.attach_report' : 'case.create',
          subjectType: 'Case',
          subjectId: kase.caseId,
          caseId: kase.caseId,
          details: auditDetails(kase),
        })),
      ],
      manager,
    );
    return received.map((kase) => kase.receipt);
  }

  /** The case a child's report goes to, and how the receipt names it. */
  private async receive(context: IntakeContext, match: MatchedChild): Promise<ReceivedCase> {
    const { writes, caller, reportId } = context;
    const { childId, childCreated, open } = match;
    if (!open) {
      const opened = await this.openCase(context, match.child, childId, childCreated);
      const receipt = { id: opened.id, caseNumber: opened.caseNumber, childId };
      return {
        caseId: opened.id,
        childId,
        childCreated,
        joined: false,
        standIn: false,
        assigneeId: opened.assigneeId,
        receipt,
      };
    }
    const base = { caseId: open.id, childId, childCreated, joined: true, assigneeId: null };
    if (mayAccess(caller, 'read', 'Case', open))
      return { ...base, standIn: false, receipt: { id: open.id, caseNumber: open.caseNumber, childId } };
    const standIn = await writes.attachBehindStandIn({ id: open.id, childId }, reportId, numberingOf(context));
    return { ...base, standIn: true, receipt: { ...standIn, childId } };
  }

  /** Each new case's history starts with its intake; an open case that received the report says so. */
  private async recordHistory(
    { manager, caller, dto, receivedAt, occurredAt, reportId }: IntakeContext,
    received: ReceivedCase[],
  ): Promise<void> {
    const initial = (field: string, to: string | boolean | null) => (to === null ? [] : [{ field, from: null, to }]);
    for (const kase of received) {
      if (kase.joined) continue;
      await this.history.record(manager, caller, kase.caseId, {
        action: 'intake',
        changes: [
          ...initial('status', 'received'),
          ...initial('channel', dto.channel),
          ...initial('receivedAt', receivedAt.toISOString()),
          ...initial('category', dto.category),
          ...initial('form', dto.form),
          ...initial('fatal', dto.fatal ?? false),
          ...initial('occurredAt', occurredAt?.toISOString() ?? null),
          ...initial('occurredAreaCode', dto.occurredAreaCode),
          ...initial('allegedPerpetrator', dto.allegedPerpetrator ?? null),
          ...initial('assigneeId', kase.assigneeId),
        ],
      });
    }
    await this.history.record(
      manager,
      caller,
      received.filter((kase) => kase.joined).map((kase) => kase.caseId),
      {
        action: 'report_attached',
        changes: [{ field: 'reportId', from: null, to: reportId }],
      },
    );
  }

  /** A new case with its number, the deadlines its receipt sets and its report. */
  private openCase(
    context: IntakeContext,
    child: ReportChildDto,
    childId: string,
    childCreated: boolean,
  ): Promise<OpenedCase> {
    const { writes, dto, receivedAt, occurredAt, areas } = context;
    const event = occurredAt ?? receivedAt;
    const residence = child.residenceAreaCode ? areas.get(child.residenceAreaCode)! : context.occurred;
    return writes.open(
      {
        childId,
        category: dto.category,
        form: dto.form,
        fatal: dto.fatal ?? false,
        allegedPerpetrator: dto.allegedPerpetrator ?? null,
        receivedAt,
        occurredAt: occurredAt ?? null,
        eventDate: vietnamDate(event),
        ageAtEvent: ageAtEvent(child, event),
        sex: child.sex,
        ...numberingOf(context),
        area: context.occurred,
        residence,
        deadlines: deadlinesAtReceipt({ receivedAt, form: dto.form, allegedPerpetrator: dto.allegedPerpetrator }),
        reportId: context.reportId,
      },
      childCreated,
    );
  }
}
