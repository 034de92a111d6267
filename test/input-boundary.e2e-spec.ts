import { statusForHeadOnly } from './support/raw-http';
import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';

/** What a client can send at the edge: body sizes and media types, nesting, field names, long values. */
let t: TestApp;
let admin: string;
let hotline: string;
let officer: string;
beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  admin = await t.adminToken();
  hotline = await t.tokenFor('hotline_operator', 'VN');
  officer = await t.tokenFor('commune_officer', '46001');
});
afterAll(() => t.close());

const MiB = 1024 * 1024;
const AREA_HEADER = 'code,name,level,parent_code,valid_from,valid_to,successor_code';

function expectProblem(response: { status: number; headers: Headers; body: any }, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body.status).toBe(status);
}

describe('Body sizes and media types', () => {
  it('refuses a CSV body on a route that imports no CSV with 415, before reading it', async () => {
    const head = { 'content-type': 'text/csv', 'content-length': String(45 * MiB) };
    await expect(statusForHeadOnly(t.baseUrl, 'POST', '/api/v1/auth/login', head)).resolves.toBe(415);
    await expect(statusForHeadOnly(t.baseUrl, 'POST', '/api/v1/reports', head)).resolves.toBe(415);
    const small = await t.request('POST', '/areas', {
      token: admin,
      raw: { contentType: 'text/csv', data: `${AREA_HEADER}\nZ1,Xã,commune,46,,,\n` },
    });
    expectProblem(small, 415);
  });

  it('refuses text/plain on every route with 415', async () => {
    expectProblem(await t.request('POST', '/auth/login', { raw: { contentType: 'text/plain', data: 'admin' } }), 415);
    expectProblem(
      await t.request('POST', '/areas/import', {
        token: admin,
        raw: { contentType: 'text/plain', data: `${AREA_HEADER}\n` },
      }),
      415,
    );
  });

  it('limits the login body to a few KiB (413), refusing a longer one from its Content-Length', async () => {
    const long = await t.post('/auth/login', { username: 'admin', password: 'x'.repeat(8 * 1024) });
    expectProblem(long, 413);
    const head = { 'content-type': 'application/json', 'content-length': String(45 * MiB) };
    await expect(statusForHeadOnly(t.baseUrl, 'POST', '/api/v1/auth/login', head)).resolves.toBe(413);
  });

  it('limits other JSON bodies to 1 MiB (413)', async () => {
    const big = await t.post('/reports', reportBody({ description: 'x'.repeat(2 * MiB) }), hotline);
    expectProblem(big, 413);
    const head = {
      'content-type': 'application/json',
      'content-length': String(2 * MiB),
      authorization: `Bearer ${hotline}`,
    };
    await expect(statusForHeadOnly(t.baseUrl, 'POST', '/api/v1/reports', head)).resolves.toBe(413);
  });

  it('still imports a 5 MB CSV of areas', async () => {
    const rows = `${AREA_HEADER}\nBIG1,Xã Lớn,commune,46,,,\n`;
    // Blank lines are skipped by the reader: the size is what this test is about.
    const data = rows + '\n'.repeat(5 * 1000 * 1000 - rows.length);
    const response = await t.request('POST', '/areas/import', { token: admin, raw: { contentType: 'text/csv', data } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ created: 1, updated: 0 });
  });

  it('still takes a population upsert as JSON larger than 1 MiB', async () => {
    const rows = [];
    for (const areaCode of ['46001', '46002', '46003']) {
      for (let year = 1901; year <= 2100; year++) {
        for (const sex of ['male', 'female'])
          for (let age = 0; age < 18; age++) rows.push({ areaCode, year, sex, age, count: 1000 + age });
      }
    }
    expect(JSON.stringify(rows).length).toBeGreaterThan(1.2 * MiB);
    const response = await t.put('/population', rows, admin);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ upserted: rows.length });
  });
});

describe('Nesting depth', () => {
  const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

  it('answers JSON nested 5,000 levels deep with 400 naming the field, and 1,500 levels on /auth/login too', async () => {
    // 1,500 levels fit in the few KiB a login body may have.
    const login = await t.request('POST', '/auth/login', {
      raw: { contentType: 'application/json', data: `{"username":${deep(1500)},"password":"x"}` },
    });
    expectProblem(login, 400);
    expect(login.body.errors).toEqual([
      { field: expect.stringMatching(/^username\[0\]/), message: 'is nested more than 32 levels deep' },
    ]);
    const report = await t.request('POST', '/reports', {
      token: hotline,
      raw: {
        contentType: 'application/json',
        data: JSON.stringify(reportBody()).replace('"fullName"', `"extra":${deep(5000)},"fullName"`),
      },
    });
    expectProblem(report, 400);
  });

  it('answers a deep top-level array on a list body (holidays) with 400', async () => {
    const response = await t.request('PUT', '/calendar/holidays', {
      token: admin,
      raw: { contentType: 'application/json', data: deep(5000) },
    });
    expectProblem(response, 400);
  });
});

describe('Field names that are not data', () => {
  it('answers a child field named constructor with 400 naming children[0].constructor', async () => {
    const body = reportBody();
    const response = await t.post(
      '/reports',
      { ...body, children: [{ ...body.children[0], constructor: '-0' }] },
      hotline,
    );
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([{ field: 'children[0].constructor', message: 'is not an accepted field' }]);
  });

  it('answers __proto__ and prototype at any depth with 400 naming the field', async () => {
    const login = await t.request('POST', '/auth/login', {
      raw: { contentType: 'application/json', data: '{"username":"admin","password":"x","__proto__":{"admin":true}}' },
    });
    expectProblem(login, 400);
    expect(login.body.errors).toEqual([{ field: '__proto__', message: 'is not an accepted field' }]);
    const report = await t.post(
      '/reports',
      reportBody({ reporter: { consentToContact: false, prototype: {} } }),
      hotline,
    );
    expectProblem(report, 400);
    expect(report.body.errors).toEqual([{ field: 'reporter.prototype', message: 'is not an accepted field' }]);
    const holidays = await t.request('PUT', '/calendar/holidays', {
      token: admin,
      raw: {
        contentType: 'application/json',
        data: '[{"date":"2030-01-01","name":"x","constructor":{"prototype":1}}]',
      },
    });
    expectProblem(holidays, 400);
    expect(holidays.body.errors).toEqual(
      expect.arrayContaining([{ field: '[0].constructor', message: 'is not an accepted field' }]),
    );
  });

  it('answers prototype keys in a query string with 400, not 500', async () => {
    for (const [path, token] of [
      ['/cases?constructor=x', officer],
      ['/cases?__proto__=x', officer],
      ['/users?prototype=x', admin],
      ['/areas?constructor=x', admin],
      ['/codes?__proto__=x', undefined],
    ] as const) {
      const response = await t.get(path, token);
      expectProblem(response, 400);
      expect(response.body.errors).toEqual([
        { field: path.split('?')[1].split('=')[0], message: 'is not an accepted field' },
      ]);
    }
  });

  it('answers other names of Object.prototype as fields with 400, never 500', async () => {
    for (const name of ['hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', '__defineGetter__']) {
      const body = reportBody();
      const response = await t.post(
        '/reports',
        { ...body, [name]: '-0', children: [{ ...body.children[0], [name]: 1 }] },
        hotline,
      );
      expectProblem(response, 400);
      const query = await t.get(`/cases?${name}=x`, officer);
      expectProblem(query, 400);
    }
  });
});

describe('Long values', () => {
  it('answers a 900 kB form with a short 400 that does not echo it', async () => {
    const response = await t.post('/reports', reportBody({ form: 'v'.repeat(900 * 1000) }), hotline);
    expectProblem(response, 400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('form');
    expect(response.text.length).toBeLessThan(4000);
  });

  it('answers a very long unknown field name with a short 400', async () => {
    const response = await t.post('/auth/login', { username: 'admin', password: 'x', ['k'.repeat(3000)]: 1 });
    expectProblem(response, 400);
    expect(response.text.length).toBeLessThan(2000);
  });

  it('answers long values in every free-text field with a short 400 naming the field', async () => {
    const long = 'é'.repeat(12000);
    const response = await t.post(
      '/reports',
      reportBody({
        description: long,
        children: [{ fullName: long, sex: 'male', estimatedAge: 3, address: long }],
        reporter: { name: long, relationship: long, consentToContact: false },
      }),
      hotline,
    );
    expectProblem(response, 400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['children[0].address', 'children[0].fullName', 'description', 'reporter.name', 'reporter.relationship'].sort(),
    );
    expect(response.text.length).toBeLessThan(4000);
  });
});

describe('Requests the HTTP parser refuses', () => {
  it('answers a query string too long for the HTTP parser with 431 problem+json', async () => {
    const response = await t.get(`/cases?childName=${'k'.repeat(20_000)}`, officer);
    expectProblem(response, 431);
  });
});

describe('Values the database could not store', () => {
  it('answers the NUL character in a name, a login or a CSV cell with 400 naming the field, not 500', async () => {
    const holiday = await t.put('/calendar/holidays', [{ date: '2031-01-01', name: 'a\u0000b' }], admin);
    expectProblem(holiday, 400);
    expect(holiday.body.errors).toEqual([{ field: '[0].name', message: 'must not contain the character U+0000' }]);
    expectProblem(await t.post('/auth/login', { username: '\u0000', password: 'x' }), 400);
    expectProblem(
      await t.post(
        '/users',
        { username: 'nul.user', password: 'a-long-test-password', fullName: '\u0000', role: 'manager', areaCode: '46' },
        admin,
      ),
      400,
    );
    const csv = await t.request('POST', '/areas/import', {
      token: admin,
      raw: { contentType: 'text/csv', data: `${AREA_HEADER}\nNUL1,Xã\u0000,commune,46,,,\n` },
    });
    expectProblem(csv, 400);
  });

  it('answers a target value written in exponent form (6e-323) with 400, not 500', async () => {
    const response = await t.put(
      '/statistics/targets',
      { indicator: 'injury', areaCode: '46', year: 2025, value: 6e-323, kind: 'max' },
      admin,
    );
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([
      { field: 'value', message: 'value must be a number with at most one decimal per 100,000 (four in per cent)' },
    ]);
  });
});
