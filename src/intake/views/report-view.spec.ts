import { creatorReportView, ReportParts } from './report-view';

const parts = (overrides: Partial<ReportParts> = {}): ReportParts => ({
  report: {
    id: 'r1',
    channel: 'hotline_111',
    receivedAt: new Date('2025-06-02T01:30:00Z'),
    category: 'abuse',
    form: 'violence',
    fatal: false,
    occurredAt: new Date('2025-06-01T13:00:00Z'),
    occurredAreaCode: '46001',
    allegedPerpetrator: 'parent',
    consentToContact: false,
  },
  description: 'Hàng xóm nghe tiếng trẻ khóc',
  reporter: { name: 'Người Báo Tin', phone: '0900000000', relationship: null },
  situation: {
    childLocation: 'Ở nhà hàng xóm',
    caregivers: [{ name: 'Mẹ Thử', relationship: 'mother', phone: '0900000002' }],
    familySituation: 'Cha đi làm xa',
    actionsTaken: 'Đã báo công an xã',
  },
  cases: [{ id: 'c1', caseNumber: '46-2025-000001', childId: 'ch1' }],
  ...overrides,
});

describe('a report as its creator reads it back', () => {
  it('gives back every intake field, times as ISO 8601, with the cases it opened', () => {
    expect(creatorReportView(parts())).toMatchObject({
      id: 'r1',
      channel: 'hotline_111',
      receivedAt: '2025-06-02T01:30:00.000Z',
      occurredAt: '2025-06-01T13:00:00.000Z',
      description: 'Hàng xóm nghe tiếng trẻ khóc',
      childLocation: 'Ở nhà hàng xóm',
      caregivers: [{ name: 'Mẹ Thử', relationship: 'mother', phone: '0900000002' }],
      familySituation: 'Cha đi làm xa',
      actionsTaken: 'Đã báo công an xã',
      cases: [{ id: 'c1', caseNumber: '46-2025-000001', childId: 'ch1' }],
    });
  });

  it('shows the creator the reporter it took down, with the consent the reporter gave, even without consent to contact', () => {
    expect(creatorReportView(parts()).reporter).toEqual({
      name: 'Người Báo Tin',
      phone: '0900000000',
      relationship: null,
      consentToContact: false,
    });
  });

  it('has a null reporter when the report was anonymous', () => {
    expect(creatorReportView(parts({ reporter: null })).reporter).toBeNull();
  });

  it('has a null event time when the time of the event is unknown', () => {
    expect(creatorReportView(parts({ report: { ...parts().report, occurredAt: null } })).occurredAt).toBeNull();
  });
});
