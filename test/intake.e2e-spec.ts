import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';

let t: TestApp;
let hotline: string;
beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  hotline = await t.tokenFor('hotline_operator', 'VN');
});
afterAll(() => t.close());

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();
const count = async (table: string) => (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

describe('POST /reports', () => {
  it('opens one case per child with a case number per province and year', async () => {
    const response = await t.post(
      '/reports',
      reportBody({
        children: [
          { fullName: 'Lê Thị Một', dateOfBirth: '2016-01-01', sex: 'female', residenceAreaCode: '46001' },
          { fullName: 'Lê Văn Hai', estimatedAge: 8, sex: 'male', residenceAreaCode: '46002' },
        ],
      }),
      hotline,
    );
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      cases: [
        { id: expect.any(String), caseNumber: expect.stringMatching(/^46-2025-\d{6}$/), childId: expect.any(String) },
        { id: expect.any(String), caseNumber: expect.stringMatching(/^46-2025-\d{6}$/), childId: expect.any(String) },
      ],
    });
    const [a, b] = response.body.cases.map((c: { caseNumber: string }) => Number(c.caseNumber.slice(-6)));
    expect(b).toBe(a + 1);
  });

  it('recognises the same child by normalized name, birth date and commune', async () => {
    const first = await t.post(
      '/reports',
      reportBody({
        category: 'injury',
        form: 'drowning',
        allegedPerpetrator: undefined,
        children: [{ fullName: 'Phạm Đức Anh', dateOfBirth: '2014-02-02', sex: 'male', residenceAreaCode: '46003' }],
      }),
      hotline,
    );
    const second = await t.post(
      '/reports',
      reportBody({
        category: 'injury',
        form: 'fall',
        allegedPerpetrator: undefined,
        children: [
          { fullName: '  PHAM   duc ANH ', dateOfBirth: '2014-02-02', sex: 'male', residenceAreaCode: '46003' },
        ],
      }),
      await t.tokenFor('provincial_officer', '46'),
    );
    expect(second.body.cases[0].childId).toBe(first.body.cases[0].childId);
    // The same child and concern: the second report attaches to the open case (which its filer reads).
    expect(second.body.cases[0].id).toBe(first.body.cases[0].id);
    const other = await t.post(
      '/reports',
      reportBody({
        children: [{ fullName: 'Phạm Đức Anh', dateOfBirth: '2014-02-03', sex: 'male', residenceAreaCode: '46003' }],
      }),
      hotline,
    );
    expect(other.body.cases[0].childId).not.toBe(first.body.cases[0].childId);
  });

  it('lists near matches for an officer to judge, never merging them', async () => {
    const a = await t.post(
      '/reports',
      reportBody({
        children: [{ fullName: 'Võ Thị Gần', dateOfBirth: '2012-05-05', sex: 'female', residenceAreaCode: '46002' }],
      }),
      hotline,
    );
    const b = await t.post(
      '/reports',
      reportBody({
        children: [{ fullName: 'Vo Thi Gan', dateOfBirth: '2012-11-20', sex: 'female', residenceAreaCode: '46002' }],
      }),
      hotline,
    );
    const childA = a.body.cases[0].childId;
    const childB = b.body.cases[0].childId;
    expect(childA).not.toBe(childB);
    const pairs = await t.db.query(
      `SELECT child_id::text, candidate_id::text FROM child_possible_duplicates WHERE child_id = $1`,
      [childB],
    );
    expect(pairs).toEqual([{ child_id: childB, candidate_id: childA }]);
  });

  it('answers 400 naming each invalid field, and writes nothing', async () => {
    const before = await Promise.all(['reports', 'cases', 'children', 'audit_log'].map(count));
    const cases = [
      [{ form: 'drowning' }, ['form']],
      [{ fatal: true }, ['fatal']],
      [{ receivedAt: '2099-01-01T00:00:00+07:00' }, ['receivedAt']],
      [{ occurredAt: '2025-06-03T00:00:00+07:00' }, ['occurredAt']],
      [{ channel: 'pigeon' }, ['channel']],
      [{ allegedPerpetrator: 'ghost' }, ['allegedPerpetrator']],
      [{ children: [] }, ['children']],
      [{ children: [{ fullName: 'X', sex: 'male' }] }, ['children[0].dateOfBirth']],
      [
        { children: [{ fullName: 'X', sex: 'other', estimatedAge: 19 }] },
        ['children[0].estimatedAge', 'children[0].sex'],
      ],
      [{ occurredAreaCode: '99999' }, ['occurredAreaCode']],
      [{ occurredAreaCode: '46' }, ['occurredAreaCode']],
      [{ secret: 1 }, ['secret']],
      [{ reporter: { name: 'A' } }, ['reporter.consentToContact']],
    ] as const;
    for (const [override, fields] of cases) {
      const response = await t.post('/reports', reportBody(override as Record<string, unknown>), hotline);
      expect({ override, status: response.status, fields: fieldsOf(response.body) }).toEqual({
        override,
        status: 400,
        fields: [...fields].sort(),
      });
    }
    expect(await Promise.all(['reports', 'cases', 'children', 'audit_log'].map(count))).toEqual(before);
  });

  it('answers 403 for a commune outside the caller’s area', async () => {
    const officer = await t.tokenFor('commune_officer', '46001');
    expect((await t.post('/reports', reportBody({ occurredAreaCode: '46002' }), officer)).status).toBe(403);
    const police = await t.tokenFor('police', '46');
    expect((await t.post('/reports', reportBody({ occurredAreaCode: '48001' }), police)).status).toBe(403);
    expect((await t.post('/reports', reportBody({ occurredAreaCode: '46002' }), police)).status).toBe(201);
  });

  it('is closed to managers, auditors and admins', async () => {
    for (const role of ['manager', 'auditor']) {
      expect((await t.post('/reports', reportBody(), await t.tokenFor(role, 'VN'))).status).toBe(403);
    }
    expect((await t.post('/reports', reportBody(), await t.adminToken())).status).toBe(403);
  });
});

describe('a receipt names only the cases its filer could read before filing', () => {
  /** A child of province 46 whose open case lies in province 48, where it happened. */
  const child = { fullName: 'Hồ Thị Ngoài Tỉnh', dateOfBirth: '2013-07-08', sex: 'female', residenceAreaCode: '46002' };
  const sequence = (receipt: { body: { cases: { caseNumber: string }[] } }) =>
    Number(receipt.body.cases[0].caseNumber.slice(-6));
  const freshChild = (fullName: string) => ({ fullName, estimatedAge: 9, sex: 'male', residenceAreaCode: '46002' });

  it('answers a report about a child whose open case lies outside the filer’s area like one that opened a case', async () => {
    const elsewhere = await t.post('/reports', reportBody({ occurredAreaCode: '48001', children: [child] }), hotline);
    const officer = await t.tokenFor('commune_officer', '46002');
    const file = (children: unknown[]) =>
      t.post('/reports', reportBody({ occurredAreaCode: '46002', children }), officer);
    const before = await file([freshChild('Hồ Văn Trước')]);
    const receipt = await file([child]);
    const after = await file([freshChild('Hồ Văn Sau')]);
    expect(receipt.status).toBe(201);
    expect(receipt.body).toEqual({
      id: expect.any(String),
      cases: [
        { id: expect.any(String), caseNumber: expect.stringMatching(/^46-2025-\d{6}$/), childId: expect.any(String) },
      ],
    });
    // Neither the case's id nor its number: a number of the filer's province, next in its sequence.
    expect(receipt.body.cases[0].id).not.toBe(elsewhere.body.cases[0].id);
    expect(sequence(receipt)).toBe(sequence(before) + 1);
    expect(sequence(after)).toBe(sequence(before) + 2);
    expect((await t.get(`/cases/${receipt.body.cases[0].id}`, officer)).status).toBe(404);
    // Reading the report back tells no more than the receipt did.
    expect((await t.get(`/reports/${receipt.body.id}`, officer)).body.cases).toEqual(receipt.body.cases);
  });

  it('still attaches the report to the child’s open case, which its own area reads', async () => {
    const elsewhere = await t.post(
      '/reports',
      reportBody({ occurredAreaCode: '48001', children: [{ ...child, fullName: 'Hồ Thị Hai Tỉnh' }] }),
      hotline,
    );
    const officer = await t.tokenFor('commune_officer', '46002');
    const receipt = await t.post(
      '/reports',
      reportBody({
        receivedAt: '2025-06-03T08:30:00+07:00',
        occurredAreaCode: '46002',
        children: [{ ...child, fullName: 'Hồ Thị Hai Tỉnh' }],
      }),
      officer,
    );
    expect(receipt.body.cases[0].childId).toBe(elsewhere.body.cases[0].childId);
    const view = await t.get(`/cases/${elsewhere.body.cases[0].id}`, await t.tokenFor('provincial_officer', '48'));
    expect(view.body.reports.map((report: { id: string }) => report.id)).toEqual([elsewhere.body.id, receipt.body.id]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM cases WHERE child_id = $1`, [
      elsewhere.body.cases[0].childId,
    ]);
    expect(n).toBe(1);
  });

  it('names the open case the filer could read', async () => {
    const officer = await t.tokenFor('commune_officer', '46002');
    const known = { ...child, fullName: 'Hồ Thị Trong Xã' };
    const file = () => t.post('/reports', reportBody({ occurredAreaCode: '46002', children: [known] }), officer);
    const first = await file();
    const second = await file();
    expect(second.body.cases).toEqual(first.body.cases);
  });
});

describe('Idempotency-Key', () => {
  it('returns the first response to a retry and creates nothing new', async () => {
    const headers = { 'idempotency-key': 'retry-key-0001' };
    const first = await t.request('POST', '/reports', { token: hotline, body: reportBody(), headers });
    const reports = await count('reports');
    const retry = await t.request('POST', '/reports', { token: hotline, body: reportBody(), headers });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await count('reports')).toBe(reports);
  });

  it('creates one report for two concurrent requests with one key', async () => {
    const before = await count('reports');
    const headers = { 'idempotency-key': 'concurrent-key-0001' };
    const body = reportBody({
      children: [{ fullName: 'Đỗ Song Song', dateOfBirth: '2013-03-03', sex: 'female', residenceAreaCode: '46001' }],
    });
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => t.request('POST', '/reports', { token: hotline, body, headers })),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await count('reports')).toBe(before + 1);
  });

  it('refuses a key reused for a different report with 409', async () => {
    const headers = { 'idempotency-key': 'reused-key-0001' };
    await t.request('POST', '/reports', { token: hotline, body: reportBody(), headers });
    const other = await t.request('POST', '/reports', {
      token: hotline,
      body: reportBody({ form: 'neglect' }),
      headers,
    });
    expect(other.status).toBe(409);
  });
});

describe('case numbers under concurrency', () => {
  it('stay unique and consecutive when many reports arrive at once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.post(
          '/reports',
          reportBody({
            receivedAt: '2024-03-01T08:00:00+07:00',
            occurredAt: undefined,
            children: [{ fullName: `Trẻ Đồng Thời ${i}`, estimatedAge: 10, sex: 'male', residenceAreaCode: '46001' }],
          }),
          hotline,
        ),
      ),
    );
    const numbers = responses.map((r) => r.body.cases[0].caseNumber as string).sort();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `46-2024-${String(i + 1).padStart(6, '0')}`));
  });

  it('are given last in the transaction: the case, its receipt and the commune’s notifications carry the same number', async () => {
    await t.tokenFor('commune_officer', '46001'); // who the commune's report_received goes to
    const filed = await t.post(
      '/reports',
      reportBody({
        receivedAt: '2023-05-01T08:00:00+07:00',
        occurredAt: undefined,
        children: [
          { fullName: 'Trẻ Số Một', estimatedAge: 9, sex: 'male', residenceAreaCode: '46001' },
          { fullName: 'Trẻ Số Hai', estimatedAge: 7, sex: 'female', residenceAreaCode: '46001' },
        ],
      }),
      hotline,
    );
    expect(filed.body.cases.map((c: { caseNumber: string }) => c.caseNumber)).toEqual([
      '46-2023-000001',
      '46-2023-000002',
    ]);
    const stored = (await t.db.query(
      `SELECT c.case_number AS "caseNumber", array_agg(DISTINCT n.case_number) AS told
         FROM cases c JOIN notifications n ON n.case_id = c.id WHERE c.id = ANY($1) GROUP BY 1 ORDER BY 1`,
      [filed.body.cases.map((c: { id: string }) => c.id)],
    )) as { caseNumber: string; told: string[] }[];
    expect(stored).toEqual([
      { caseNumber: '46-2023-000001', told: ['46-2023-000001'] },
      { caseNumber: '46-2023-000002', told: ['46-2023-000002'] },
    ]);
  });
});

describe('GET /reports/{id}', () => {
  it('gives the creator its intake fields back, and audits the read', async () => {
    const created = await t.post('/reports', reportBody(), hotline);
    const response = await t.get(`/reports/${created.body.id}`, hotline);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      channel: 'hotline_111',
      category: 'abuse',
      form: 'violence',
      occurredAreaCode: '46001',
      description: reportBody().description,
      reporter: { name: 'Trần Thị Báo', phone: '0900000001', relationship: 'neighbour', consentToContact: false },
    });
    const [last] = await t.db.query(`SELECT action, subject_id FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(last).toEqual({ action: 'report.read', subject_id: created.body.id });
  });

  it('is a 404 for anyone else, and for a malformed id', async () => {
    const created = await t.post('/reports', reportBody(), hotline);
    const otherOperator = await t.tokenFor('hotline_operator', '46');
    expect((await t.get(`/reports/${created.body.id}`, otherOperator)).status).toBe(404);
    expect((await t.get('/reports/not-a-uuid', hotline)).status).toBe(404);
  });
});

describe('encryption at rest', () => {
  it('keeps names, birth dates, addresses, phones, reporters and descriptions out of the tables in clear', async () => {
    await t.post('/reports', reportBody(), hotline);
    const dump = (
      await t.db.query(`SELECT string_agg(t::text, E'\\n') AS all FROM (
        SELECT row_to_json(c)::text AS t FROM children c UNION ALL SELECT row_to_json(r)::text FROM reports r
        UNION ALL SELECT row_to_json(k)::text FROM cases k UNION ALL SELECT row_to_json(a)::text FROM audit_log a
        UNION ALL SELECT row_to_json(i)::text FROM idempotency_keys i) x`)
    )[0].all as string;
    for (const secret of [
      'Nguyễn Văn Thử',
      'nguyen van thu',
      '2015-03-04',
      'Đường Thử Nghiệm',
      '0900000001',
      'Trần Thị Báo',
      'tiếng trẻ khóc',
    ]) {
      expect(dump).not.toContain(secret);
    }
  });
});
