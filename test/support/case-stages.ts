import { TestApp } from './test-app';
import { FINDINGS, step } from './workflow';
import { reportBody } from './world';

/** A case a test made for itself, by id and number. */
export interface StagedCase {
  caseId: string;
  caseNumber: string;
}

/** What the staged reports and plans say: personal text a leak check looks for. */
export const STAGED_DESCRIPTION = 'Trẻ bị đánh bằng roi tre nhiều lần (synthetic)';
export const STAGED_GOAL = 'Trẻ đi học lại đều đặn';
const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();
/** The plan's measures: police and health work of 46001, due in 10 and 20 days. */
const stagedMeasures = () => [
  { agency: 'police', action: 'investigation', areaCode: '46001', dueAt: inDays(10) },
  { agency: 'health', action: 'psychological_support', areaCode: '46001', dueAt: inDays(20) },
];

export interface CaseStageOptions {
  hotline: string;
  /** A commune officer of 46001: assesses and plans. */
  officer: string;
  /** A commune chair of 46001: approves the plan. */
  chair: string;
  /** When the reports were received: a day ago unless said otherwise. */
  receivedAt?: () => Date;
}

/**
 * Cases of 46001 brought to a stage of the Decree 56 process, each with a child of its own (a
 * report about the same child would join the case before): so that every test builds what it
 * needs and runs alone. The parent is the alleged abuser (reportBody).
 */
export function caseStages(t: TestApp, options: CaseStageOptions) {
  let children = 0;
  const receivedAt = options.receivedAt ?? (() => new Date(Date.now() - 24 * 3600_000));

  async function filed(overrides: Record<string, unknown> = {}): Promise<StagedCase> {
    const child = { ...reportBody().children[0], fullName: `Nguyễn Văn Thử ${++children}` };
    const body = reportBody({
      receivedAt: receivedAt().toISOString(),
      description: STAGED_DESCRIPTION,
      children: [child],
      ...overrides,
    });
    const answer = await t.post('/reports', body, options.hotline);
    if (answer.status !== 201) throw new Error(`filing failed: ${answer.status} ${answer.text}`);
    const { id: caseId, caseNumber } = answer.body.cases[0];
    return { caseId, caseNumber };
  }

  async function assessed(): Promise<StagedCase> {
    const kase = await filed();
    const initial = await step(t, options.officer, kase.caseId, 'initial-assessment', {
      riskLevel: 'medium',
      emergency: false,
    });
    if (initial.status !== 200) throw new Error(`initial assessment failed: ${initial.status} ${initial.text}`);
    const detailed = await step(t, options.officer, kase.caseId, 'detailed-assessment', {
      findings: FINDINGS,
      riskLevel: 'medium',
      substantiation: 'substantiated',
    });
    if (detailed.status !== 200) throw new Error(`detailed assessment failed: ${detailed.status} ${detailed.text}`);
    return kase;
  }

  async function planned(): Promise<StagedCase & { plan: { deadlines: { kind: string }[] } }> {
    const kase = await assessed();
    const answer = await step(t, options.officer, kase.caseId, 'plan', {
      goals: [STAGED_GOAL],
      measures: stagedMeasures(),
    });
    if (answer.status !== 200) throw new Error(`plan failed: ${answer.status} ${answer.text}`);
    return { ...kase, plan: answer.body };
  }

  async function approved(): Promise<StagedCase> {
    const kase = await planned();
    const answer = await step(t, options.chair, kase.caseId, 'plan/approve', {});
    if (answer.status !== 200) throw new Error(`approval failed: ${answer.status} ${answer.text}`);
    return kase;
  }

  /** The case's police work, as its officer sees it. */
  async function policeWork(caseId: string): Promise<StagedIntervention> {
    const view = await t.get(`/cases/${caseId}`, options.officer);
    return (view.body.interventions as StagedIntervention[]).find((i) => i.agency === 'police')!;
  }

  return { filed, assessed, planned, approved, policeWork };
}

/** An intervention of a staged case, as the case view lists it. */
export interface StagedIntervention {
  id: string;
  agency: string;
  version: number;
  dueAt: string;
}

/** Moves an intervention to `status` at `version` (PATCH /interventions/{id}), as `token`. */
export const moveIntervention = (
  t: TestApp,
  token: string,
  id: string,
  body: { status: string; version: number; outcome?: string },
) => t.request('PATCH', `/interventions/${id}`, { token, body });
