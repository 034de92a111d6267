import { TestApp } from './support/test-app';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await TestApp.start();
  admin = await t.adminToken();
});
afterAll(() => t.close());

const HEADER = 'code,name,level,parent_code,valid_from,valid_to,successor_code';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const importCsv = (token: string, data: string) =>
  t.request('POST', '/areas/import', { token, raw: { contentType: 'text/csv', data } });
const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((error) => error.field);
const area = (code: string, name: string, level: string, parentCode: string, extra: object = {}) => ({
  code,
  name,
  level,
  parentCode,
  ...extra,
});
const countAreas = async () => Number((await t.db.query(`SELECT count(*) FROM areas`))[0].count);

describe('POST /areas', () => {
  beforeAll(async () => {
    expect((await t.post('/areas', area('46', 'Thành phố Huế', 'province', 'VN'), admin)).status).toBe(201);
    expect((await t.post('/areas', area('48', 'Thành phố Đà Nẵng', 'province', 'VN'), admin)).status).toBe(201);
    // What the tests below read and collide with: a district retired on 30 June 2025 and a commune of 1 July.
    const district = area('474', 'Huyện Phong Điền', 'district', '46', {
      validFrom: '1990-01-01',
      validTo: '2025-06-30',
    });
    expect((await t.post('/areas', district, admin)).status).toBe(201);
    const commune = area('19753', 'Phường Phong Điền', 'commune', '46', { validFrom: '2025-07-01' });
    expect((await t.post('/areas', commune, admin)).status).toBe(201);
  });

  it('creates a district under a province and a commune under the district, with the materialized path', async () => {
    const district = await t.post(
      '/areas',
      area('475', 'Huyện Quảng Điền', 'district', '46', { validFrom: '1990-01-01', validTo: '2025-06-30' }),
      admin,
    );
    expect(district.status).toBe(201);
    expect(district.body).toEqual({
      code: '475',
      name: 'Huyện Quảng Điền',
      level: 'district',
      parentCode: '46',
      path: 'VN.46.475',
      validFrom: '1990-01-01',
      validTo: '2025-06-30',
      successorCode: null,
    });
    const commune = await t.post('/areas', area('19780-old', 'Xã Quảng An', 'commune', '475'), admin);
    expect(commune.status).toBe(201);
    expect(commune.body.path).toBe('VN.46.475.19780-old');
  });

  it('creates a commune directly under a province (districts abolished on 1 July 2025), naming a retired one’s successor', async () => {
    const created = await t.post(
      '/areas',
      area('19780', 'Phường Quảng Điền', 'commune', '46', { validFrom: '2025-07-01' }),
      admin,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ path: 'VN.46.19780', validFrom: '2025-07-01', validTo: null });
    const retired = await t.post(
      '/areas',
      area('19781', 'Xã cũ', 'commune', '474', { validTo: '2025-06-30', successorCode: '19780' }),
      admin,
    );
    expect(retired.status).toBe(201);
    expect(retired.body.successorCode).toBe('19780');
  });

  it('reads back what it created, to any signed-in role', async () => {
    const auditor = await t.tokenFor('auditor');
    const response = await t.get('/areas/474', auditor);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      code: '474',
      name: 'Huyện Phong Điền',
      level: 'district',
      parentCode: '46',
      path: 'VN.46.474',
      validFrom: '1990-01-01',
      validTo: '2025-06-30',
      successorCode: null,
    });
  });

  it('records the creation in the audit log', async () => {
    const [entry] = await t.db.query(
      `SELECT username, action, subject_id, details FROM audit_log WHERE action = 'area.create' AND subject_id = '474'`,
    );
    expect(entry).toEqual({
      username: 'admin',
      action: 'area.create',
      subject_id: '474',
      details: { level: 'district', parentCode: '46' },
    });
  });

  it.each([
    ['a code with a dot', area('46.1', 'X', 'province', 'VN'), 'code'],
    ['a code longer than 32 characters', area('A'.repeat(33), 'X', 'province', 'VN'), 'code'],
    ['a blank name', area('P1', '  ', 'province', 'VN'), 'name'],
    ['an unknown level', area('P1', 'X', 'hamlet', 'VN'), 'level'],
    ['a missing parent code', { code: 'P1', name: 'X', level: 'province' }, 'parentCode'],
    ['an impossible date', area('P1', 'X', 'province', 'VN', { validFrom: '2025-02-30' }), 'validFrom'],
    ['an unknown field', area('P1', 'X', 'province', 'VN', { population: 5 }), 'population'],
  ])('refuses %s with 400 naming the field', async (_, body, field) => {
    const response = await t.post('/areas', body, admin);
    expect(response.status).toBe(400);
    expect(new Set(fields(response.body))).toEqual(new Set([field]));
  });

  it.each([
    ['an unknown parent', area('P1', 'X', 'province', 'ZZ'), 'parentCode', /ZZ/],
    [
      'a province under a province',
      area('P1', 'X', 'province', '46'),
      'parentCode',
      /province must sit under a country/,
    ],
    [
      'a district under the country',
      area('D1', 'X', 'district', 'VN'),
      'parentCode',
      /district must sit under a province/,
    ],
    [
      'a commune under a commune',
      area('C1', 'X', 'commune', '19753'),
      'parentCode',
      /commune must sit under a district or a province/,
    ],
    [
      'a period ending before it starts',
      area('C1', 'X', 'commune', '46', { validFrom: '2025-07-01', validTo: '2025-06-30' }),
      'validTo',
      /before validFrom/,
    ],
    ['an unknown successor', area('C1', 'X', 'commune', '46', { successorCode: 'NOPE' }), 'successorCode', /NOPE/],
    [
      'an area succeeding itself',
      area('C1', 'X', 'commune', '46', { successorCode: 'C1' }),
      'successorCode',
      /another area/,
    ],
    ['a new country', { code: 'LA', name: 'Lào', level: 'country' }, 'level', /country/],
    ['a new country even with a parent', area('LA', 'Lào', 'country', 'VN'), 'level', /country/],
  ])('refuses %s with 400 naming the field', async (_, body, field, message) => {
    const response = await t.post('/areas', body, admin);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
    expect((await t.get(`/areas/${body.code}`, admin)).status).toBe(404);
  });

  it('answers 409 for a code already taken, anywhere in the tree', async () => {
    const response = await t.post('/areas', area('19753', 'Duplicate', 'commune', '48'), admin);
    expect(response.status).toBe(409);
    expect((await t.get('/areas/19753', admin)).body.name).toBe('Phường Phong Điền');
  });

  it('answers 409 for an existing code whatever its level: the country itself, a province, a commune under a wrong parent', async () => {
    expect((await t.post('/areas', { code: 'VN', name: 'Việt Nam', level: 'country' }, admin)).status).toBe(409);
    expect((await t.post('/areas', area('VN', 'Việt Nam', 'province', 'VN'), admin)).status).toBe(409);
    expect((await t.post('/areas', area('19753', 'Duplicate', 'province', 'VN'), admin)).status).toBe(409);
  });

  it('lets a provincial admin create inside its province only (403 outside)', async () => {
    const hueAdmin = await t.tokenFor('admin', '46');
    expect((await t.post('/areas', area('20001', 'Phường A', 'commune', '46'), hueAdmin)).status).toBe(201);
    const outside = await t.post('/areas', area('20002', 'Phường B', 'commune', '48'), hueAdmin);
    expect(outside.status).toBe(403);
    expect((await t.post('/areas', area('49', 'Quảng Nam', 'province', 'VN'), hueAdmin)).status).toBe(403);
    expect((await t.get('/areas/20002', admin)).status).toBe(404);
  });

  it('is for admins only: other roles get 403, no token 401', async () => {
    // The provincial officer's province, when this test runs alone.
    await t.db.query(`INSERT INTO areas (code, name, level, parent_code, path)
      VALUES ('46', 'Thành phố Huế', 'province', 'VN', 'VN.46') ON CONFLICT DO NOTHING`);
    for (const [role, areaCode] of [
      ['manager', 'VN'],
      ['provincial_officer', '46'],
      ['auditor', 'VN'],
    ]) {
      const token = await t.tokenFor(role, areaCode);
      expect((await t.post('/areas', area('20003', 'X', 'commune', '46'), token)).status).toBe(403);
    }
    expect((await t.post('/areas', area('20003', 'X', 'commune', '46'))).status).toBe(401);
  });
});

describe('GET /areas/{code}', () => {
  it('answers 404 for an unknown code and for something that cannot be a code', async () => {
    expect((await t.get('/areas/NOPE', admin)).status).toBe(404);
    expect((await t.get('/areas/a%20b', admin)).status).toBe(404);
  });

  it('shows the seeded country', async () => {
    expect((await t.get('/areas/VN', admin)).body).toMatchObject({
      code: 'VN',
      level: 'country',
      parentCode: null,
      path: 'VN',
    });
  });
});

describe('GET /areas', () => {
  beforeAll(async () => {
    const communes = Array.from(
      { length: 7 },
      (_, i) => `L${7 - i},Xã ${7 - i},commune,LP,,${i === 0 ? '2025-06-30' : ''},`,
    );
    const response = await importCsv(
      admin,
      csv('LP,Tỉnh Liệt kê,province,VN,,,', 'LD,Huyện,district,LP,,,', ...communes),
    );
    expect(response.status).toBe(200);
  });

  it('lists the country when no parent is given', async () => {
    const response = await t.get('/areas', admin);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [expect.objectContaining({ code: 'VN', level: 'country' })],
      nextCursor: null,
    });
  });

  it('pages through the direct children in code order with a cursor', async () => {
    const first = await t.get('/areas?parentCode=LP&limit=3', admin);
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { code: string }) => item.code)).toEqual(['L1', 'L2', 'L3']);
    expect(first.body.items[0]).toEqual({
      code: 'L1',
      name: 'Xã 1',
      level: 'commune',
      parentCode: 'LP',
      path: 'VN.LP.L1',
      validFrom: null,
      validTo: null,
      successorCode: null,
    });
    const seen = [...first.body.items];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await t.get(`/areas?parentCode=LP&limit=3&cursor=${cursor}`, admin);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    expect(seen.map((item) => item.code)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'LD']);
  });

  it('filters by level and by the day the areas were valid on', async () => {
    const districts = await t.get('/areas?parentCode=LP&level=district', admin);
    expect(districts.body.items.map((item: { code: string }) => item.code)).toEqual(['LD']);
    const later = await t.get('/areas?parentCode=LP&level=commune&validOn=2025-07-01', admin);
    expect(later.body.items.map((item: { code: string }) => item.code)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6']);
    const earlier = await t.get('/areas?parentCode=LP&level=commune&validOn=2025-06-30', admin);
    expect(earlier.body.items).toHaveLength(7);
  });

  it('answers 404 for an unknown parent and 400 for bad filters', async () => {
    expect((await t.get('/areas?parentCode=NOPE', admin)).status).toBe(404);
    const bad = await t.get('/areas?parentCode=LP&level=hamlet&validOn=2025-13-01&limit=201', admin);
    expect(bad.status).toBe(400);
    expect(fields(bad.body).sort()).toEqual(['level', 'limit', 'validOn']);
    expect(fields((await t.get('/areas?parentCode=LP&cursor=garbage', admin)).body)).toEqual(['cursor']);
  });

  it('is open to every signed-in role', async () => {
    expect((await t.get('/areas?parentCode=LP', await t.tokenFor('police', 'LP'))).status).toBe(200);
  });
});

describe('POST /areas/import', () => {
  // The stored tree the refusals below meet: a province with a district and a commune.
  beforeAll(async () => {
    const stored = await importCsv(
      admin,
      csv('RP,Tỉnh Có Sẵn,province,VN,,,', 'R1,Xã Một,commune,RP,,,', 'RD,Huyện,district,RP,,,'),
    );
    expect(stored.status).toBe(200);
  });

  it('creates new areas and updates existing ones, parents earlier in the file or already stored', async () => {
    const first = await importCsv(
      admin,
      csv(
        'IP,Tỉnh Nhập,province,VN,2025-07-01,,',
        'I1,Xã Một,commune,IP,2025-07-01,,',
        'ID,Huyện,district,IP,,2025-06-30,',
        'I2,"Xã Hai, mới",commune,ID,,,',
      ),
    );
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 4, updated: 0 });
    expect((await t.get('/areas/I2', admin)).body).toMatchObject({ name: 'Xã Hai, mới', path: 'VN.IP.ID.I2' });

    const second = await importCsv(
      admin,
      csv('I2,Xã Hai,commune,ID,,2025-06-30,I3', 'I3,Xã Ba,commune,IP,2025-07-01,,'),
    );
    expect(second.body).toEqual({ created: 1, updated: 1 });
    expect((await t.get('/areas/I2', admin)).body).toEqual({
      code: 'I2',
      name: 'Xã Hai',
      level: 'commune',
      parentCode: 'ID',
      path: 'VN.IP.ID.I2',
      validFrom: null,
      validTo: '2025-06-30',
      successorCode: 'I3',
    });
    const [entry] = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'area.import' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry.details).toEqual({ created: 1, updated: 1 });
  });

  it('refuses a bad row with 400 naming the row and column, the line in the message, and writes nothing', async () => {
    const before = await countAreas();
    const response = await importCsv(
      admin,
      csv(
        'BP,Tỉnh Lỗi,province,VN,,,',
        'B1,Xã 1,commune,BP,,,',
        'B2,Xã 2,commune,BP,,,',
        'B3,Xã 3,commune,BP,,,',
        'B4,Xã 4,commune,NOPE,,,',
      ),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'rows[4].parent_code', message: 'line 6: parent_code NOPE is not a known area' },
    ]);
    expect(await countAreas()).toBe(before);
    expect((await t.get('/areas/BP', admin)).status).toBe(404);
  });

  it.each([
    ['a bad level', 'X1,Xã,hamlet,RP,,,', 'rows[0].level'],
    ['a bad date', 'X1,Xã,commune,RP,2025-02-30,,', 'rows[0].valid_from'],
    ['a period ending before it starts', 'X1,Xã,commune,RP,2025-07-01,2025-01-01,', 'rows[0].valid_to'],
    ['an unknown successor', 'X1,Xã,commune,RP,,,NOPE', 'rows[0].successor_code'],
    ['a parent at the wrong level', 'X1,Xã,commune,R1,,,', 'rows[0].parent_code'],
    ['a new country', 'X1,Lào,country,,,,', 'rows[0].level'],
    ['a level change of an existing area', 'R1,Xã Một,district,RP,,,', 'rows[0].level'],
    ['a parent change of an existing area', 'R1,Xã Một,commune,RD,,,', 'rows[0].parent_code'],
    ['a missing field', 'X1,Xã,commune,RP,,', 'rows[0]'],
  ])('refuses %s, naming the row', async (_, row, field) => {
    const response = await importCsv(admin, csv(row));
    expect(response.status).toBe(400);
    expect(fields(response.body)).toEqual([field]);
    expect(response.body.errors[0].message).toMatch(/^line 2: /);
  });

  it('refuses a parent listed further down and a code listed twice', async () => {
    const response = await importCsv(
      admin,
      csv('Y1,Xã,commune,YP,,,', 'YP,Tỉnh,province,VN,,,', 'YP,Tỉnh,province,VN,,,'),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'rows[0].parent_code', message: expect.stringContaining('further down (line 3)') },
      { field: 'rows[2].code', message: 'line 4: code YP already appears on line 3' },
    ]);
  });

  it('requires the header and text/csv; a header alone changes nothing', async () => {
    const noHeader = await importCsv(admin, 'Z1,Xã,commune,IP,,,\n');
    expect(noHeader.status).toBe(400);
    expect(fields(noHeader.body)).toEqual(['header']);
    expect((await importCsv(admin, `${HEADER}\n`)).body).toEqual({ created: 0, updated: 0 });
    expect((await t.post('/areas/import', [{ code: 'Z1' }], admin)).status).toBe(415);
  });

  it('refuses rows outside a provincial admin’s area with 403 and writes nothing', async () => {
    // The two provinces, when this test runs alone.
    await t.db.query(`INSERT INTO areas (code, name, level, parent_code, path) VALUES
      ('46', 'Thành phố Huế', 'province', 'VN', 'VN.46'), ('48', 'Thành phố Đà Nẵng', 'province', 'VN', 'VN.48')
      ON CONFLICT DO NOTHING`);
    const hueAdmin = await t.tokenFor('admin', '46');
    const response = await importCsv(hueAdmin, csv('20101,Xã trong,commune,46,,,', '20102,Xã ngoài,commune,48,,,'));
    expect(response.status).toBe(403);
    expect(response.body.detail).toContain('line 3');
    expect((await t.get('/areas/20101', admin)).status).toBe(404);
    expect((await importCsv(hueAdmin, csv('20101,Xã trong,commune,46,,,'))).body).toEqual({ created: 1, updated: 0 });
  });

  it('is for admins only', async () => {
    expect((await importCsv(await t.tokenFor('manager'), csv('Z1,Xã,commune,IP,,,'))).status).toBe(403);
  });

  it('answers a CSV body sent to POST /areas with 415: only the imports take CSV', async () => {
    const response = await t.request('POST', '/areas', {
      token: admin,
      raw: { contentType: 'text/csv', data: csv('Z1,Xã,commune,IP,,,') },
    });
    expect(response.status).toBe(415);
  });

  it('imports the 34 provinces and 3,321 communes of July 2025 in one go, and again as updates', async () => {
    const provinces = Array.from({ length: 34 }, (_, p) => `N${p + 1},Tỉnh ${p + 1},province,VN,2025-07-01,,`);
    const communes = Array.from(
      { length: 3321 },
      (_, c) =>
        `NX${String(c + 1).padStart(5, '0')},"Xã ${c + 1}, tỉnh ${(c % 34) + 1}",commune,N${(c % 34) + 1},2025-07-01,,`,
    );
    const data = csv(...provinces, ...communes);
    // Tests check behaviour, not time: the speed of this import is a matter for a benchmark.
    const response = await importCsv(admin, data);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ created: 3355, updated: 0 });
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM areas WHERE level = 'commune' AND path LIKE 'VN.N%'`,
    );
    expect(count).toBe(3321);
    expect((await t.get('/areas/NX03321', admin)).body.path).toBe('VN.N23.NX03321');

    const again = await importCsv(admin, data);
    expect(again.body).toEqual({ created: 0, updated: 3355 });
  });
});
