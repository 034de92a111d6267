import { AreaImportRow, KnownArea, MayWrite, planAreaImport } from './area-import-plan';
import { RowNaming } from './row-errors';

const naming: RowNaming = {
  error: (index, property, message) => ({ field: `rows[${index}].${property}`, message }),
  locate: (index) => `line ${index + 2}`,
};
const stored = new Map<string, KnownArea>([
  ['VN', { code: 'VN', level: 'country', parentCode: null, path: 'VN' }],
  ['46', { code: '46', level: 'province', parentCode: 'VN', path: 'VN.46' }],
  ['19753', { code: '19753', level: 'commune', parentCode: '46', path: 'VN.46.19753' }],
]);
const anywhere: MayWrite = () => true;
const row = (
  code: string,
  level: AreaImportRow['level'],
  parentCode: string | undefined,
  extra: Partial<AreaImportRow> = {},
): AreaImportRow => ({
  code,
  name: `Area ${code}`,
  level,
  parentCode,
  ...extra,
});

describe('planning an area import', () => {
  it('places new areas under stored parents or parents defined on an earlier line', () => {
    const plan = planAreaImport(
      [
        row('48', 'province', 'VN'),
        row('20194', 'commune', '48'),
        row('D1', 'district', '46'),
        row('C1', 'commune', 'D1'),
      ],
      stored,
      naming,
      anywhere,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.areas.map((area) => [area.code, area.path, area.isNew])).toEqual([
      ['48', 'VN.48', true],
      ['20194', 'VN.48.20194', true],
      ['D1', 'VN.46.D1', true],
      ['C1', 'VN.46.D1.C1', true],
    ]);
  });

  it('updates the name, validity and successor of a stored code, keeping its path', () => {
    const plan = planAreaImport(
      [
        row('19753', 'commune', '46', { name: 'Renamed', validTo: '2025-06-30', successorCode: 'NEW1' }),
        row('NEW1', 'commune', '46'),
      ],
      stored,
      naming,
      anywhere,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.areas[0]).toMatchObject({
      code: '19753',
      name: 'Renamed',
      path: 'VN.46.19753',
      validTo: '2025-06-30',
      successorCode: 'NEW1',
      isNew: false,
    });
  });

  it('refuses to move a stored area or change its level', () => {
    const plan = planAreaImport(
      [row('19753', 'district', '46'), row('46', 'province', '19753')],
      stored,
      naming,
      anywhere,
    );
    expect(plan.errors.map((error) => error.field)).toEqual(['rows[0].level', 'rows[1].parentCode']);
  });

  it('asks for parents before their children, and names the line further down', () => {
    const plan = planAreaImport([row('C9', 'commune', 'P9'), row('P9', 'province', 'VN')], stored, naming, anywhere);
    expect(plan.errors).toEqual([
      {
        field: 'rows[0].parentCode',
        message: 'parentCode P9 is defined further down (line 3); list parents before their children',
      },
    ]);
  });

  it('refuses unknown parents, parents at the wrong level and new countries', () => {
    const plan = planAreaImport(
      [row('C1', 'commune', 'ZZ'), row('P1', 'province', '46'), row('XX', 'country', undefined)],
      stored,
      naming,
      anywhere,
    );
    expect(plan.errors).toEqual([
      { field: 'rows[0].parentCode', message: 'parentCode ZZ is not a known area' },
      {
        field: 'rows[1].parentCode',
        message: 'parentCode 46 is a province: a province must sit under a country, not under a province',
      },
      { field: 'rows[2].level', message: 'level country: a new country cannot be created' },
    ]);
  });

  it('refuses a code repeated in the file, a period ending before it starts and unknown successors', () => {
    const plan = planAreaImport(
      [
        row('C1', 'commune', '46'),
        row('C1', 'commune', '46'),
        row('C2', 'commune', '46', { validFrom: '2025-07-01', validTo: '2025-06-30', successorCode: 'NOPE' }),
        row('C3', 'commune', '46', { successorCode: 'C3' }),
      ],
      stored,
      naming,
      anywhere,
    );
    expect(plan.errors).toEqual([
      { field: 'rows[1].code', message: 'code C1 already appears on line 2' },
      { field: 'rows[2].validTo', message: 'validTo must not be before validFrom' },
      { field: 'rows[2].successorCode', message: 'successorCode NOPE is not a known area' },
      { field: 'rows[3].successorCode', message: 'successorCode must name another area' },
    ]);
  });

  it('lists the rows outside the caller’s scope: create for new codes, update for stored ones', () => {
    const calls: string[] = [];
    const onlyProvince46: MayWrite = (action, path) => {
      calls.push(`${action} ${path}`);
      return path === 'VN.46' || path.startsWith('VN.46.');
    };
    const plan = planAreaImport(
      [row('19753', 'commune', '46'), row('C5', 'commune', '46'), row('48', 'province', 'VN')],
      stored,
      naming,
      onlyProvince46,
    );
    expect(calls).toEqual(['update VN.46.19753', 'create VN.46.C5', 'create VN.48']);
    expect(plan.outOfScope).toEqual([{ index: 2, code: '48' }]);
  });
});
