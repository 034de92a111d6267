import { TestApp } from './support/test-app';

let t: TestApp;
let admin: string;

/**
 * P1 holds district D1 (commune C1) and commune C2 directly; P2 holds C3.
 * 2025: C1 has 10 boys and 20 girls at every age 0–17; C2 has 5 boys aged 0, 7 girls aged 16 and
 * 11 boys aged 17; C3 has 100 girls aged 10. 2024: C1 has 1,000 boys aged 8 (another year).
 */
const AREAS = [
  'code,name,level,parent_code,valid_from,valid_to,successor_code',
  'P1,Tỉnh Một,province,VN,,,',
  'D1,Huyện Một,district,P1,,,',
  'C1,Xã Một,commune,D1,,,',
  'C2,Xã Hai,commune,P1,,,',
  'P2,Tỉnh Hai,province,VN,,,',
  'C3,Xã Ba,commune,P2,,,',
].join('\n');

const row = (areaCode: string, year: number, sex: string, age: number, count: number) => ({
  areaCode,
  year,
  sex,
  age,
  count,
});
const C1_2025 = Array.from({ length: 18 }, (_, age) => [
  row('C1', 2025, 'male', age, 10),
  row('C1', 2025, 'female', age, 20),
]).flat();
const SEED = [
  ...C1_2025,
  row('C2', 2025, 'male', 0, 5),
  row('C2', 2025, 'female', 16, 7),
  row('C2', 2025, 'male', 17, 11),
  row('C3', 2025, 'female', 10, 100),
  row('C1', 2024, 'male', 8, 1000),
];

const putCsv = (token: string, data: string) =>
  t.request('PUT', '/population', { token, raw: { contentType: 'text/csv', data } });
const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((error) => error.field);
const summary = async (areaCode: string, year = 2025, token = admin) =>
  (await t.get(`/population?areaCode=${areaCode}&year=${year}`, token)).body;
const totalRows = async () => Number((await t.db.query(`SELECT count(*) FROM population`))[0].count);

beforeAll(async () => {
  t = await TestApp.start();
  admin = await t.adminToken();
  expect(
    (await t.request('POST', '/areas/import', { token: admin, raw: { contentType: 'text/csv', data: AREAS } })).status,
  ).toBe(200);
  const seeded = await t.put('/population', SEED, admin);
  expect(seeded.status).toBe(200);
  expect(seeded.body).toEqual({ upserted: SEED.length });
});
afterAll(() => t.close());

describe('GET /population', () => {
  it('sums a commune: 0–15 is 16 ages × 30 children, 5–17 is 13 ages × 30', async () => {
    expect(await summary('C1')).toMatchObject({
      areaCode: 'C1',
      year: 2025,
      children0to15: 480,
      children5to17: 390,
      children0to17: 540,
    });
  });

  it('sums every commune of a province, under a district or directly under it', async () => {
    // C1 480 + C2 5 boys aged 0; C1 390 + C2 7 (16) + 11 (17).
    const province = await summary('P1');
    expect(province).toMatchObject({ areaCode: 'P1', year: 2025, children0to15: 485, children5to17: 408 });
    expect(province.bySex.male).toEqual({ children0to15: 165, children5to17: 141, children0to17: 196 });
    expect(province.bySex.female).toEqual({ children0to15: 320, children5to17: 267, children0to17: 367 });
    expect(province.byAge[0]).toEqual({ age: 0, male: 15, female: 20 });
    expect(await summary('D1')).toMatchObject({ children0to15: 480, children5to17: 390 });
  });

  it('sums the whole country, and only the year asked for', async () => {
    expect(await summary('VN')).toMatchObject({ children0to15: 585, children5to17: 508 });
    expect(await summary('VN', 2024)).toMatchObject({ children0to15: 1000, children5to17: 1000 });
    expect(await summary('P2', 2030)).toMatchObject({ children0to15: 0, children5to17: 0 });
  });

  it('requires areaCode and a year (400) and answers 404 for an unknown area', async () => {
    expect(fields((await t.get('/population?year=2025', admin)).body)).toEqual(['areaCode']);
    expect(fields((await t.get('/population?areaCode=P1', admin)).body)).toEqual(['year']);
    expect(fields((await t.get('/population?areaCode=P1&year=twenty', admin)).body)).toEqual(['year']);
    expect(fields((await t.get('/population?areaCode=P1&year=1800', admin)).body)).toEqual(['year']);
    expect((await t.get('/population?areaCode=NOPE&year=2025', admin)).status).toBe(404);
  });

  it('is readable by the statistics roles inside their own area, 403 outside', async () => {
    const manager = await t.tokenFor('manager', 'P2');
    expect((await t.get('/population?areaCode=P2&year=2025', manager)).status).toBe(200);
    expect((await t.get('/population?areaCode=C3&year=2025', manager)).status).toBe(200);
    expect((await t.get('/population?areaCode=P1&year=2025', manager)).status).toBe(403);
    expect((await t.get('/population?areaCode=VN&year=2025', manager)).status).toBe(403);
    for (const [role, areaCode] of [
      ['provincial_officer', 'P1'],
      ['commune_officer', 'C1'],
      ['commune_chair', 'C1'],
    ]) {
      expect(await summary('C1', 2025, await t.tokenFor(role, areaCode))).toMatchObject({ children0to15: 480 });
    }
    expect((await t.get('/population?areaCode=C2&year=2025', await t.tokenFor('commune_officer', 'C1'))).status).toBe(
      403,
    );
    const provincialAdmin = await t.tokenFor('admin', 'P2');
    expect((await t.get('/population?areaCode=P1&year=2025', provincialAdmin)).status).toBe(403);
  });

  it('is closed to roles without statistics (403)', async () => {
    for (const role of ['auditor', 'police', 'hotline_operator']) {
      expect((await t.get('/population?areaCode=C1&year=2025', await t.tokenFor(role))).status).toBe(403);
    }
  });
});

describe('PUT /population with JSON', () => {
  it('replaces the count of an existing cell and adds new ones', async () => {
    const response = await t.put(
      '/population',
      [row('C3', 2025, 'female', 10, 40), row('C3', 2025, 'male', 5, 2)],
      admin,
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ upserted: 2 });
    expect(await summary('C3')).toMatchObject({ children0to15: 42, children5to17: 42 });
    const [entry] = await t.db.query(
      `SELECT username, details FROM audit_log WHERE action = 'population.upsert' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toEqual({ username: 'admin', details: { rows: 2, communes: 1, format: 'json' } });
  });

  it.each([
    ['an age of 18', { age: 18 }, '[1].age'],
    ['a negative age', { age: -1 }, '[1].age'],
    ['a fractional age', { age: 3.5 }, '[1].age'],
    ['an age as text', { age: '3' }, '[1].age'],
    ['an unknown sex', { sex: 'unknown' }, '[1].sex'],
    ['a negative count', { count: -1 }, '[1].count'],
    ['a year before 1900', { year: 1899 }, '[1].year'],
    ['a year after 2200', { year: 2201 }, '[1].year'],
    ['an unknown area', { areaCode: 'NOPE' }, '[1].areaCode'],
    ['a province instead of a commune', { areaCode: 'P1' }, '[1].areaCode'],
    ['a district instead of a commune', { areaCode: 'D1' }, '[1].areaCode'],
    ['an unknown field', { note: 'x' }, '[1].note'],
  ])('refuses %s with 400 naming the row, writing nothing', async (_, change, field) => {
    const before = await totalRows();
    const response = await t.put(
      '/population',
      [row('C3', 2025, 'female', 11, 1), { ...row('C3', 2025, 'male', 3, 1), ...change }],
      admin,
    );
    expect(response.status).toBe(400);
    expect(fields(response.body)).toEqual([field]);
    expect(await totalRows()).toBe(before);
  });

  it('refuses a row repeating another row’s cell, naming it', async () => {
    const response = await t.put(
      '/population',
      [row('C3', 2025, 'male', 3, 1), row('C3', 2025, 'female', 3, 1), row('C3', 2025, 'male', 3, 2)],
      admin,
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: '[2]', message: expect.stringContaining('[0]') }]);
  });

  it('refuses a body that is not an array', async () => {
    const response = await t.put('/population', row('C3', 2025, 'male', 3, 1), admin);
    expect(response.status).toBe(400);
    expect(fields(response.body)).toEqual(['body']);
  });

  it('writes nothing when the last of many rows is bad', async () => {
    const rows = Array.from({ length: 18 }, (_, age) => row('C3', 2026, 'male', age, 9));
    const response = await t.put('/population', [...rows, row('C3', 2026, 'female', 99, 1)], admin);
    expect(response.status).toBe(400);
    expect(fields(response.body)).toEqual(['[18].age']);
    expect(await summary('C3', 2026)).toMatchObject({ children0to17: 0 });
  });

  it('answers 403 for a commune outside a provincial admin’s area, writing nothing', async () => {
    const provincialAdmin = await t.tokenFor('admin', 'P2');
    expect((await t.put('/population', [row('C3', 2027, 'male', 1, 1)], provincialAdmin)).status).toBe(200);
    const response = await t.put(
      '/population',
      [row('C3', 2027, 'male', 2, 1), row('C1', 2027, 'male', 1, 1)],
      provincialAdmin,
    );
    expect(response.status).toBe(403);
    expect(await summary('VN', 2027)).toMatchObject({ children0to17: 1 });
  });

  it('is for admins only (403 for a manager, an auditor)', async () => {
    for (const role of ['manager', 'auditor']) {
      expect((await t.put('/population', [row('C3', 2027, 'male', 1, 1)], await t.tokenFor(role))).status).toBe(403);
    }
  });

  it('accepts only JSON or CSV (415)', async () => {
    const response = await t.request('PUT', '/population', {
      token: admin,
      raw: { contentType: 'text/plain', data: 'C3,2025,male,1,1' },
    });
    expect(response.status).toBe(415);
  });
});

describe('PUT /population with CSV', () => {
  const HEADER = 'area_code,year,sex,age,count';

  it('upserts the rows of a CSV file', async () => {
    const response = await putCsv(
      admin,
      [HEADER, 'C2,2028,male,0,5', 'C2,2028,female,15,6', 'C2,2028,female,16,7'].join('\n'),
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ upserted: 3 });
    expect(await summary('P1', 2028)).toMatchObject({ children0to15: 11, children5to17: 13 });
  });

  it.each([
    ['an age of 18', 'C2,2029,male,18,1', 'rows[3].age'],
    ['an age that is not a number', 'C2,2029,male,three,1', 'rows[3].age'],
    ['an unknown sex', 'C2,2029,m,3,1', 'rows[3].sex'],
    ['a negative count', 'C2,2029,male,3,-4', 'rows[3].count'],
    ['a year out of range', 'C2,3000,male,3,1', 'rows[3].year'],
    ['an unknown area', 'ZZ,2029,male,3,1', 'rows[3].area_code'],
    ['a province', 'P1,2029,male,3,1', 'rows[3].area_code'],
    ['a missing field', 'C2,2029,male,3', 'rows[3]'],
    ['a repeated cell', 'C2,2029,male,0,1', 'rows[3]'],
  ])('refuses %s with 400 naming the row and its line, writing nothing', async (_, bad, field) => {
    const data = [HEADER, 'C2,2029,male,0,1', 'C2,2029,male,1,1', '', 'C2,2029,male,2,1', bad].join('\n');
    const response = await putCsv(admin, data);
    expect(response.status).toBe(400);
    expect(fields(response.body)).toEqual([field]);
    expect(response.body.errors[0].message).toMatch(/^line 6: /);
    expect(await summary('C2', 2029)).toMatchObject({ children0to17: 0 });
  });

  it('requires the header', async () => {
    const response = await putCsv(admin, 'C2,2029,male,0,1\n');
    expect(response.status).toBe(400);
    expect(fields(response.body)).toEqual(['header']);
  });
});

describe('a national load', () => {
  it('upserts 120,024 rows (3,334 communes × 2 sexes × 18 ages) in one JSON body', async () => {
    const communes = Array.from({ length: 3334 }, (_, i) => `BX${String(i).padStart(4, '0')}`);
    const areas = [
      'code,name,level,parent_code,valid_from,valid_to,successor_code',
      'BP,Tỉnh Lớn,province,VN,,,',
      ...communes.map((code) => `${code},Xã ${code},commune,BP,,,`),
    ].join('\n');
    expect(
      (await t.request('POST', '/areas/import', { token: admin, raw: { contentType: 'text/csv', data: areas } }))
        .status,
    ).toBe(200);
    const rows = communes.flatMap((areaCode) =>
      Array.from({ length: 18 }, (_, age) => [
        row(areaCode, 2024, 'male', age, 1),
        row(areaCode, 2024, 'female', age, 2),
      ]).flat(),
    );
    const response = await t.put('/population', rows, admin);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ upserted: 120_024 });
    expect(await summary('BP', 2024)).toMatchObject({ children0to15: 3334 * 16 * 3, children5to17: 3334 * 13 * 3 });
  }, 90_000);
});
