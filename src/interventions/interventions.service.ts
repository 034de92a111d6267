import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';
import { requireAccess } from '../access/require-access';
import { AuditService } from '../audit/audit.service';
import { DeadlineStore } from '../cases/deadline-store';
import { CaseViewService } from '../cases/case-view.service';
import { CaseInterventionWriter } from '../cases/case-intervention-writer';
import { Conflict } from '../common/problem';
import { PiiService } from '../privacy/pii.service';
import { CreateInterventionDto, UpdateInterventionDto } from './dto/intervention.dto';
import { FINAL_STATUSES, InterventionStatus, nextStatusesOf } from '../domain/intervention-types';
import { InterventionView, interventionView } from '../cases/intervention-view';


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
    private readonly writer: CaseInterventionWriter,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, caseId: string, dto: CreateInterventionDto): Promise<InterventionView> {
    const kase = await this.cases.gate(caller, caseId, 'update');
    if (kase.status === 'closed') throw new Conflict('The case is closed: reopen it before adding interventions');
    const [id] = await this.db.transaction(async (manager) => {
      const paths = await this.writer.validate(manager, [dto], kase.receivedAt, () => '');
      return this.writer.insert(manager, caller, caseId, [dto], paths);
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
