import { Injectable } from '@nestjs/common';
import { Caller } from '../access/request-context';
import { Conflict, Forbidden, invalidField } from '../common/problem';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { CaseInterventionWriter } from './case-intervention-writer';
import {
  emergencyResponseDue,
  needsPoliceReferral,
  PLAN_APPROVAL_WORKING_DAYS,
  PLAN_DRAFT_WORKING_DAYS,
  policeReferralDue,
  separationEnd,
} from './deadlines';
import {
  DetailedAssessmentDto,
  EmergencyActionDto,
  InitialAssessmentDto,
  MeasureDto,
  MeetingDto,
  PlanDto,
  ReasonDto,
  ReviewDto,
  SeparationExtensionDto,
  StepDto,
} from './dto/workflow.dto';
import { StepContext, WorkflowService } from './workflow.service';

/** Each Decree 56 step with the records and deadlines it writes (docs/domain.md, The case workflow; Deadlines). */
@Injectable()
export class CaseStepsService {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly interventions: CaseInterventionWriter,
    private readonly notifications: NotificationOutbox,
  ) {}

  /** Mẫu 02: risk and emergency; meets the 12-hour initial assessment. */
  initialAssessment(caller: Caller, caseId: string, dto: InitialAssessmentDto) {
    return this.workflow.take(
      caller,
      caseId,
      'initial_assessment',
      dto,
      async ({ kase, performedAt, deadlines, setOnCase }) => {
        setOnCase({ risk_level: dto.riskLevel, emergency: dto.emergency });
        await deadlines.meet('initial_assessment', performedAt);
        if (dto.emergency) await deadlines.setOnce('emergency_response', emergencyResponseDue(kase.receivedAt));
        if (needsPoliceReferral(kase.form, dto.riskLevel))
          await deadlines.setOnce('police_referral', policeReferralDue(kase.receivedAt));
        return { facts: { riskLevel: dto.riskLevel, emergency: dto.emergency }, content: { notes: dto.notes ?? null } };
      },
    );
  }

  /** Medical care, police protection, safe shelter or (the chair's) temporary separation. */
  emergencyAction(caller: Caller, caseId: string, dto: EmergencyActionDto) {
    const step = dto.type === 'temporary_separation' ? 'temporary_separation' : 'emergency_action';
    if (!caller.ability.can(step, 'Case'))
      throw new Forbidden('Only the chair of the commune People’s Committee decides a temporary separation');
    return this.workflow.take(caller, caseId, step, dto, async ({ performedAt, deadlines }) => {
      await deadlines.meet('emergency_response', performedAt);
      if (dto.type === 'temporary_separation') await deadlines.set('separation_end', separationEnd(performedAt));
      return { facts: { type: dto.type }, content: { notes: dto.notes ?? null } };
    });
  }

  /** Mẫu 03: the eight findings, risk and substantiation; the plan is due in 5 working days. */
  detailedAssessment(caller: Caller, caseId: string, dto: DetailedAssessmentDto) {
    return this.workflow.take(
      caller,
      caseId,
      'detailed_assessment',
      dto,
      async ({ kase, performedAt, deadlines, calendar, setOnCase }) => {
        setOnCase({ risk_level: dto.riskLevel, substantiation: dto.substantiation });
        await deadlines.set('plan_draft', await calendar.addWorkingDays(performedAt, PLAN_DRAFT_WORKING_DAYS));
        if (needsPoliceReferral(kase.form, dto.riskLevel))
          await deadlines.setOnce('police_referral', policeReferralDue(kase.receivedAt));
        return {
          facts: { riskLevel: dto.riskLevel, substantiation: dto.substantiation },
          content: { findings: dto.findings },
        };
      },
    );
  }

  /** Mẫu 04: goals and measures; meets plan_draft, approval due in 2 working days. */
  async draftPlan(caller: Caller, caseId: string, dto: PlanDto) {
    return this.workflow.take(
      caller,
      caseId,
      'draft_plan',
      dto,
      async ({ manager, kase, performedAt, deadlines, calendar }) => {
        await this.interventions.validate(
          manager,
          dto.measures.map(asIntervention),
          kase.receivedAt,
          (index) => `measures[${index}].`,
          'action',
        );
        await deadlines.meet('plan_draft', performedAt);
        const approvalDue = await calendar.addWorkingDays(performedAt, PLAN_APPROVAL_WORKING_DAYS);
        await deadlines.set('plan_approval', approvalDue);
        await this.notifications.notify(manager, { kind: 'plan_awaiting_approval', caseId, dueAt: approvalDue });
        return { facts: { measures: dto.measures }, content: { goals: dto.goals } };
      },
    );
  }

  /** Mẫu 05: the chair (or the provincial office) approves; each measure becomes an intervention. */
  approvePlan(caller: Caller, caseId: string, dto: StepDto) {
    return this.workflow.take(
      caller,
      caseId,
      'approve_plan',
      dto,
      async ({ manager, writes, kase, performedAt, deadlines }) => {
        const measures = await this.latestMeasures(manager, caseId);
        const paths = await this.interventions.validate(
          manager,
          measures.map(asIntervention),
          kase.receivedAt,
          (index) => `measures[${index}].`,
          'action',
        );
        const ids = await this.interventions.insert(writes, caller, caseId, measures.map(asIntervention), paths);
        await deadlines.meet('plan_approval', performedAt);
        return { facts: { interventions: ids } };
      },
    );
  }

  /** Mẫu 06: close when no risk remains, otherwise back to planning. */
  review(caller: Caller, caseId: string, dto: ReviewDto) {
    const step = dto.outcome === 'close' ? 'review_close' : 'review_replan';
    return this.workflow.take(caller, caseId, step, dto, async ({ performedAt, deadlines, calendar }) => {
      if (dto.outcome === 'replan')
        await deadlines.set('plan_draft', await calendar.addWorkingDays(performedAt, PLAN_DRAFT_WORKING_DAYS));
      else await deadlines.meet('separation_end', performedAt);
      return { facts: { outcome: dto.outcome }, content: { notes: dto.notes ?? null } };
    });
  }

  /** Step 4: the case meeting, with who took part and what it decided; the status stays. */
  caseMeeting(caller: Caller, caseId: string, dto: MeetingDto) {
    return this.workflow.take(
      caller,
      caseId,
      'case_meeting',
      { version: dto.version, performedAt: dto.heldAt },
      async () => ({ facts: { participants: dto.participants }, content: { decisions: dto.decisions } }),
      'heldAt',
    );
  }

  /**
   * The approver sends the plan back instead of approving it: back to detailed_assessed, the
   * approval deadline met (the approver answered), a new draft due in 5 working days.
   */
  returnPlan(caller: Caller, caseId: string, dto: ReasonDto) {
    return this.workflow.take(caller, caseId, 'return_plan', dto, async ({ performedAt, deadlines, calendar }) => {
      await deadlines.meet('plan_approval', performedAt);
      await deadlines.set('plan_draft', await calendar.addWorkingDays(performedAt, PLAN_DRAFT_WORKING_DAYS));
      return { content: { reason: dto.reason } };
    });
  }

  /** Art. 32: a competent authority extended the separation; its end moves to `until`. */
  extendSeparation(caller: Caller, caseId: string, dto: SeparationExtensionDto) {
    return this.workflow.take(caller, caseId, 'extend_separation', dto, async ({ manager, deadlines }) => {
      const [current] = (await manager.query(
        `SELECT due_at AS "dueAt" FROM deadlines WHERE case_id = $1 AND kind = 'separation_end' AND intervention_id IS NULL`,
        [caseId],
      )) as { dueAt: Date }[];
      const until = new Date(dto.until);
      if (until <= current.dueAt)
        throw invalidField('until', `must be after the separation’s current end (${current.dueAt.toISOString()})`);
      await deadlines.set('separation_end', until);
      return {
        facts: { until: until.toISOString(), previousEnd: current.dueAt.toISOString() },
        content: { decidedBy: dto.decidedBy, legalBasis: dto.legalBasis },
        historyChanges: [{ field: 'separationEnd', from: current.dueAt.toISOString(), to: until.toISOString() }],
      };
    });
  }

  close(caller: Caller, caseId: string, dto: ReasonDto) {
    return this.workflow.take(caller, caseId, 'close', dto, async ({ performedAt, deadlines }) => {
      await deadlines.meet('separation_end', performedAt);
      return { content: { reason: dto.reason } };
    });
  }

  reopen(caller: Caller, caseId: string, dto: ReasonDto) {
    return this.workflow.take(caller, caseId, 'reopen', dto, async () => ({ content: { reason: dto.reason } }));
  }

  private async latestMeasures(manager: StepContext['manager'], caseId: string): Promise<MeasureDto[]> {
    const [plan] = (await manager.query(
      `SELECT facts FROM case_steps WHERE case_id = $1 AND step = 'draft_plan' ORDER BY performed_at DESC, created_at DESC LIMIT 1`,
      [caseId],
    )) as { facts: { measures: MeasureDto[] } }[];
    if (!plan) throw new Conflict('There is no plan to approve');
    return plan.facts.measures;
  }
}

const asIntervention = (measure: MeasureDto) => ({
  agency: measure.agency,
  type: measure.action,
  areaCode: measure.areaCode,
  dueAt: measure.dueAt,
});
