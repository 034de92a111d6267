import { callRowKeys, publishCallCounts } from './call-counts';
import { ptableFor } from './ptable';

const ptable = ptableFor(2);
const exact = { minCell: 10, protection: 'exact' as const, ptable };
const protectedOptions = { minCell: 10, protection: 'protected' as const, ptable };

describe('published counts of calls', () => {
  const counts = [
    { key: 'counselling', count: 40, keySum: 17 },
    { key: 'silent', count: 3, keySum: 200 },
  ];

  it('lists every call type, with zero where there were none, and the total; no rate, no population', () => {
    const table = publishCallCounts(counts, 'type', callRowKeys('type', []), exact);
    expect(table.rows.map((row) => [row.key.type, row.count])).toEqual([
      ['report', 0],
      ['counselling', 40],
      ['information', 0],
      ['referral_to_service', 0],
      ['silent', 3],
      ['abusive', 0],
      ['other', 0],
    ]);
    expect(table.total).toEqual({ key: {}, count: 43, flags: [] });
    expect(table.additive).toBe(true);
  });

  it('perturbs each cell by its key and suppresses small counts when protected; a true zero stays zero', () => {
    const table = publishCallCounts(counts, 'type', callRowKeys('type', []), protectedOptions);
    const counselling = table.rows.find((row) => row.key.type === 'counselling')!;
    expect(Math.abs(counselling.count! - 40)).toBeLessThanOrEqual(2);
    expect(table.rows.find((row) => row.key.type === 'silent')).toEqual({
      key: { type: 'silent' },
      count: null,
      flags: ['suppressed'],
    });
    expect(table.rows.find((row) => row.key.type === 'report')!.count).toBe(0);
    expect(table.additive).toBe(false);
  });

  it('gives the same published figure for the same calls in every query', () => {
    const byType = publishCallCounts(counts, 'type', callRowKeys('type', []), protectedOptions);
    const again = publishCallCounts([...counts].reverse(), undefined, [], protectedOptions);
    expect(again.total.count).toBe(byType.total.count);
  });

  it('puts calls filed for the area itself in a row of their own, so exact rows add up to the total', () => {
    const areas = [{ code: '46001', path: 'VN.46.46001', level: 'commune' }];
    const table = publishCallCounts(
      [
        { key: '46001', count: 12, keySum: 1 },
        { key: '', count: 5, keySum: 2 },
      ],
      'area',
      callRowKeys('area', areas),
      exact,
    );
    expect(table.rows).toEqual([
      { key: { areaCode: '46001' }, count: 12, flags: [] },
      { key: { areaCode: null }, count: 5, flags: [] },
    ]);
    expect(table.total.count).toBe(17);
  });
});
