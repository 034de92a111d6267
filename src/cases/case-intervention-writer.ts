import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';
import { AreaRepository } from '../area-tree/area-repository';
import { AuditService } from '../audit/audit.service';
import { FieldError, InvalidInput } from '../common/problem';
import { Agency, isTypeOf } from '../domain/intervention-types';
import { PiiService } from '../privacy/pii.service';
import { DeadlineStore } from './deadline-store';

export interface NewIntervention {
  agency: Agency;
  type: string;
  areaCode: string;
  dueAt: string;
  notes?: string;
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
  ) {}

  /** Checks measures or interventions before anything is written: type of the agency, known area, due date. */
  async validate(manager: EntityManager, items: NewIntervention[], receivedAt: Date, field: (index: number) => string, typeKey = 'type'): Promise<Map<string, string>> {
    const areas = await this.areas.refs(items.map((item) => item.areaCode), manager);
    const paths = new Map([...areas.values()].map((area) => [area.code, area.path]));
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
}
