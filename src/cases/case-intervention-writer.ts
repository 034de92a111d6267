import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';
import { AreaRepository } from '../area-tree/area-repository';
import { AuditService } from '../audit/audit.service';
import { FieldError, InvalidInput } from '../common/problem';
import { Agency, FINAL_STATUSES, InterventionStatus, isTypeOf } from '../domain/intervention-types';
import { AGENCY_ROLES, Role } from '../domain/roles';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { PiiService } from '../privacy/pii.service';
import { CaseWrites } from './case-repository';
import { DeadlineStore } from './deadline-store';

export interface NewIntervention {
  agency: Agency;
  type: string;
  areaCode: string;
  dueAt: string;
  notes?: string;
}

/** An intervention row with its case's area, as the access rules judge it. */
export interface StoredIntervention extends Record<string, unknown> {
  id: string;
  caseId: string;
  agency: string;
  type: string;
  areaCode: string;
  areaPath: string;
  caseAreaPath: string;
  status: InterventionStatus;
  dueAt: Date;
  notesEnc: string | null;
  outcomeEnc: string | null;
  version: number;
}

/**
 * Writes a case's interventions, each with its deadline and history: the plan's approval turns its
 * measures into interventions, and a case officer may ask an agency directly.
 */
@Injectable()
export class CaseInterventionWriter {
  constructor(
    private readonly pii: PiiService,
    private readonly audit: AuditService,
    private readonly areas: AreaRepository,
    private readonly notifications: NotificationOutbox,
  ) {}

  /** Checks measures or interventions before anything is written: type of the agency, known area, due date. */
  async validate(
    manager: EntityManager,
    items: NewIntervention[],
    receivedAt: Date,
    field: (index: number) => string,
    typeKey = 'type',
  ): Promise<Map<string, string>> {
    const areas = await this.areas.refs(
      items.map((item) => item.areaCode),
      manager,
    );
    const paths = new Map([...areas.values()].map((area) => [area.code, area.path]));
    const errors: FieldError[] = [];
    items.forEach((item, index) => {
      if (!isTypeOf(item.agency, item.type))
        errors.push({
          field: `${field(index)}${typeKey}`,
          message: `${item.type} is not an intervention type of ${item.agency}`,
        });
      if (!paths.has(item.areaCode))
        errors.push({ field: `${field(index)}areaCode`, message: `no area has code ${item.areaCode}` });
      if (new Date(item.dueAt) < receivedAt)
        errors.push({ field: `${field(index)}dueAt`, message: 'may not be before the case was received' });
    });
    if (errors.length) throw new InvalidInput(errors);
    return paths;
  }

  /** Writes interventions inside the caller's transaction, each with its deadline and history. */
  async insert(
    writes: CaseWrites,
    caller: Caller,
    caseId: string,
    items: NewIntervention[],
    paths: Map<string, string>,
  ): Promise<string[]> {
    const { manager } = writes;
    const deadlines = new DeadlineStore(writes, caseId);
    const ids: string[] = [];
    for (const item of items) {
      const [{ id }] = (await manager.query(
        `INSERT INTO interventions (case_id, agency, type, area_code, area_path, due_at, notes_enc, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          caseId,
          item.agency,
          item.type,
          item.areaCode,
          paths.get(item.areaCode),
          new Date(item.dueAt),
          this.pii.encrypt(item.notes, 'interventions.notes'),
          caller.user.id,
        ],
      )) as { id: string }[];
      await manager.query(
        `INSERT INTO intervention_status_changes (intervention_id, from_status, to_status, changed_by, role) VALUES ($1, NULL, 'requested', $2, $3)`,
        [id, caller.user.id, caller.user.role],
      );
      await deadlines.setForIntervention(id, new Date(item.dueAt));
      // A police intervention is the police referral the policy asks for.
      if (item.agency === 'police') await deadlines.meet('police_referral', new Date());
      ids.push(id);
    }
    await this.audit.recordManyBy(
      caller,
      ids.map((id, index) => ({
        action: 'intervention.create',
        subjectType: 'Intervention',
        subjectId: id,
        caseId,
        details: { agency: items[index].agency, type: items[index].type },
      })),
      manager,
    );
    // Told with the facts just before the commit, once a case opened here has its number.
    writes.afterNumbering(this.notifications.statement({ kind: 'referral', caseId, interventionIds: ids }));
    return ids;
  }

  async load(manager: EntityManager, id: string, forUpdate = false): Promise<StoredIntervention | undefined> {
    const [row] = (await manager.query(
      `SELECT i.id, i.case_id AS "caseId", i.agency, i.type, i.area_code AS "areaCode", i.area_path AS "areaPath",
              c.area_path AS "caseAreaPath", i.status, i.due_at AS "dueAt", i.notes_enc AS "notesEnc",
              i.outcome_enc AS "outcomeEnc", i.version
         FROM interventions i JOIN cases c ON c.id = i.case_id WHERE i.id = $1 ${forUpdate ? 'FOR UPDATE OF i' : ''}`,
      [id],
    )) as StoredIntervention[];
    return row;
  }

  /** A new status (and outcome, when given), its history entry, and the deadline met when the work ends. */
  async changeStatus(
    writes: CaseWrites,
    caller: Caller,
    row: StoredIntervention,
    status: InterventionStatus,
    outcome?: string,
  ): Promise<void> {
    const { manager } = writes;
    // The status decides "supported in time": the case's KPI facts are recomputed before the commit.
    writes.touchCase(row.caseId);
    const outcomeEnc = outcome === undefined ? row.outcomeEnc : this.pii.encrypt(outcome, 'interventions.outcome');
    await manager.query(
      `UPDATE interventions SET status = $2, outcome_enc = $3, version = version + 1, updated_at = now() WHERE id = $1`,
      [row.id, status, outcomeEnc],
    );
    await manager.query(
      `INSERT INTO intervention_status_changes (intervention_id, from_status, to_status, changed_by, role) VALUES ($1, $2, $3, $4, $5)`,
      [row.id, row.status, status, caller.user.id, caller.user.role],
    );
    if (FINAL_STATUSES.includes(status))
      await new DeadlineStore(writes, row.caseId).meetForIntervention(row.id, new Date());
    // An agency moved its own work: whoever runs the case is told.
    if ((AGENCY_ROLES as readonly Role[]).includes(caller.user.role))
      await this.notifications.notify(manager, {
        kind: 'intervention_updated',
        caseId: row.caseId,
        interventionId: row.id,
        status,
      });
  }
}
