import { Injectable } from '@nestjs/common';
import { Caller } from '../access/request-context';
import { requireAccess } from '../access/require-access';
import { AuditService } from '../audit/audit.service';
import { CaseViewService } from '../cases/case-view.service';
import { CaseInterventionWriter, StoredIntervention } from '../cases/case-intervention-writer';
import { CaseRepository } from '../cases/case-repository';
import { interventionMoves } from '../cases/intervention-moves';
import { Conflict, staleVersion } from '../common/problem';
import { PiiService } from '../privacy/pii.service';
import { CreateInterventionDto, UpdateInterventionDto } from './dto/intervention.dto';
import { nextStatusesOf, refusedMove } from '../domain/intervention-types';
import { InterventionView, interventionView } from '../cases/intervention-view';

/** Agency work on a case: police, health, justice, education, social services. */
@Injectable()
export class InterventionsService {
  constructor(
    private readonly repository: CaseRepository,
    private readonly cases: CaseViewService,
    private readonly writer: CaseInterventionWriter,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, caseId: string, dto: CreateInterventionDto): Promise<InterventionView> {
    const kase = await this.cases.gate(caller, caseId, 'update');
    if (kase.status === 'closed') throw new Conflict('The case is closed: reopen it before adding interventions');
    return this.repository.transaction(async (writes) => {
      const paths = await this.writer.validate(writes.manager, [dto], kase.receivedAt, () => '');
      const [id] = await this.writer.insert(writes, caller, caseId, [dto], paths);
      return this.view(caller, (await this.writer.load(writes.manager, id))!);
    });
  }

  async update(caller: Caller, id: string, dto: UpdateInterventionDto): Promise<InterventionView> {
    return this.repository.transaction(async (writes) => {
      const { manager } = writes;
      const row = requireAccess(
        caller,
        'update',
        'Intervention',
        await this.writer.load(manager, id, true),
        'The intervention',
      );
      if (row.version !== dto.version) throw staleVersion('The intervention', dto.version, row.version);
      if (!nextStatusesOf(row.type, row.status).includes(dto.status)) {
        throw new Conflict(refusedMove(row.type, row.status, dto.status));
      }
      await this.writer.changeStatus(writes, caller, row, dto.status, dto.outcome);
      await this.audit.recordBy(
        caller,
        {
          action: 'intervention.update',
          subjectType: 'Intervention',
          subjectId: id,
          caseId: row.caseId,
          details: { from: row.status, to: dto.status },
        },
        manager,
      );
      return this.view(caller, (await this.writer.load(manager, id))!);
    });
  }

  private view(caller: Caller, row: StoredIntervention): InterventionView {
    return interventionView(row, this.pii, interventionMoves(caller, row));
  }
}
