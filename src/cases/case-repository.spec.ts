import { EntityManager } from 'typeorm';
import { CaseWrites } from './case-repository';
import { DeadlineStore } from './deadline-store';

/** Only the bookkeeping of which children need their facts recomputed; the SQL runs in the e2e tests. */
const writesOn = () => new CaseWrites({ query: async () => [] } as unknown as EntityManager);
const kase = { id: 'case-1', childId: 'child-1' };

describe('the statistics facts follow every write to a case', () => {
  it('recomputes a child’s facts when a step changes what the statistics count (substantiation)', async () => {
    const writes = writesOn();
    await writes.update(kase, 'detailed_assessed', { substantiation: 'substantiated', risk_level: 'high' });
    expect(writes.pending()).toEqual({
      childIds: ['child-1'],
      createdHere: [],
      caseIds: ['case-1'],
      ownersKnown: false,
    });
  });

  it('leaves the facts alone when a step changes only what they do not count (status, risk, emergency)', async () => {
    const writes = writesOn();
    await writes.update(kase, 'initial_assessed', { risk_level: 'low', emergency: false });
    expect(writes.pending().childIds).toEqual([]);
  });

  it('recomputes the facts of a child whose case opens or takes a new report, noting children created here', async () => {
    const writes = writesOn();
    await writes.attachReport([{ id: 'case-2', childId: 'child-2' }], 'report-1');
    expect(writes.pending()).toEqual({ childIds: ['child-2'], createdHere: [], caseIds: [], ownersKnown: true });
  });

  it('recomputes the KPI facts of every case a step moves, even when the rate facts stay as they are', async () => {
    const writes = writesOn();
    await writes.update(kase, 'initial_assessed', { risk_level: 'low', emergency: false });
    expect(writes.pending()).toMatchObject({ childIds: [], caseIds: ['case-1'] });
  });

  it('recomputes the KPI facts of a case whose deadlines are written, through the DeadlineStore that needs the writes', async () => {
    const writes = writesOn();
    await new DeadlineStore(writes, 'case-3').meet('initial_assessment', new Date());
    expect(writes.pending().caseIds).toEqual(['case-3']);
  });
});
