import { TestApp } from './support/test-app';
import { buildWorld } from './support/world';

/**
 * Separation of duties (Clarifications of v1.1): a role fits its area's level, an auditor is
 * appointed only from above the area it watches.
 */
let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
});
afterAll(() => t.close());

const newUser = (username: string, role: string, areaCode: string) => ({
  username,
  password: 'a-one-time-password',
  fullName: 'Người Thử',
  role,
  areaCode,
});
const exists = async (username: string) =>
  (await t.db.query(`SELECT 1 FROM users WHERE username = $1`, [username])).length > 0;
const patch = async (id: string, body: object, token?: string) =>
  t.request('PATCH', `/users/${id}`, { token: token ?? (await t.adminToken()), body });

describe('a role fits the level of its area', () => {
  it('refuses a provincial officer on a commune and a commune officer on a province: 400 on role, nothing created', async () => {
    const admin = await t.adminToken();
    for (const [username, role, areaCode] of [
      ['misplaced.provincial', 'provincial_officer', '46001'],
      ['misplaced.provincial.vn', 'provincial_officer', 'VN'],
      ['misplaced.commune', 'commune_officer', '46'],
      ['misplaced.chair', 'commune_chair', 'VN'],
    ]) {
      const response = await t.post('/users', newUser(username, role, areaCode), admin);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'role', message: expect.stringContaining(areaCode) }]);
      expect(await exists(username)).toBe(false);
    }
  });

  it('creates each role on a level it fits', async () => {
    const admin = await t.adminToken();
    for (const [role, areaCode] of [
      ['commune_officer', '46001'],
      ['provincial_officer', '46'],
      ['hotline_operator', 'VN'],
      ['police', '46001'],
      ['health', '46'],
      ['manager', 'VN'],
      ['admin', '46001'],
    ]) {
      const response = await t.post('/users', newUser(`fitting.${role}`, role, areaCode), admin);
      expect(response.status).toBe(201);
    }
  });

  it('refuses a change that leaves a role on an area it does not fit: a new role, a new area (400, nothing changed)', async () => {
    const officer = (
      await t.post('/users', newUser('moving.officer', 'commune_officer', '46001'), await t.adminToken())
    ).body.id as string;
    const promoted = await patch(officer, { role: 'provincial_officer' });
    expect(promoted.status).toBe(400);
    expect(promoted.body.errors).toEqual([{ field: 'role', message: expect.stringContaining('46001') }]);
    const moved = await patch(officer, { areaCode: '46' });
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual([{ field: 'areaCode', message: expect.stringContaining('commune_officer') }]);
    expect(await t.db.query(`SELECT role, area_code FROM users WHERE id = $1`, [officer])).toEqual([
      { role: 'commune_officer', area_code: '46001' },
    ]);
    expect((await patch(officer, { role: 'provincial_officer', areaCode: '46' })).status).toBe(200);
  });
});

describe('who appoints an auditor', () => {
  it('is not the admin of the auditor’s own area: a commune admin cannot create its commune’s auditor (403)', async () => {
    const communeAdmin = await t.tokenFor('admin', '46001');
    const response = await t.post('/users', newUser('own.auditor', 'auditor', '46001'), communeAdmin);
    expect(response.status).toBe(403);
    expect(response.body.detail).toContain('auditor');
    expect(await exists('own.auditor')).toBe(false);
  });

  it('is an admin of an area above it: the province’s admin creates the commune’s auditor, the country’s the province’s', async () => {
    const provinceAdmin = await t.tokenFor('admin', '46');
    expect((await t.post('/users', newUser('province.auditor', 'auditor', '46'), provinceAdmin)).status).toBe(403);
    expect((await t.post('/users', newUser('commune.auditor', 'auditor', '46001'), provinceAdmin)).status).toBe(201);
    expect((await t.post('/users', newUser('province.auditor', 'auditor', '46'), await t.adminToken())).status).toBe(
      201,
    );
  });

  it('is the country’s admin for the country’s auditors: no area lies above the country', async () => {
    expect((await t.post('/users', newUser('national.auditor', 'auditor', 'VN'), await t.adminToken())).status).toBe(
      201,
    );
  });

  it('holds for changes too: the admin of the auditor’s area may not make one, nor change one (403)', async () => {
    const provinceAdmin = await t.tokenFor('admin', '46');
    const officer = (await t.post('/users', newUser('would.audit', 'police', '46002'), provinceAdmin)).body
      .id as string;
    const sameLevel = await t.post('/users', newUser('area.admin.46002', 'admin', '46002'), provinceAdmin);
    const communeAdmin = await t.signInFirstTime('area.admin.46002', 'a-one-time-password');
    expect(sameLevel.status).toBe(201);
    expect((await patch(officer, { role: 'auditor' }, communeAdmin)).status).toBe(403);
    expect((await patch(officer, { role: 'auditor' }, provinceAdmin)).status).toBe(200);
    expect((await patch(officer, { fullName: 'Renamed', active: false }, communeAdmin)).status).toBe(403);
    expect(await t.db.query(`SELECT role, active FROM users WHERE id = $1`, [officer])).toEqual([
      { role: 'auditor', active: true },
    ]);
  });
});
