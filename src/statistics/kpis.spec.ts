import { buildPtable, perturbation } from './ptable';
import { emptyKpis, medianOf, publishKpis, shareOf, wilsonInterval } from './kpis';

describe('performance indicators', () => {
  it('gives the Wilson 95% interval of a share in per cent (Newcombe 1998: 81 of 263 → 0.2553–0.3662)', () => {
    expect(wilsonInterval(81, 263)).toEqual([25.5, 36.6]);
    expect(wilsonInterval(0, 10)).toEqual([0, 27.8]);
    expect(wilsonInterval(10, 10)).toEqual([72.2, 100]);
  });

  it('has no share when nothing fell due or a part is not shown, and caps a perturbed part at its whole', () => {
    expect(shareOf(0, 0)).toMatchObject({ share: null, ci95: null });
    expect(shareOf(null, 12)).toMatchObject({ share: null });
    expect(shareOf(5, null)).toMatchObject({ share: null });
    expect(shareOf(13, 12)).toMatchObject({ share: 100, part: 12 });
    expect(shareOf(9, 12)).toMatchObject({ share: 75 });
  });

  it('takes the median of whole days from counts per day, the mean of the middle two for an even number', () => {
    expect(medianOf(new Map())).toBeNull();
    expect(medianOf(new Map([[3, 1]]))).toBe(3);
    expect(
      medianOf(
        new Map([
          [10, 1],
          [2, 2],
        ]),
      ),
    ).toBe(2);
    expect(
      medianOf(
        new Map([
          [1, 1],
          [5, 1],
        ]),
      ),
    ).toBe(3);
  });

  const ptable = buildPtable({ maxNoise: 2 });
  const raw = () => ({
    ...emptyKpis(),
    due: { initial_assessment: { count: 40, keySum: 17 }, plan_draft: { count: 3, keySum: 1 } },
    met: { initial_assessment: { count: 30, keySum: 99 }, plan_draft: { count: 3, keySum: 1 } },
    children: { count: 4, keySum: 8 },
    supported: { count: 4, keySum: 8 },
    openCases: { count: 21, keySum: 5 },
    closed: { count: 3, keySum: 2 },
    closedByDays: new Map([[7, { count: 3, keySum: 2 }]]),
    officers: 2,
  });

  it('publishes exact counts for case roles: shares, open cases per officer, the median', () => {
    const published = publishKpis({}, raw(), { protection: 'exact', ptable, minCell: 10 });
    expect(published.initialAssessmentOnTime).toMatchObject({ due: 40, met: 30, share: 75 });
    expect(published.planOnTime).toMatchObject({ due: 3, met: 3, share: 100 });
    expect(published.supportedInTime).toMatchObject({ children: 4, supported: 4, share: 100 });
    expect(published).toMatchObject({ openCases: 21, openCasesPerOfficer: 10.5, medianDaysToClose: 7 });
  });

  it('protects counts with their cell keys: small ones suppressed with their shares and the median', () => {
    const published = publishKpis({}, raw(), { protection: 'protected', ptable, minCell: 10 });
    expect(Math.abs(published.initialAssessmentOnTime.due! - 40)).toBeLessThanOrEqual(2);
    expect(published.planOnTime).toMatchObject({ due: null, met: null, share: null, ci95: null });
    expect(published.supportedInTime).toMatchObject({ children: null, supported: null, share: null });
    expect(published.medianDaysToClose).toBeNull();
    // The same records give the same figures.
    expect(publishKpis({}, raw(), { protection: 'protected', ptable, minCell: 10 })).toEqual(published);
  });

  it('takes a protected median of days to close from the perturbed count of each number of days, never the exact ones', () => {
    const days = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const perturbedMedian = (byDays: Map<number, { count: number; keySum: number }>) =>
      medianOf(
        new Map([...byDays].map(([d, c]) => [d, Math.max(0, c.count + perturbation(ptable, c.count, c.keySum))])),
      );
    // Closed cases spread over twelve day counts, with record keys for which perturbation moves the median.
    let closedByDays: Map<number, { count: number; keySum: number }> | undefined;
    for (let shift = 0; shift < 256 && !closedByDays; shift++) {
      const candidate = new Map(days.map((d) => [d, { count: 2, keySum: (d * 37 + shift) % 256 }]));
      const exact = medianOf(new Map([...candidate].map(([d, c]) => [d, c.count])));
      if (perturbedMedian(candidate) !== exact) closedByDays = candidate;
    }
    expect(closedByDays).toBeDefined();
    const input = { ...raw(), closed: { count: 24, keySum: 11 }, closedByDays: closedByDays! };
    const published = publishKpis({}, input, { protection: 'protected', ptable, minCell: 10 });
    expect(published.medianDaysToClose).toBe(perturbedMedian(closedByDays!));
    expect(publishKpis({}, input, { protection: 'exact', ptable, minCell: 10 }).medianDaysToClose).toBe(6.5);
  });

  it('judges a KPI target on the share shown', () => {
    const published = publishKpis(
      {},
      raw(),
      { protection: 'exact', ptable, minCell: 10 },
      { initial_assessment_on_time: { value: 90, kind: 'min' }, supported_in_time: { value: 100, kind: 'min' } },
    );
    expect(published.initialAssessmentOnTime.target).toEqual({ value: 90, kind: 'min', unit: 'percent', met: false });
    expect(published.supportedInTime.target).toMatchObject({ met: true });
  });
});
