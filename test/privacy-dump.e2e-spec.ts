import { ensureAppRole } from '../src/database/app-role';
import { runMigrations } from '../src/database/migrate';
import { ADMIN_URL_VAR, databaseUrl, TEMPLATE_VAR, TEST_APP_PASSWORD, withAdminClient } from './setup/test-database';
import { MachinePostgres, startMachinePostgres } from './support/machine-postgres';
import { findPgDump, pgDumpData } from './support/pg-dump';
import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';

/** A real pg_dump for this server, found when the file loads (so its test says plainly when it cannot run). */
const pgDump = findPgDump(process.env[ADMIN_URL_VAR]!);
const withPgDump = pgDump.binary ? it : it.skip;

let t: TestApp;
let ownServer: MachinePostgres | undefined;
const suiteServer = { admin: process.env[ADMIN_URL_VAR], template: process.env[TEMPLATE_VAR] };

/**
 * When every pg_dump here is older than the suite's server (embedded PostgreSQL 18, pg_dump 15),
 * this file runs on a server of the pg_dump's own version, migrated like the suite's.
 */
async function useOwnServer(binDir: string): Promise<void> {
  ownServer = await startMachinePostgres(binDir);
  const template = 'cms_template_dump';
  await withAdminClient(ownServer.url, (client) => client.query(`CREATE DATABASE ${template}`));
  await runMigrations(databaseUrl(ownServer.url, template));
  await ensureAppRole(databaseUrl(ownServer.url, template), TEST_APP_PASSWORD);
  process.env[ADMIN_URL_VAR] = ownServer.url;
  process.env[TEMPLATE_VAR] = template;
}

beforeAll(async () => {
  if (pgDump.serverBin) await useOwnServer(pgDump.serverBin);
  t = await TestApp.start();
  await buildWorld(t);
}, 120_000);
afterAll(async () => {
  await t?.close();
  ownServer?.stop();
  process.env[ADMIN_URL_VAR] = suiteServer.admin;
  process.env[TEMPLATE_VAR] = suiteServer.template;
});

/** Everything every table holds, as text: what a data-only dump of the database would show. */
async function dumpEveryTable(): Promise<string> {
  const tables = (await t.db.query(
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
      WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
  )) as { name: string }[];
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = (await t.db.query(`SELECT x::text AS row FROM ${name} x`)) as { row: string }[];
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join('\n');
}

const PERSONAL_VALUES = [
  'Nguyễn Văn Thử',
  'nguyen van thu',
  'NGUYỄN VĂN THỬ',
  '2015-03-04',
  'Số 1 Đường Thử Nghiệm',
  '0900000001',
  'Trần Thị Báo',
  'tiếng trẻ khóc',
  'Người Đồng Ý',
  '0912345678',
  'Tổ chức Bí Mật',
  'Mục đích riêng tư',
  'Lý Thị Riêng',
  '2012-12-12',
  // Mẫu 01: where the child is, caregivers, family situation, actions taken
  'Nhà Chú Bí Mật',
  'Chú Ruột Kín',
  '0977777777',
  'Hoàn Cảnh Riêng',
  'Việc Đã Làm Kín',
  // corrections, and so the history's from/to values and reasons
  'Mô Tả Đính Chính',
  'Lý Do Đính Chính',
  'Lý Thị Riêng Sửa',
  'Địa Chỉ Sửa Kín',
  '2012-11-11',
];

describe('a dump of the database', () => {
  beforeAll(async () => {
    const hotline = await t.tokenFor('hotline_operator', 'VN');
    const officer = await t.tokenFor('commune_officer', '46001');
    await t.post('/reports', reportBody(), hotline);
    const consenting = await t.post(
      '/reports',
      reportBody({
        allegedPerpetrator: 'stranger',
        children: [{ fullName: 'Lý Thị Riêng', dateOfBirth: '2012-12-12', sex: 'female', residenceAreaCode: '46001' }],
        reporter: { name: 'Người Đồng Ý', phone: '0912345678', consentToContact: true },
      }),
      hotline,
    );
    const caseId = consenting.body.cases[0].id;
    await t.get(`/cases/${caseId}`, officer);
    await t.get(`/cases?childName=${encodeURIComponent('Nguyễn Văn Thử')}`, officer);
    await t.post(`/cases/${caseId}/consents`, { party: 'guardian', granted: true }, officer);
    await t.post(`/cases/${caseId}/consents`, { party: 'child', granted: true }, officer);
    const disclosed = await t.post(
      `/cases/${caseId}/disclosures`,
      { recipient: 'Tổ chức Bí Mật', recipientType: 'non_state', purpose: 'Mục đích riêng tư' },
      officer,
    );
    expect(disclosed.status).toBe(201);

    const situated = await t.post(
      '/reports',
      reportBody({
        category: 'injury',
        form: 'fall',
        allegedPerpetrator: undefined,
        children: [{ fullName: 'Lý Thị Riêng', dateOfBirth: '2012-12-12', sex: 'female', residenceAreaCode: '46001' }],
        childLocation: 'Nhà Chú Bí Mật',
        caregivers: [{ name: 'Chú Ruột Kín', relationship: 'uncle', phone: '0977777777' }],
        familySituation: 'Hoàn Cảnh Riêng',
        actionsTaken: 'Việc Đã Làm Kín',
      }),
      hotline,
    );
    expect(situated.status).toBe(201);
    const version = async () => (await t.get(`/cases/${caseId}`, officer)).body.version as number;
    const corrected = await t.request('PATCH', `/cases/${caseId}`, {
      token: officer,
      body: { version: await version(), reason: 'Lý Do Đính Chính', description: 'Mô Tả Đính Chính' },
    });
    expect(corrected.status).toBe(200);
    const child = await t.request('PATCH', `/cases/${caseId}/child`, {
      token: officer,
      body: {
        version: await version(),
        reason: 'Lý Do Đính Chính',
        fullName: 'Lý Thị Riêng Sửa',
        dateOfBirth: '2012-11-11',
        address: 'Địa Chỉ Sửa Kín',
      },
    });
    expect(child.status).toBe(200);
    expect((await t.get(`/cases/${caseId}/history`, officer)).body.items[0].reason).toBe('Lý Do Đính Chính');
  });

  it('contains no name, birth date, address, phone, reporter, description, Mẫu 01 situation, correction, history value or disclosure text in clear', async () => {
    const dump = await dumpEveryTable();
    expect(dump.length).toBeGreaterThan(1000);
    for (const value of PERSONAL_VALUES)
      expect({ value, found: dump.includes(value) }).toEqual({ value, found: false });
  });

  it('holds the personal values as AES-GCM envelopes with a key id', async () => {
    const [child] = await t.db.query(`SELECT full_name_enc, date_of_birth_enc, address_enc FROM children LIMIT 1`);
    for (const value of Object.values(child)) expect(value).toMatch(/^v1:[\w-]{8}:[\w-]{16}:[\w-]+$/);
    const [history] = await t.db.query(
      `SELECT reason_enc, personal_changes_enc FROM case_history WHERE action = 'child_correction' LIMIT 1`,
    );
    for (const value of Object.values(history)) expect(value).toMatch(/^v1:[\w-]{8}:[\w-]{16}:[\w-]+$/);
    const [report] = await t.db.query(`SELECT situation_enc FROM reports WHERE situation_enc IS NOT NULL LIMIT 1`);
    expect(report.situation_enc).toMatch(/^v1:[\w-]{8}:[\w-]{16}:[\w-]+$/);
  });

  withPgDump(`passes the same check with pg_dump itself (${pgDump.reason})`, () => {
    const dump = pgDumpData(pgDump.binary!, t.ownerUrl);
    expect(dump).toContain('COPY public.cases ');
    expect(dump).toContain('COPY public.children ');
    for (const value of PERSONAL_VALUES)
      expect({ value, found: dump.includes(value) }).toEqual({ value, found: false });
  });
});
