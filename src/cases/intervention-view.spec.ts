import { interventionSummary, interventionView, isOwnIntervention } from './intervention-view';

const row = {
  id: 'i1',
  agency: 'health',
  type: 'treatment',
  areaCode: '46001',
  status: 'accepted',
  dueAt: new Date('2025-06-20T00:00:00Z'),
  notesEnc: 'sealed-notes',
  outcomeEnc: null,
  version: 3,
};
/** Stands in for the cipher: names the column each envelope was opened for. */
const pii = {
  decrypt: (envelope: string | null | undefined, context: string) => (envelope ? `${envelope}@${context}` : null),
};

describe('an intervention in full', () => {
  it('has its notes and outcome decrypted, each for its own column, and its due time as ISO 8601', () => {
    expect(interventionView(row, pii, ['in_progress'])).toEqual({
      id: 'i1',
      agency: 'health',
      type: 'treatment',
      areaCode: '46001',
      status: 'accepted',
      dueAt: '2025-06-20T00:00:00.000Z',
      notes: 'sealed-notes@interventions.notes',
      outcome: null,
      version: 3,
      allowedStatuses: ['in_progress'],
    });
  });
});

describe('an intervention of another agency', () => {
  it('shows only {id, agency, status}', () => {
    expect(interventionSummary(interventionView(row, pii, ['in_progress']))).toEqual({
      id: 'i1',
      agency: 'health',
      status: 'accepted',
    });
  });
});

describe('whose intervention it is', () => {
  const intervention = { agency: 'health', areaPath: 'VN.46.46001' };

  it('is the viewer’s own when it is of the viewer’s agency inside the viewer’s area', () => {
    expect(isOwnIntervention(intervention, { role: 'health', areaPath: 'VN.46' })).toBe(true);
    expect(isOwnIntervention(intervention, { role: 'health', areaPath: 'VN.46.46001' })).toBe(true);
  });

  it('is not when another agency carries it out', () => {
    expect(isOwnIntervention(intervention, { role: 'police', areaPath: 'VN.46' })).toBe(false);
  });

  it('is not when it is carried out outside the viewer’s area', () => {
    expect(isOwnIntervention(intervention, { role: 'health', areaPath: 'VN.79' })).toBe(false);
    expect(isOwnIntervention(intervention, { role: 'health', areaPath: 'VN.4' })).toBe(false);
  });
});
