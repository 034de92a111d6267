import { repeatedCells, summarizePopulation } from './population-rules';

describe('population denominators', () => {
  it('counts children 0–15 for abuse and injury, 5–17 for child labour', () => {
    const counts = Array.from({ length: 18 }, (_, age) => ({ sex: 'female' as const, age, count: 1 }));
    const totals = summarizePopulation(counts);
    expect(totals.children0to15).toBe(16);
    expect(totals.children5to17).toBe(13);
    expect(totals.children0to17).toBe(18);
  });

  it('keeps the sexes apart and adds them in the totals', () => {
    const totals = summarizePopulation([
      { sex: 'male', age: 4, count: 100 },
      { sex: 'female', age: 4, count: 90 },
      { sex: 'male', age: 16, count: 7 },
      { sex: 'male', age: 4, count: 1 },
    ]);
    expect(totals.bySex.male).toEqual({ children0to15: 101, children5to17: 7, children0to17: 108 });
    expect(totals.bySex.female).toEqual({ children0to15: 90, children5to17: 0, children0to17: 90 });
    expect(totals.children0to15).toBe(191);
    expect(totals.byAge[4]).toEqual({ age: 4, male: 101, female: 90 });
    expect(totals.byAge).toHaveLength(18);
  });

  it('gives zeros, not gaps, where nothing was counted', () => {
    const totals = summarizePopulation([]);
    expect(totals).toMatchObject({ children0to15: 0, children5to17: 0, children0to17: 0 });
    expect(totals.byAge[17]).toEqual({ age: 17, male: 0, female: 0 });
  });

  it('finds a row that repeats an earlier row’s area, year, sex and age', () => {
    const repeats = repeatedCells([
      { areaCode: 'A', year: 2025, sex: 'male', age: 3 },
      { areaCode: 'A', year: 2025, sex: 'female', age: 3 },
      { areaCode: 'A', year: 2024, sex: 'male', age: 3 },
      { areaCode: 'A', year: 2025, sex: 'male', age: 3 },
    ]);
    expect([...repeats]).toEqual([[3, 0]]);
  });
});
