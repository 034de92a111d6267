import { AreaRef } from './area-scope';
import { PopulationCell } from './rates-repository';
import { buildRawTable, TableInput } from './rates-table';

const province: AreaRef = { code: '46', path: 'VN.46', level: 'province' };
const communes: AreaRef[] = ['46001', '46002'].map((code) => ({ code, path: `VN.46.${code}`, level: 'commune' }));

/** 10 boys and 20 girls of every age 0–17. */
const cells: PopulationCell[] = Array.from({ length: 18 }, (_, age) => [
  { sex: 'male' as const, age, count: 10 },
  { sex: 'female' as const, age, count: 20 },
]).flat();

const input = (overrides: Partial<TableInput>): TableInput => ({
  indicator: 'injury',
  area: province,
  rowAreas: [],
  counts: [],
  population: { total: cells, byArea: new Map() },
  targets: new Map(),
  ...overrides,
});

describe('rows and denominators of a breakdown', () => {
  it('divides the total by the children under 16 (abuse, injuries)', () => {
    const table = buildRawTable(input({ counts: [{ key: '', count: 7, keySum: 700 }] }));
    expect(table.rows).toEqual([]);
    expect(table.total).toEqual({ key: {}, count: 7, keySum: 700 % 256, population: 16 * 30, target: null });
  });

  it('divides child labour by the children aged 5 to 17', () => {
    expect(buildRawTable(input({ indicator: 'child_labour' })).total.population).toBe(13 * 30);
  });

  it('divides each sex by that sex only, and adds a row without denominator for unknown sex when there is one', () => {
    const table = buildRawTable(
      input({
        groupBy: 'sex',
        counts: [
          { key: 'male', count: 3, keySum: 300 },
          { key: 'female', count: 4, keySum: 400 },
          { key: 'unknown', count: 1, keySum: 100 },
        ],
      }),
    );
    expect(table.rows).toEqual([
      { key: { sex: 'male' }, count: 3, keySum: 300 % 256, population: 160 },
      { key: { sex: 'female' }, count: 4, keySum: 400 % 256, population: 320 },
      { key: { sex: 'unknown' }, count: 1, keySum: 100, population: null },
    ]);
    expect(table.total.count).toBe(8);
    expect(buildRawTable(input({ groupBy: 'sex' })).rows.map((row) => row.key.sex)).toEqual(['male', 'female']);
  });

  it('groups single ages into 0-4, 5-11 and 12-15, each divided by the children of those ages', () => {
    const table = buildRawTable(
      input({
        groupBy: 'ageGroup',
        counts: [
          { key: '4', count: 2, keySum: 200 },
          { key: '0', count: 1, keySum: 100 },
          { key: '12', count: 5, keySum: 500 },
        ],
      }),
    );
    expect(table.rows).toEqual([
      { key: { ageGroup: '0-4' }, count: 3, keySum: 300 % 256, population: 150 },
      { key: { ageGroup: '5-11' }, count: 0, keySum: 0, population: 210 },
      { key: { ageGroup: '12-15' }, count: 5, keySum: 500 % 256, population: 120 },
    ]);
  });

  it('lists every form of the category, each divided by all children of the indicator’s ages', () => {
    const table = buildRawTable(
      input({ indicator: 'abuse', groupBy: 'form', counts: [{ key: 'neglect', count: 4, keySum: 400 }] }),
    );
    expect(table.rows.map((row) => row.key.form)).toEqual([
      'violence',
      'sexual_abuse',
      'exploitation',
      'trafficking',
      'abandonment',
      'neglect',
      'other_abuse',
    ]);
    expect(table.rows.every((row) => row.population === 480)).toBe(true);
    expect(table.rows.find((row) => row.key.form === 'neglect')!.count).toBe(4);
  });

  it('divides each area by its own children and carries its target', () => {
    const table = buildRawTable(
      input({
        groupBy: 'area',
        rowAreas: communes,
        counts: [{ key: '46001', count: 12, keySum: 1200 }],
        population: { total: cells, byArea: new Map([['46001', 300]]) },
        targets: new Map([
          ['46001', { value: 550, kind: 'max' as const }],
          ['46', { value: 500, kind: 'max' as const }],
        ]),
      }),
    );
    expect(table.rows).toEqual([
      {
        key: { areaCode: '46001' },
        count: 12,
        keySum: 1200 % 256,
        population: 300,
        target: { value: 550, kind: 'max' },
      },
      { key: { areaCode: '46002' }, count: 0, keySum: 0, population: null, target: null },
    ]);
    expect(table.total.target).toEqual({ value: 500, kind: 'max' });
  });

  it('keeps rows adding up to the total: children of no listed area form one more row', () => {
    const table = buildRawTable(
      input({
        groupBy: 'area',
        rowAreas: communes,
        counts: [
          { key: '46001', count: 12, keySum: 1200 },
          { key: '46999', count: 2, keySum: 200 },
        ],
      }),
    );
    expect(table.rows.at(-1)).toEqual({
      key: { areaCode: null },
      count: 2,
      keySum: 200,
      population: null,
      target: null,
    });
    expect(table.rows.reduce((sum, row) => sum + row.count, 0)).toBe(table.total.count);
    // Key sums add like counts (mod 256): the total's key is the rows' keys summed.
    expect(table.rows.reduce((sum, row) => (sum + row.keySum) % 256, 0)).toBe(table.total.keySum);
  });

  it('has no denominator when the population table has no figures', () => {
    expect(buildRawTable(input({ population: { total: [], byArea: new Map() } })).total.population).toBeNull();
  });
});
