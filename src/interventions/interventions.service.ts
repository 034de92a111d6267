import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';
import { requireAccess } from '../access/require-access';
import { AuditService } from '../audit/audit.service';
import { DeadlineStore } from '../cases/deadline-store';
import { CaseViewService } from '../cases/case-view.service';
import { Conflict, FieldError, InvalidInput } from '../common/problem';
import { PiiService } from '../privacy/pii.service';
import { CreateInterventionDto, InterventionView, UpdateInterventionDto } from './dto/intervention.dto';
import { FINAL_STATUSES, InterventionStatus, isTypeOf, nextStatusesOf } from './intervention-types';
import { interventionView } from './intervention-view';

export interface NewIntervention {
  agency: CreateInterventionDto['agency'];
  type: string;
  areaCode: string;
  dueAt: string;
  notes?: string;
}

interface InterventionRow extends Record<string, unknown> {
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

/** Agency work on a case: police, health, justice, education, social services. */
@Injectable()
export class InterventionsService {
  constructor(
    private readonly db: DataSource,
    private readonly cases: CaseViewService,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
  ) {}

  /** Checks measures or interventions before anything is written: type of the agency, known area, due date. */
  async validate(manager: EntityManager, items: NewIntervention[], receivedAt: Date, field: (index: number) => string, typeKey = 'type'): Promise<Map<string, string>> {
    const rows = (await manager.query(`SELECT code, path FROM areas WHERE code = ANY($1)`, [items.map((item) => item.areaCode)])) as { code: string; path: string }[];
    const paths = new Map(rows.map((row) => [row.code, row.path]));
    const errors: FieldError[] = [];
    items.forEach((item, index) => {
      if (!isTypeOf(item.agency, item.type)) errors.push({ field: `${field(index)}${typeKey}`, message: `${item.type} is not an intervention type of ${item.agency}` });
      if (!paths.has(item.areaCode)) errors.push({ field: `${field(index)}areaCode`, message: `no area has code ${item.areaCode}` });
      if (new Date(item.dueAt) < receivedAt) errors.push({ field: `${field(index)}dueAt`, message: 'may not be before the case was received' });
    });
    if (errors.length) throw new InvalidInput(errors);
    return paths;
  }

  /** Writes interventions inside the caller's transaction, each with its deadline and history. */
  async insert(manager: EntityManager, caller: Caller, caseId: string, items: NewIntervention[], paths: Map<string, string>): Promise<string[]> {
    const deadlines = new DeadlineStore(manager, caseId);
    const ids: string[] = [];
    for (const item of items) {
      const [{ id }] = (await manager.query(
        `INSERT INTO interventions (case_id, agency, type, area_code, area_path, due_at, notes_enc, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [caseId, item.agency, item.type, item.areaCode, paths.get(item.areaCode), new Date(item.dueAt), this.pii.encrypt(item.notes, 'interventions.notes'), caller.user.id],
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
      ids.map((id, index) => ({ action: 'intervention.create', subjectType: 'Intervention', subjectId: id, caseId, details: { agency: items[index].agency, type: items[index].type } })),
      manager,
    );
    return ids;
  }

  async create(caller: Caller, caseId: string, dto: CreateInterventionDto): Promise<InterventionView> {
    const kase = await this.cases.gate(caller, caseId, 'update');
    if (kase.status === 'closed') throw new Conflict('The case is closed: reopen it before adding interventions');
    const [id] = await this.db.transaction(async (manager) => {
      const paths = await this.validate(manager, [dto], kase.receivedAt, () => '');
      return this.insert(manager, caller, caseId, [dto], paths);
    });
    return this.view(await this.load(this.db.manager, id));
  }

  async update(caller: Caller, id: string, dto: UpdateInterventionDto): Promise<InterventionView> {
    return this.db.transaction(async (manager) => {
      const row = requireAccess(caller, 'update', 'Intervention', await this.load(manager, id, true), 'The intervention');
      if (row.version !== dto.version) throw new Conflict(`The intervention changed since you read it (version ${dto.version}, now ${row.version})`);
      if (!nextStatusesOf(row.type, row.status).includes(dto.status)) {
        throw new Conflict(`An intervention that is ${row.status} cannot become ${dto.status}`);
      }
      const outcome = dto.outcome === undefined ? row.outcomeEnc : this.pii.encrypt(dto.outcome, 'interventions.outcome');
      await manager.query(
        `UPDATE interventions SET status = $2, outcome_enc = $3, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, dto.status, outcome],
      );
      await manager.query(
        `INSERT INTO intervention_status_changes (intervention_id, from_status, to_status, changed_by, role) VALUES ($1, $2, $3, $4, $5)`,
        [id, row.status, dto.status, caller.user.id, caller.user.role],
      );
      if (FINAL_STATUSES.includes(dto.status)) await new DeadlineStore(manager, row.caseId).meetForIntervention(id, new Date());
      await this.audit.recordBy(caller, { action: 'intervention.update', subjectType: 'Intervention', subjectId: id, caseId: row.caseId, details: { from: row.status, to: dto.status } }, manager);
      return this.view(await this.load(manager, id));
    });
  }

  private async load(manager: EntityManager, id: string, forUpdate = false): Promise<InterventionRow> {
    const [row] = (await manager.query(
      `SELECT i.id, i.case_id AS "caseId", i.agency, i.type, i.area_code AS "areaCode", i.area_path AS "areaPath",
              c.area_path AS "caseAreaPath", i.status, i.due_at AS "dueAt", i.notes_enc AS "notesEnc",
              i.outcome_enc AS "outcomeEnc", i.version
         FROM interventions i JOIN cases c ON c.id = i.case_id WHERE i.id = $1 ${forUpdate ? 'FOR UPDATE OF i' : ''}`,
      [id],
    )) as InterventionRow[];
    return row;
  }

  private view(row: InterventionRow): InterventionView {
    return interventionView(row, this.pii);
  }
}
