import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';
import { HolidayCalendar } from '../areas/holidays/holiday-calendar';
import { AuditService } from '../audit/audit.service';
import { Conflict, invalidField, staleVersion } from '../common/problem';
import { PiiService } from '../privacy/pii.service';
import { CaseChanges, CaseRepository, CaseWrites } from './case-repository';
import { CaseViewService } from './case-view.service';
import { DeadlineStore } from './deadline-store';
import { CaseStatus } from '../domain/workflow';
import { StepDto } from './dto/workflow.dto';
import { CaseStep, applyStep } from '../domain/workflow';
import { CLOCK_SKEW_MS } from '../domain/time';
import { CaseHistoryWriter, changed, FieldChange } from './history/case-history-writer';

/** What a step's own effects get to work with, inside the step's transaction. */
export interface StepContext {
  manager: EntityManager;
  /** The step's case writes, for what writes deadlines or interventions. */
  writes: CaseWrites;
  caller: Caller;
  caseId: string;
  performedAt: Date;
  kase: { form: string; receivedAt: Date; riskLevel: string | null; emergency: boolean; childId: string };
  deadlines: DeadlineStore;
  calendar: HolidayCalendar;
  /** Columns of the case row that the step changes besides status and version. */
  setOnCase(fields: CaseChanges): void;
}

export interface StepRecord {
  /** Codes only: risk level, outcome, agencies, dates. */
  facts?: Record<string, unknown>;
  /** Notes, findings, goals, reasons: stored encrypted. */
  content?: Record<string, unknown>;
  /** What else the step moved, for the case's history (codes and times only). */
  historyChanges?: FieldChange[];
}

/**
 * Takes one workflow step: scope (404), performedAt (400), version and order (409), the step's own
 * effects, the new status, the timeline entry and the audit entry — one transaction, all or nothing.
 */
@Injectable()
export class WorkflowService {
  constructor(
    private readonly caseViews: CaseViewService,
    private readonly cases: CaseRepository,
    private readonly calendar: HolidayCalendar,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
    private readonly history: CaseHistoryWriter,
  ) {}

  async take(
    caller: Caller,
    caseId: string,
    step: CaseStep,
    dto: StepDto,
    effects: (context: StepContext) => Promise<StepRecord>,
    /** The body field that said when the step was taken (a meeting's `heldAt`). */
    atField = 'performedAt',
  ): Promise<void> {
    const gate = await this.caseViews.gate(caller, caseId, step);
    const performedAt = this.performedAt(dto.performedAt, gate.receivedAt, atField);
    await this.cases.transaction(async (writes) => {
      const { manager } = writes;
      const kase = (await writes.lockForStep(caseId))!;
      if (kase.version !== dto.version) throw staleVersion('The case', dto.version, kase.version);
      const outcome = applyStep(step, kase);
      if (!outcome.allowed) throw new Conflict(outcome.reason);
      const changes: CaseChanges = {};
      const record = await effects({
        manager,
        writes,
        caller,
        caseId,
        performedAt,
        kase,
        deadlines: new DeadlineStore(writes, caseId),
        calendar: this.calendar,
        setOnCase: (fields) => Object.assign(changes, fields),
      });
      // The case repository recomputes the statistics facts when a change counts for them.
      await writes.update({ id: caseId, childId: kase.childId }, outcome.status, changes);
      await this.recordStep(manager, caller, caseId, step, kase.status, outcome.status, performedAt, record);
      await this.history.record(manager, caller, caseId, {
        action: step,
        reason: typeof record.content?.reason === 'string' ? record.content.reason : null,
        changes: [
          ...changed('status', kase.status, outcome.status),
          ...changed('riskLevel', kase.riskLevel, (changes.risk_level as string | undefined) ?? kase.riskLevel),
          ...changed('emergency', kase.emergency, (changes.emergency as boolean | undefined) ?? kase.emergency),
          ...changed(
            'substantiation',
            kase.substantiation,
            (changes.substantiation as string | undefined) ?? kase.substantiation,
          ),
          ...(record.historyChanges ?? []),
        ],
      });
    });
  }

  /** `performedAt` may lie in the past, not before the case was received, and not in the future. */
  private performedAt(given: string | undefined, receivedAt: Date, field: string): Date {
    if (!given) return new Date();
    const at = new Date(given);
    if (at < receivedAt)
      throw invalidField(field, `may not be before the case was received (${receivedAt.toISOString()})`);
    if (at.getTime() > Date.now() + CLOCK_SKEW_MS) throw invalidField(field, 'may not be in the future');
    return at;
  }

  private async recordStep(
    manager: EntityManager,
    caller: Caller,
    caseId: string,
    step: CaseStep,
    from: CaseStatus,
    to: CaseStatus,
    performedAt: Date,
    record: StepRecord,
  ): Promise<void> {
    const [{ id }] = (await manager.query(
      `INSERT INTO case_steps (case_id, step, from_status, to_status, performed_at, performed_by, role, facts, content_enc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        caseId,
        step,
        from,
        to,
        performedAt,
        caller.user.id,
        caller.user.role,
        JSON.stringify(record.facts ?? {}),
        record.content ? this.pii.encrypt(JSON.stringify(record.content), 'case_steps.content') : null,
      ],
    )) as { id: string }[];
    await this.audit.recordBy(
      caller,
      { action: `case.${step}`, subjectType: 'Case', subjectId: caseId, caseId, details: { step: id, from, to } },
      manager,
    );
  }
}
