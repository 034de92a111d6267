import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InterventionRecord, interventionView } from './intervention-view';
import { PiiService } from '../privacy/pii.service';
import { AssessmentDto, CaseWorkflowParts } from './dto/case-file.dto';
import { MeasureDto } from './dto/workflow.dto';
import { CaseInterventionPart } from './views/case-parts';

interface StepRow {
  step: string;
  fromStatus: string;
  toStatus: string;
  performedAt: Date;
  username: string;
  role: string;
  facts: Record<string, unknown>;
  contentEnc: string | null;
}

interface InterventionRow extends InterventionRecord {
  areaPath: string;
}

const ASSESSMENT_STEPS: Record<string, string> = { initial_assessment: 'initial', detailed_assessment: 'detailed' };

/** The parts of a case file written by its workflow: timeline, assessments, plan, interventions. */
@Injectable()
export class CaseRecordService {
  constructor(
    private readonly db: DataSource,
    private readonly pii: PiiService,
  ) {}

  /** Every step with who and when, its codes and its (decrypted) content; for child-protection roles. */
  async steps(caseId: string) {
    const rows = (await this.db.query(
      `SELECT s.step, s.from_status AS "fromStatus", s.to_status AS "toStatus", s.performed_at AS "performedAt",
              u.username, s.role, s.facts, s.content_enc AS "contentEnc"
         FROM case_steps s JOIN users u ON u.id = s.performed_by WHERE s.case_id = $1 ORDER BY s.performed_at, s.created_at`,
      [caseId],
    )) as StepRow[];
    return rows.map((row) => ({
      step: row.step,
      fromStatus: row.fromStatus,
      toStatus: row.toStatus,
      performedAt: row.performedAt.toISOString(),
      performedBy: row.username,
      role: row.role,
      facts: row.facts,
      content: JSON.parse(this.pii.decrypt(row.contentEnc, 'case_steps.content') ?? '{}') as Record<string, unknown>,
    }));
  }

  /** Timeline, assessments, plan and emergency actions, all from the steps. */
  async workflowParts(caseId: string): Promise<CaseWorkflowParts> {
    const steps = await this.steps(caseId);
    const plan = [...steps].reverse().find((s) => s.step === 'draft_plan');
    const approval = plan && steps.find((s) => s.step === 'approve_plan' && s.performedAt >= plan.performedAt);
    return {
      timeline: steps.map(({ step, fromStatus, toStatus, performedAt, performedBy, role }) => ({
        step,
        fromStatus,
        toStatus,
        performedAt,
        performedBy,
        role,
      })),
      assessments: steps
        .filter((s) => ASSESSMENT_STEPS[s.step])
        .map(
          (s) =>
            ({
              kind: ASSESSMENT_STEPS[s.step],
              ...s.facts,
              ...s.content,
              performedAt: s.performedAt,
              performedBy: s.performedBy,
            }) as AssessmentDto,
        ),
      plan: plan
        ? {
            goals: plan.content.goals as string[],
            measures: plan.facts.measures as MeasureDto[],
            draftedAt: plan.performedAt,
            approvedAt: approval?.performedAt ?? null,
          }
        : null,
      meetings: steps
        .filter((s) => s.step === 'case_meeting')
        .map((s) => ({
          heldAt: s.performedAt,
          participants: s.facts.participants as string[],
          decisions: s.content.decisions as string,
          recordedBy: s.performedBy,
        })),
      ...(await this.consentsAndDisclosures(caseId)),
      emergencyActions: steps
        .filter((s) => s.step === 'emergency_action' || s.step === 'temporary_separation')
        .map((s) => ({
          type: s.facts.type as string,
          notes: (s.content.notes as string | null | undefined) ?? null,
          performedAt: s.performedAt,
          performedBy: s.performedBy,
        })),
    };
  }

  /** The consents recorded and the disclosures made (Law 91/2025), oldest first, decrypted. */
  private async consentsAndDisclosures(caseId: string): Promise<Pick<CaseWorkflowParts, 'consents' | 'disclosures'>> {
    const consents = (await this.db.query(
      `SELECT id, party, granted, recorded_at AS "recordedAt" FROM consents WHERE case_id = $1 ORDER BY recorded_at, created_at`,
      [caseId],
    )) as { id: string; party: 'child' | 'guardian'; granted: boolean; recordedAt: Date }[];
    const disclosures = (await this.db.query(
      `SELECT id, recipient_enc AS "recipientEnc", recipient_type AS "recipientType", purpose_enc AS "purposeEnc",
              legal_basis AS "legalBasis", disclosed_at AS "disclosedAt"
         FROM disclosures WHERE case_id = $1 ORDER BY disclosed_at, id`,
      [caseId],
    )) as {
      id: string;
      recipientEnc: string;
      recipientType: 'state_authority' | 'non_state';
      purposeEnc: string;
      legalBasis: string | null;
      disclosedAt: Date;
    }[];
    return {
      consents: consents.map((row) => ({ ...row, recordedAt: row.recordedAt.toISOString() })),
      disclosures: disclosures.map(({ recipientEnc, purposeEnc, disclosedAt, ...row }) => ({
        ...row,
        recipient: this.pii.decrypt(recipientEnc, 'disclosures.recipient') ?? '',
        purpose: this.pii.decrypt(purposeEnc, 'disclosures.purpose') ?? '',
        disclosedAt: disclosedAt.toISOString(),
      })),
    };
  }

  /** Every intervention of the case in full, with its area path: the case views decide who sees how much. */
  async interventions(
    caseId: string,
    movesOf: (intervention: { agency: string; type: string; status: string; areaPath: string }) => readonly string[],
  ): Promise<CaseInterventionPart[]> {
    const rows = (await this.db.query(
      `SELECT id, agency, type, area_code AS "areaCode", area_path AS "areaPath", status, due_at AS "dueAt",
              notes_enc AS "notesEnc", outcome_enc AS "outcomeEnc", version
         FROM interventions WHERE case_id = $1 ORDER BY created_at, id`,
      [caseId],
    )) as InterventionRow[];
    return rows.map((row) => ({ ...interventionView(row, this.pii, movesOf(row)), areaPath: row.areaPath }));
  }
}
