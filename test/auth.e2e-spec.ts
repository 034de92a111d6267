import { createHmac } from 'node:crypto';
import { ADMIN_PASSWORD, CHANGED_PASSWORD, TestApp, TEST_PASSWORD } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(() => t.close());

function forgeToken(header: object, payload: object, secret?: string): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(payload)}`;
  const signature = secret ? createHmac('sha256', secret).update(unsigned).digest('base64url') : '';
  return `${unsigned}.${signature}`;
}

describe('POST /auth/login', () => {
  it('issues a signed bearer token with its lifetime', async () => {
    const response = await t.post('/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 3600,
      passwordChangeRequired: false,
    });
  });

  it('answers 401 problem+json for a wrong password and for an unknown user alike', async () => {
    const wrong = await t.post('/auth/login', { username: 'admin', password: 'not-the-password' });
    const unknown = await t.post('/auth/login', { username: 'nobody-here', password: 'whatever-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('locks a username for 15 minutes after 5 failures, even against the right password', async () => {
    const token = await t.adminToken();
    await t.post(
      '/users',
      { username: 'locked.user', password: 'right-password-123', fullName: 'L U', role: 'auditor', areaCode: 'VN' },
      token,
    );
    for (let i = 0; i < 5; i++) {
      expect((await t.post('/auth/login', { username: 'locked.user', password: `wrong-${i}` })).status).toBe(401);
    }
    const locked = await t.post('/auth/login', { username: 'locked.user', password: 'right-password-123' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    // Another username is not affected.
    expect((await t.post('/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);
  });

  it('counts concurrent failures: ten at once lock the username', async () => {
    await t.post(
      '/users',
      { username: 'burst.user', password: 'right-password-123', fullName: 'B U', role: 'auditor', areaCode: 'VN' },
      await t.adminToken(),
    );
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.post('/auth/login', { username: 'burst.user', password: `wrong-${i}` })),
    );
    expect((await t.post('/auth/login', { username: 'burst.user', password: 'right-password-123' })).status).toBe(429);
  });

  it('counts attempts atomically: of 30 at once at most 5 reach argon2, and the right password then gets 429', async () => {
    await t.post(
      '/users',
      { username: 'spray.user', password: 'right-password-123', fullName: 'S U', role: 'auditor', areaCode: 'VN' },
      await t.adminToken(),
    );
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => t.post('/auth/login', { username: 'spray.user', password: `wrong-${i}` })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM audit_log WHERE action = 'auth.login_failed' AND username = 'spray.user'`,
    );
    expect(count).toBe(5);
    const right = await t.post('/auth/login', { username: 'spray.user', password: 'right-password-123' });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
  });

  it('rejects a body with unknown fields or missing fields with 400 naming them', async () => {
    const response = await t.post('/auth/login', { username: 'admin', password: ADMIN_PASSWORD, remember: true });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'remember', message: expect.any(String) }]);
    const missing = await t.post('/auth/login', { username: 'admin' });
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('password');
  });
});

describe('bearer tokens', () => {
  it('lets a valid token through to GET /users/me', async () => {
    const response = await t.get('/users/me', await t.adminToken());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: expect.any(String),
      username: 'admin',
      fullName: 'System administrator',
      role: 'admin',
      areaCode: 'VN',
      email: null,
    });
  });

  it('answers 401 without a token', async () => {
    const response = await t.get('/users/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers 401 for a tampered token', async () => {
    const token = await t.adminToken();
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86400 })).toString('base64url')}.${signature}`;
    expect((await t.get('/users/me', tampered)).status).toBe(401);
  });

  it('answers 401 for an alg:none token', async () => {
    const me = await t.get('/users/me', await t.adminToken());
    const none = forgeToken({ alg: 'none', typ: 'JWT' }, { sub: me.body.id, exp: Math.floor(Date.now() / 1000) + 600 });
    expect((await t.get('/users/me', none)).status).toBe(401);
  });

  it('answers 401 for an expired token, even correctly signed', async () => {
    const me = await t.get('/users/me', await t.adminToken());
    const now = Math.floor(Date.now() / 1000);
    const expired = forgeToken(
      { alg: 'HS256', typ: 'JWT' },
      { sub: me.body.id, iat: now - 7200, exp: now - 3600 },
      t.config.jwtSecret,
    );
    const fresh = forgeToken(
      { alg: 'HS256', typ: 'JWT' },
      { sub: me.body.id, tv: 0, iat: now, exp: now + 600 },
      t.config.jwtSecret,
    );
    expect((await t.get('/users/me', expired)).status).toBe(401);
    expect((await t.get('/users/me', fresh)).status).toBe(200);
  });

  it('answers 401 for a well-signed token without exp, without iat or without a token version', async () => {
    const me = await t.get('/users/me', await t.adminToken());
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: object) =>
      forgeToken({ alg: 'HS256', typ: 'JWT' }, { sub: me.body.id, ...claims }, t.config.jwtSecret);
    expect((await t.get('/users/me', sign({ tv: 0, iat: now }))).status).toBe(401);
    expect((await t.get('/users/me', sign({ tv: 0, exp: now + 600 }))).status).toBe(401);
    expect((await t.get('/users/me', sign({ iat: now, exp: now + 600 }))).status).toBe(401);
    expect((await t.get('/users/me', sign({ tv: '0', iat: now, exp: now + 600 }))).status).toBe(401);
  });
});

describe('POST /users', () => {
  it('creates a user with a role and area, and 409 on a duplicate username', async () => {
    const token = await t.adminToken();
    const body = {
      username: 'officer.a',
      password: 'officer-password-1',
      fullName: 'Officer A',
      role: 'manager',
      areaCode: 'VN',
    };
    const created = await t.post('/users', body, token);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      username: 'officer.a',
      role: 'manager',
      areaCode: 'VN',
      passwordMailed: false,
    });
    expect((await t.post('/users', { ...body, username: 'OFFICER.A' }, token)).status).toBe(409);
  });

  it('refuses passwords shorter than 12 characters, unknown roles and unknown areas with 400', async () => {
    const token = await t.adminToken();
    const response = await t.post(
      '/users',
      { username: 'short.pw', password: 'elevenchars', fullName: 'S', role: 'wizard', areaCode: 'VN' },
      token,
    );
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['password', 'role']);
    const area = await t.post(
      '/users',
      { username: 'no.area', password: 'long-enough-pass', fullName: 'N', role: 'auditor', areaCode: 'ZZ99' },
      token,
    );
    expect(area.status).toBe(400);
    expect(area.body.errors).toEqual([{ field: 'areaCode', message: expect.stringContaining('ZZ99') }]);
  });

  it('is for admins only: other roles get 403', async () => {
    const auditor = await t.tokenFor('auditor');
    const response = await t.post(
      '/users',
      { username: 'x.y.z', password: 'long-enough-pass', fullName: 'X', role: 'auditor', areaCode: 'VN' },
      auditor,
    );
    expect(response.status).toBe(403);
  });

  it('stores an argon2id hash, never the password', async () => {
    const body = {
      username: 'hashed.user',
      password: 'hashed-password-1',
      fullName: 'Hashed User',
      role: 'manager',
      areaCode: 'VN',
    };
    expect((await t.post('/users', body, await t.adminToken())).status).toBe(201);
    const [row] = await t.db.query(`SELECT password_hash FROM users WHERE username = 'hashed.user'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('hashed-password-1');
  });
});

describe("a user's email (where notifications are mailed)", () => {
  const user = (username: string, email?: unknown) => ({
    username,
    password: 'mailing-password-1',
    fullName: 'Mail User',
    role: 'manager',
    areaCode: 'VN',
    ...(email === undefined ? {} : { email }),
  });

  it('is given at creation, shown in GET /users/me and the user list, and kept encrypted', async () => {
    const admin = await t.adminToken();
    const created = await t.post('/users', user('mail.user', 'mail.user@example.vn'), admin);
    expect(created.status).toBe(201);
    const token = await t.signInFirstTime('mail.user', 'mailing-password-1');
    expect((await t.get('/users/me', token)).body).toMatchObject({
      username: 'mail.user',
      email: 'mail.user@example.vn',
    });
    const listed = await t.get('/users?role=manager', admin);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ username: 'mail.user', email: 'mail.user@example.vn' }),
    );
    const [row] = await t.db.query(`SELECT email_enc FROM users WHERE id = $1`, [created.body.id]);
    expect(row.email_enc).toEqual(expect.any(String));
    expect(row.email_enc).not.toContain('example.vn');
  });

  it('is changed by PATCH /users/{id}, kept when not sent, and removed with null', async () => {
    const admin = await t.adminToken();
    const { body } = await t.post('/users', user('mail.change', 'first@example.vn'), admin);
    const patch = (change: object) => t.request('PATCH', `/users/${body.id}`, { token: admin, body: change });
    expect((await patch({ email: 'second@example.vn' })).body).toMatchObject({ email: 'second@example.vn' });
    expect((await patch({ fullName: 'Renamed' })).body).toMatchObject({ email: 'second@example.vn' });
    expect((await patch({ email: null })).body).toMatchObject({ email: null });
  });

  it('must be one email address: 400 on email otherwise, and nothing is created', async () => {
    const admin = await t.adminToken();
    for (const email of ['not-an-address', 'a@b@example.vn', `${'x'.repeat(250)}@example.vn`, 42]) {
      const response = await t.post('/users', user('mail.bad', email), admin);
      expect(response.status).toBe(400);
      expect(new Set(response.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['email']));
    }
    expect(await t.db.query(`SELECT 1 FROM users WHERE username = 'mail.bad'`)).toEqual([]);
  });
});

describe('POST /auth/logout', () => {
  it('ends the token it carries: 204, then that token answers 401 at once, and a new sign-in works', async () => {
    await t.createUser('leaving.for.lunch', 'auditor');
    const token = await t.signInFirstTime('leaving.for.lunch');
    expect((await t.get('/users/me', token)).status).toBe(200); // the signed-in user is now cached
    const logout = await t.post('/auth/logout', undefined, token);
    expect(logout.status).toBe(204);
    expect(logout.text).toBe('');
    expect((await t.get('/users/me', token)).status).toBe(401);
    expect((await t.post('/auth/logout', undefined, token)).status).toBe(401);
    expect((await t.get('/users/me', await t.login('leaving.for.lunch', CHANGED_PASSWORD))).status).toBe(200);
  });

  it('ends a token still bound to a one-time password too', async () => {
    await t.createUser('never.changed', 'auditor');
    const token = await t.login('never.changed', TEST_PASSWORD);
    expect((await t.post('/auth/logout', undefined, token)).status).toBe(204);
    const change = { currentPassword: TEST_PASSWORD, newPassword: CHANGED_PASSWORD };
    expect((await t.post('/auth/password', change, token)).status).toBe(401);
  });

  it('answers 401 without a token', async () => {
    expect((await t.post('/auth/logout', undefined)).status).toBe(401);
  });
});

describe('PATCH /users/{id}', () => {
  it('deactivates a user: its token stops working at once, and so does its password', async () => {
    const admin = await t.adminToken();
    const created = await t.post(
      '/users',
      { username: 'leaving.user', password: 'leaving-password-1', fullName: 'L', role: 'auditor', areaCode: 'VN' },
      admin,
    );
    const token = await t.signInFirstTime('leaving.user', 'leaving-password-1');
    expect((await t.get('/users/me', token)).status).toBe(200);
    const changed = await t.request('PATCH', `/users/${created.body.id}`, { token: admin, body: { active: false } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ username: 'leaving.user', active: false });
    expect((await t.get('/users/me', token)).status).toBe(401);
    expect((await t.post('/auth/login', { username: 'leaving.user', password: CHANGED_PASSWORD })).status).toBe(401);
  });

  it('kills the tokens issued before an admin resets the password', async () => {
    const admin = await t.adminToken();
    const id = await t.createUser('reset.user', 'auditor');
    const token = await t.signInFirstTime('reset.user');
    expect((await t.get('/users/me', token)).status).toBe(200);
    const reset = await t.request('PATCH', `/users/${id}`, { token: admin, body: { password: 'reset-by-admin-123' } });
    expect(reset.status).toBe(200);
    expect((await t.get('/users/me', token)).status).toBe(401);
  });

  it('keeps the tokens issued before a deactivation dead after the user is reactivated', async () => {
    const admin = await t.adminToken();
    const id = await t.createUser('returning.user', 'auditor');
    const token = await t.signInFirstTime('returning.user');
    expect((await t.request('PATCH', `/users/${id}`, { token: admin, body: { active: false } })).status).toBe(200);
    expect((await t.request('PATCH', `/users/${id}`, { token: admin, body: { active: true } })).status).toBe(200);
    expect((await t.get('/users/me', token)).status).toBe(401);
    expect((await t.get('/users/me', await t.login('returning.user', CHANGED_PASSWORD))).status).toBe(200);
  });

  it('changes a role and a password, and audits it without the password', async () => {
    const admin = await t.adminToken();
    const created = await t.post(
      '/users',
      { username: 'moving.user', password: 'moving-password-1', fullName: 'M', role: 'auditor', areaCode: 'VN' },
      admin,
    );
    const changed = await t.request('PATCH', `/users/${created.body.id}`, {
      token: admin,
      body: { role: 'manager', password: 'a-new-password-22' },
    });
    expect(changed.body).toMatchObject({ role: 'manager', active: true });
    expect((await t.post('/auth/login', { username: 'moving.user', password: 'a-new-password-22' })).status).toBe(200);
    const [row] = await t.db.query(
      `SELECT details::text FROM audit_log WHERE action = 'user.update' AND subject_id = $1`,
      [created.body.id],
    );
    expect(row.details).toContain('password');
    expect(row.details).not.toContain('a-new-password-22');
  });

  it('keeps an admin from deactivating itself (409) and answers 404 for unknown users, 400 for bad fields', async () => {
    const admin = await t.adminToken();
    const me = await t.get('/users/me', admin);
    expect((await t.request('PATCH', `/users/${me.body.id}`, { token: admin, body: { active: false } })).status).toBe(
      409,
    );
    expect(
      (
        await t.request('PATCH', '/users/00000000-0000-4000-8000-000000000000', {
          token: admin,
          body: { active: false },
        })
      ).status,
    ).toBe(404);
    const bad = await t.request('PATCH', `/users/${me.body.id}`, {
      token: admin,
      body: { password: 'short', username: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['password', 'username']);
  });
});
