import { CaseFileParts, CaseInterventionPart } from './case-parts';
import { agencyCaseView, childProtectionCaseView, deadlineView } from './case-views';

const NOW = new Date('2025-06-10T00:00:00Z');

function intervention(overrides: Partial<CaseInterventionPart>): CaseInterventionPart {
  return {
    id: 'i-police',
    agency: 'police',
    type: 'criminal_report',
    areaCode: '46001',
    areaPath: 'VN.46.46001',
    status: 'requested',
    dueAt: '2025-06-20T00:00:00.000Z',
    notes: 'notes of the police work',
    outcome: null,
    version: 1,
    allowedStatuses: ['accepted', 'rejected'],
    ...overrides,
  };
}

/** A case with everything in it: a consenting reporter, a description, a file, two agencies at work. */
function parts(overrides: Partial<CaseFileParts> = {}): CaseFileParts {
  return {
    kase: {
      id: 'c1',
      caseNumber: '46-2025-000001',
      category: 'abuse',
      form: 'violence',
      fatal: false,
      status: 'in_intervention',
      riskLevel: 'high',
      emergency: true,
      substantiation: 'substantiated',
      allegedPerpetrator: 'parent',
      receivedAt: new Date('2025-06-01T01:30:00Z'),
      occurredAt: null,
      areaCode: '46001',
      occurredAreaCode: '46001',
      assignee: { id: 'u1', username: 'officer.46001', fullName: 'Cán bộ Một' },
      transfer: null,
      version: 7,
    },
    child: {
      id: 'ch1',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '2015-03-04',
      estimatedAge: null,
      sex: 'male',
      residenceAreaCode: '46001',
      address: 'Thôn 1',
    },
    reports: [
      {
        id: 'r1',
        createdBy: 'u-hotline',
        channel: 'hotline_111',
        receivedAt: new Date('2025-06-01T01:30:00Z'),
        consentToContact: true,
        reporter: { name: 'Người Báo Tin', phone: '0900000000', relationship: 'neighbour' },
      },
    ],
    deadlines: [{ kind: 'initial_assessment', dueAt: new Date('2025-06-01T13:30:00Z'), metAt: null }],
    interventions: [
      intervention({}),
      intervention({ id: 'i-health', agency: 'health', type: 'treatment', notes: 'notes of the health work' }),
    ],
    allowedActions: ['emergency-actions', 'review'],
    now: NOW,
    description: 'Hàng xóm nghe tiếng trẻ khóc',
    situation: {
      childLocation: 'Ở nhà bà ngoại',
      caregivers: [{ name: 'Bà Ngoại Thử', relationship: 'grandmother', phone: null }],
      familySituation: 'Cha mẹ ly thân',
      actionsTaken: 'Hàng xóm đã đưa trẻ sang nhà bà',
    },
    possibleDuplicates: [{ childId: 'ch2', caseNumbers: ['46-2024-000009'] }],
    workflow: {
      timeline: [
        {
          step: 'initial_assessment',
          fromStatus: 'received',
          toStatus: 'initial_assessed',
          performedAt: '2025-06-01T02:00:00.000Z',
          performedBy: 'officer',
          role: 'commune_officer',
        },
      ],
      assessments: [
        {
          kind: 'initial',
          riskLevel: 'high',
          emergency: true,
          notes: 'assessment notes',
          performedAt: '2025-06-01T02:00:00.000Z',
          performedBy: 'officer',
        },
      ],
      plan: { goals: ['safety'], measures: [], draftedAt: '2025-06-03T02:00:00.000Z', approvedAt: null },
      emergencyActions: [
        { type: 'medical_care', notes: null, performedAt: '2025-06-01T03:00:00.000Z', performedBy: 'officer' },
      ],
      meetings: [
        {
          heldAt: '2025-06-02T02:00:00.000Z',
          participants: ['police', 'family'],
          decisions: 'meeting decisions',
          recordedBy: 'chair',
        },
      ],
      consents: [{ id: 'co1', party: 'guardian', granted: true, recordedAt: '2025-06-02T03:00:00.000Z' }],
      disclosures: [
        {
          id: 'di1',
          recipient: 'Trường Tiểu học Thử',
          recipientType: 'non_state',
          purpose: 'Hỗ trợ học tập',
          legalBasis: null,
          disclosedAt: '2025-06-02T04:00:00.000Z',
        },
      ],
    },
    ...overrides,
  };
}

const policeOfficer = { id: 'u-police', role: 'police' as const, areaPath: 'VN.46' };

describe('the case as child-protection roles see it', () => {
  it('is the whole file: description, assessments, plan, emergency actions, timeline and possible duplicates', () => {
    const view = childProtectionCaseView(parts());
    expect(view.description).toBe('Hàng xóm nghe tiếng trẻ khóc');
    expect(view.assessments).toHaveLength(1);
    expect(view.plan).toMatchObject({ goals: ['safety'] });
    expect(view.emergencyActions).toHaveLength(1);
    expect(view.timeline).toHaveLength(1);
    expect(view.possibleDuplicates).toEqual([{ childId: 'ch2', caseNumbers: ['46-2024-000009'] }]);
  });

  it('lists the consents recorded and the disclosures made, which agencies never see', () => {
    expect(childProtectionCaseView(parts())).toMatchObject({
      consents: [{ party: 'guardian', granted: true }],
      disclosures: [{ recipient: 'Trường Tiểu học Thử', recipientType: 'non_state', purpose: 'Hỗ trợ học tập' }],
    });
    const agencyView = agencyCaseView(parts(), policeOfficer) as unknown as Record<string, unknown>;
    expect(agencyView.consents).toBeUndefined();
    expect(agencyView.disclosures).toBeUndefined();
  });

  it('shows the rest of Mẫu 01 like the description: where the child is, caregivers, family, actions taken', () => {
    expect(childProtectionCaseView(parts())).toMatchObject({
      childLocation: 'Ở nhà bà ngoại',
      caregivers: [{ name: 'Bà Ngoại Thử', relationship: 'grandmother', phone: null }],
      familySituation: 'Cha mẹ ly thân',
      actionsTaken: 'Hàng xóm đã đưa trẻ sang nhà bà',
    });
  });

  it('lists the case meetings with their participants and decisions', () => {
    expect(childProtectionCaseView(parts()).meetings).toEqual([
      expect.objectContaining({ participants: ['police', 'family'], decisions: 'meeting decisions' }),
    ]);
  });

  it('shows a reporter who consented to be contacted', () => {
    const [report] = childProtectionCaseView(parts()).reports;
    expect(report.reporter).toEqual({
      name: 'Người Báo Tin',
      phone: '0900000000',
      relationship: 'neighbour',
      consentToContact: true,
    });
  });

  it('never shows a reporter who did not consent to be contacted', () => {
    const reports = [{ ...parts().reports[0], consentToContact: false }];
    const [report] = childProtectionCaseView(parts({ reports })).reports;
    expect(report).toEqual({ id: 'r1', channel: 'hotline_111', receivedAt: '2025-06-01T01:30:00.000Z' });
  });

  it('shows every intervention in full, without the area path it was scoped by', () => {
    const { interventions } = childProtectionCaseView(parts());
    expect(interventions.map((i) => 'notes' in i && i.notes)).toEqual([
      'notes of the police work',
      'notes of the health work',
    ]);
    expect(interventions.every((i) => !('areaPath' in i))).toBe(true);
  });

  it('writes times as ISO 8601 and a missing event time as null', () => {
    const view = childProtectionCaseView(parts());
    expect(view).toMatchObject({
      receivedAt: '2025-06-01T01:30:00.000Z',
      occurredAt: null,
      occurredAreaCode: '46001',
      version: 7,
    });
  });
});

describe('the case as agency staff see it', () => {
  const view = agencyCaseView(parts(), policeOfficer);

  it('never has the reporter, the description, the assessments, the plan, the emergency actions, the timeline or the duplicates', () => {
    for (const key of [
      'description',
      'childLocation',
      'caregivers',
      'familySituation',
      'actionsTaken',
      'meetings',
      'assessments',
      'plan',
      'emergencyActions',
      'timeline',
      'possibleDuplicates',
    ])
      expect(view).not.toHaveProperty(key);
    expect(JSON.stringify(view)).not.toMatch(/Người Báo Tin|0900000000|Hàng xóm|assessment notes|safety/);
  });

  it('lists only the reports its viewer filed, never what others reported', () => {
    expect(view.reports).toEqual([]);
    const own = { ...parts().reports[0], id: 'r2', createdBy: policeOfficer.id, channel: 'police' };
    const withOwn = agencyCaseView(parts({ reports: [...parts().reports, own] }), policeOfficer);
    expect(withOwn.reports).toEqual([{ id: 'r2', channel: 'police', receivedAt: '2025-06-01T01:30:00.000Z' }]);
  });

  it('never shows the case’s transfer', () => {
    const transfer = {
      toAreaCode: '46002',
      status: 'pending' as const,
      requestedAt: '2025-06-02T00:00:00.000Z',
      requestedBy: 'u1',
    };
    const moving = parts();
    expect(childProtectionCaseView({ ...moving, kase: { ...moving.kase, transfer } }).transfer).toEqual(transfer);
    expect(agencyCaseView({ ...moving, kase: { ...moving.kase, transfer } }, policeOfficer).transfer).toBeNull();
  });

  it('shows its own agency’s interventions in its area in full', () => {
    expect(view.interventions[0]).toEqual({
      id: 'i-police',
      agency: 'police',
      type: 'criminal_report',
      areaCode: '46001',
      status: 'requested',
      dueAt: '2025-06-20T00:00:00.000Z',
      notes: 'notes of the police work',
      outcome: null,
      version: 1,
      allowedStatuses: ['accepted', 'rejected'],
    });
  });

  it('shows other agencies’ interventions only as {id, agency, status}', () => {
    expect(view.interventions[1]).toEqual({ id: 'i-health', agency: 'health', status: 'requested' });
  });

  it('shows its own agency’s interventions outside its area only as {id, agency, status}', () => {
    const elsewhere = agencyCaseView(parts(), { ...policeOfficer, areaPath: 'VN.79' });
    expect(elsewhere.interventions[0]).toEqual({ id: 'i-police', agency: 'police', status: 'requested' });
  });

  it('still sees the child, the codes, the deadlines and the version', () => {
    expect(view.child.fullName).toBe('Nguyễn Văn An');
    expect(view).toMatchObject({ category: 'abuse', form: 'violence', status: 'in_intervention', version: 7 });
    expect(view.deadlines).toHaveLength(1);
  });
});

describe('deadlines in a case view', () => {
  const due = { kind: 'initial_assessment', dueAt: new Date('2025-06-01T13:30:00Z'), metAt: null };

  it('is overdue when it fell due unmet on an open case', () => {
    expect(deadlineView(due, true, NOW)).toEqual({
      kind: 'initial_assessment',
      dueAt: '2025-06-01T13:30:00.000Z',
      metAt: null,
      overdue: true,
    });
  });

  it('is never overdue on a closed case', () => {
    expect(deadlineView(due, false, NOW).overdue).toBe(false);
    const closed = childProtectionCaseView(parts({ kase: { ...parts().kase, status: 'closed' } }));
    expect(closed.deadlines[0].overdue).toBe(false);
  });

  it('is not overdue once met, even late', () => {
    expect(deadlineView({ ...due, metAt: new Date('2025-06-02T00:00:00Z') }, true, NOW)).toMatchObject({
      metAt: '2025-06-02T00:00:00.000Z',
      overdue: false,
    });
  });

  it('is not overdue before it falls due', () => {
    expect(deadlineView({ ...due, dueAt: new Date('2025-06-11T00:00:00Z') }, true, NOW).overdue).toBe(false);
  });
});
