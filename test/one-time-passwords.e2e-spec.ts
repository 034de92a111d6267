import { ADMIN_PASSWORD, CHANGED_PASSWORD, TEST_PASSWORD, TestApp } from './support/test-app';
import { buildWorld } from './support/world';

/**
 * A password an admin sets (a new user, a reset) is one-time: the admin who knows it cannot use
 * it to reach what the user may reach, because its first use must choose a new one.
 */
let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
});
afterAll(() => t.close());

const CHANGE_REQUIRED = 'urn:problem-type:password-change-required';

async function firstLogin(username: string, password = TEST_PASSWORD) {
  const response = await t.post('/auth/login', { username, password });
  expect(response.status).toBe(200);
  return response;
}

describe('a password set by an admin', () => {
  it('lets its user sign in only to choose a new password: every other route is 403 password-change-required', async () => {
    await t.createUser('province.officer', 'provincial_officer', '46');
    const login = await firstLogin('province.officer');
    expect(login.body.passwordChangeRequired).toBe(true);
    const token = login.body.accessToken;
    for (const path of ['/cases', '/users/me', '/deadlines']) {
      const refused = await t.get(path, token);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ type: CHANGE_REQUIRED, status: 403, title: 'Password change required' });
    }
  });

  it('opens the account once the user has set its own, and ends the one-time token', async () => {
    await t.createUser('new.officer', 'commune_officer', '46001');
    const oneTime = (await firstLogin('new.officer')).body.accessToken;
    const changed = await t.post(
      '/auth/password',
      { currentPassword: TEST_PASSWORD, newPassword: CHANGED_PASSWORD },
      oneTime,
    );
    expect(changed.status).toBe(204);
    expect(changed.text).toBe('');
    expect((await t.get('/users/me', oneTime)).status).toBe(401);
    expect((await t.post('/auth/login', { username: 'new.officer', password: TEST_PASSWORD })).status).toBe(401);
    const login = await firstLogin('new.officer', CHANGED_PASSWORD);
    expect(login.body.passwordChangeRequired).toBe(false);
    expect((await t.get('/cases', login.body.accessToken)).status).toBe(200);
  });

  it('is one-time again after an admin resets it: the admin cannot sign in as the user', async () => {
    const id = await t.createUser('reset.officer', 'commune_officer', '46001');
    const ownToken = await t.signInFirstTime('reset.officer');
    const reset = await t.request('PATCH', `/users/${id}`, {
      token: await t.adminToken(),
      body: { password: 'known-to-the-admin' },
    });
    expect(reset.status).toBe(200);
    expect((await t.get('/cases', ownToken)).status).toBe(401);
    const asAdmin = await firstLogin('reset.officer', 'known-to-the-admin');
    expect(asAdmin.body.passwordChangeRequired).toBe(true);
    expect((await t.get('/cases', asAdmin.body.accessToken)).body.type).toBe(CHANGE_REQUIRED);
  });

  it('keeps an admin from setting its own password through PATCH /users (409): it uses POST /auth/password', async () => {
    const admin = await t.adminToken();
    const me = await t.get('/users/me', admin);
    const response = await t.request('PATCH', `/users/${me.body.id}`, {
      token: admin,
      body: { password: 'my-own-new-password' },
    });
    expect(response.status).toBe(409);
  });
});

describe('POST /auth/password', () => {
  it('answers 400 on currentPassword when it is wrong, and counts it toward the lockout', async () => {
    await t.createUser('guessing.user', 'auditor');
    const token = (await firstLogin('guessing.user')).body.accessToken;
    for (let i = 0; i < 5; i++) {
      const wrong = await t.post(
        '/auth/password',
        { currentPassword: `not-it-${i}-xxxxx`, newPassword: CHANGED_PASSWORD },
        token,
      );
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([{ field: 'currentPassword', message: expect.any(String) }]);
    }
    const locked = await t.post(
      '/auth/password',
      { currentPassword: TEST_PASSWORD, newPassword: CHANGED_PASSWORD },
      token,
    );
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect((await t.post('/auth/login', { username: 'guessing.user', password: TEST_PASSWORD })).status).toBe(429);
  });

  it('answers 400 on newPassword when it is shorter than 12 characters or the same as the current one', async () => {
    await t.createUser('lazy.user', 'auditor');
    const token = (await firstLogin('lazy.user')).body.accessToken;
    const short = await t.post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' }, token);
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([{ field: 'newPassword', message: expect.stringContaining('12') }]);
    const same = await t.post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, token);
    expect(same.status).toBe(400);
    expect(same.body.errors).toEqual([{ field: 'newPassword', message: expect.any(String) }]);
    const missing = await t.post('/auth/password', { newPassword: CHANGED_PASSWORD, extra: 1 }, token);
    expect(new Set(missing.body.errors.map((e: { field: string }) => e.field))).toEqual(
      new Set(['currentPassword', 'extra']),
    );
  });

  it('lets a user change its own password at any time: the tokens issued before are dead', async () => {
    await t.createUser('careful.user', 'auditor');
    const token = await t.signInFirstTime('careful.user');
    const changed = await t.post(
      '/auth/password',
      { currentPassword: CHANGED_PASSWORD, newPassword: 'yet-another-password' },
      token,
    );
    expect(changed.status).toBe(204);
    expect((await t.get('/users/me', token)).status).toBe(401);
    expect((await t.get('/users/me', await t.login('careful.user', 'yet-another-password'))).status).toBe(200);
  });

  it('needs a token', async () => {
    expect(
      (await t.post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: CHANGED_PASSWORD })).status,
    ).toBe(401);
  });
});

describe('the audit log of user changes', () => {
  it('names who created, changed, reset, deactivated and who changed its own password', async () => {
    const admin = await t.adminToken();
    const id = await t.createUser('audited.account', 'auditor');
    await t.signInFirstTime('audited.account');
    const patch = (body: object) => t.request('PATCH', `/users/${id}`, { token: admin, body });
    expect((await patch({ role: 'manager' })).status).toBe(200);
    expect((await patch({ password: 'reset-password-12' })).status).toBe(200);
    expect((await patch({ active: false })).status).toBe(200);
    const rows = await t.db.query(
      `SELECT action, username, role, details->>'changed' AS changed FROM audit_log WHERE subject_id = $1 AND action LIKE 'user.%' ORDER BY id`,
      [id],
    );
    expect(rows).toEqual([
      { action: 'user.create', username: 'admin', role: 'admin', changed: null },
      { action: 'user.password_change', username: 'audited.account', role: 'auditor', changed: null },
      { action: 'user.update', username: 'admin', role: 'admin', changed: 'role' },
      { action: 'user.update', username: 'admin', role: 'admin', changed: 'password' },
      { action: 'user.update', username: 'admin', role: 'admin', changed: 'active' },
    ]);
  });
});

describe('the first admin', () => {
  it('keeps ADMIN_PASSWORD as the operator chose it, but makes a generated (printed) password one-time', async () => {
    expect((await firstLogin('admin', ADMIN_PASSWORD)).body.passwordChangeRequired).toBe(false);
    const generated = await TestApp.start({ ADMIN_PASSWORD: '' });
    try {
      const password = generated.firstAdmin!.generatedPassword!;
      const login = await generated.post('/auth/login', { username: 'admin', password });
      expect(login.body.passwordChangeRequired).toBe(true);
      expect((await generated.get('/users/me', login.body.accessToken)).body.type).toBe(CHANGE_REQUIRED);
    } finally {
      await generated.close();
    }
  });
});
