import { startSmtpReceiver } from './support/receivers';
import { CHANGED_PASSWORD, TestApp, TEST_PASSWORD } from './support/test-app';
import { buildWorld } from './support/world';

/**
 * A password an admin sets (a new user, a reset) goes to the user's email when it has one and the
 * service mails (SMTP_URL): the service makes it, and the admin never sees it. Without an email the
 * admin gives it, as before. Either way the user's sign-in with it says which admin set it, and when.
 */
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
const REFUSED = 'no.such.mailbox@example.vn';

beforeAll(async () => {
  smtp = await startSmtpReceiver((address) => address === REFUSED);
  t = await TestApp.start({ SMTP_URL: smtp.url, NOTIFY_DELIVERY_SECONDS: '0' });
  await buildWorld(t);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const person = (username: string, extra: object = {}) => ({
  username,
  fullName: 'Nguyễn Văn Thư',
  role: 'commune_officer',
  areaCode: '46001',
  ...extra,
});
const patch = async (id: string, body: object) =>
  t.request('PATCH', `/users/${id}`, { token: await t.adminToken(), body });
const exists = async (username: string) =>
  (await t.db.query(`SELECT 1 FROM users WHERE username = $1`, [username])).length > 0;

/** The one-time password of the last mail to `address`, read as the user reads it. */
function mailedPassword(address: string): string {
  const mail = smtp.mails.filter((received) => received.to.includes(address)).at(-1);
  if (!mail) throw new Error(`no mail to ${address}`);
  const password = /(?:Mật khẩu dùng một lần|One-time password): (\S+)/.exec(mail.parsed.text ?? '')?.[1];
  if (!password) throw new Error(`no password in the mail to ${address}: ${mail.parsed.text}`);
  return password;
}

describe('a new user with an email', () => {
  it('gets its one-time password by mail; the admin’s answer shows none', async () => {
    const created = await t.post(
      '/users',
      person('mailed.user', { email: 'mailed.user@example.vn' }),
      await t.adminToken(),
    );
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      username: 'mailed.user',
      role: 'commune_officer',
      areaCode: '46001',
      passwordMailed: true,
    });
    const password = mailedPassword('mailed.user@example.vn');
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(created.text).not.toContain(password);
    const mail = smtp.mails.filter((received) => received.to.includes('mailed.user@example.vn')).at(-1)!;
    expect(mail.parsed.text).toContain('mailed.user');
    const login = await t.post('/auth/login', { username: 'mailed.user', password });
    expect(login.status).toBe(200);
    expect(login.body.passwordChangeRequired).toBe(true);
  });

  it('cannot be given a password the admin chose: 400 on password, and nobody is created', async () => {
    const body = person('chosen.user', { email: 'chosen.user@example.vn', password: TEST_PASSWORD });
    const response = await t.post('/users', body, await t.adminToken());
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'password', message: expect.stringContaining('email') }]);
    expect(await exists('chosen.user')).toBe(false);
  });

  it('is not created when the mail server refuses the mail (503), so no password is lost', async () => {
    const response = await t.post('/users', person('unreachable.user', { email: REFUSED }), await t.adminToken());
    expect(response.status).toBe(503);
    expect(await exists('unreachable.user')).toBe(false);
  });
});

describe('a new user without an email', () => {
  it('gets the password the admin gives, as before', async () => {
    const created = await t.post('/users', person('unmailed.user', { password: TEST_PASSWORD }), await t.adminToken());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'unmailed.user', passwordMailed: false });
    expect((await t.post('/auth/login', { username: 'unmailed.user', password: TEST_PASSWORD })).status).toBe(200);
  });

  it('needs one: 400 on password without it', async () => {
    const response = await t.post('/users', person('passwordless.user'), await t.adminToken());
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'password', message: expect.any(String) }]);
  });
});

describe('a password reset', () => {
  it('of a user with an email is mailed (resetPassword: true): its old tokens die, the mailed password signs in', async () => {
    const admin = await t.adminToken();
    const { id } = (await t.post('/users', person('reset.mailed', { email: 'reset.mailed@example.vn' }), admin)).body;
    const token = await t.signInFirstTime('reset.mailed', mailedPassword('reset.mailed@example.vn'));
    const reset = await patch(id, { resetPassword: true });
    expect(reset.status).toBe(200);
    const password = mailedPassword('reset.mailed@example.vn');
    expect(reset.text).not.toContain(password);
    expect((await t.get('/users/me', token)).status).toBe(401);
    expect((await t.post('/auth/login', { username: 'reset.mailed', password })).body.passwordChangeRequired).toBe(
      true,
    );
  });

  it('of a user with an email takes no password from the admin: 400 on password, nothing changed', async () => {
    const admin = await t.adminToken();
    const { id } = (await t.post('/users', person('reset.refused', { email: 'reset.refused@example.vn' }), admin)).body;
    const own = mailedPassword('reset.refused@example.vn');
    const response = await patch(id, { password: 'known-to-the-admin' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'password', message: expect.stringContaining('resetPassword') }]);
    expect((await t.post('/auth/login', { username: 'reset.refused', password: own })).status).toBe(200);
  });

  it('of a user without an email takes the admin’s password, as before; resetPassword is a 400 there', async () => {
    const id = await t.createUser('reset.unmailed', 'commune_officer', '46001');
    const refused = await patch(id, { resetPassword: true });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'resetPassword', message: expect.stringContaining('email') }]);
    expect((await patch(id, { password: 'known-to-the-admin' })).status).toBe(200);
    expect((await t.post('/auth/login', { username: 'reset.unmailed', password: 'known-to-the-admin' })).status).toBe(
      200,
    );
  });
});

describe('the sign-in with a password an admin set', () => {
  it('says which admin set it and when (passwordSetByAdmin), beside passwordChangeRequired', async () => {
    const before = Date.now();
    await t.createUser('told.user', 'commune_officer', '46001');
    const login = await t.post('/auth/login', { username: 'told.user', password: TEST_PASSWORD });
    expect(login.body).toMatchObject({
      passwordChangeRequired: true,
      passwordSetByAdmin: { by: 'admin', at: expect.any(String) },
    });
    const at = Date.parse(login.body.passwordSetByAdmin.at);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('says it again after a reset by another admin, and no more once the user has chosen its own', async () => {
    const provinceAdmin = await t.tokenFor('admin', '46');
    const [{ username: adminName }] = await t.db.query(
      `SELECT username FROM users WHERE role = 'admin' AND area_code = '46'`,
    );
    const id = await t.createUser('reset.told', 'commune_officer', '46001');
    await t.signInFirstTime('reset.told');
    const own = await t.post('/auth/login', { username: 'reset.told', password: CHANGED_PASSWORD });
    expect(own.body.passwordChangeRequired).toBe(false);
    expect(own.body).not.toHaveProperty('passwordSetByAdmin');
    const reset = await t.request('PATCH', `/users/${id}`, {
      token: provinceAdmin,
      body: { password: 'set-by-the-province' },
    });
    expect(reset.status).toBe(200);
    const login = await t.post('/auth/login', { username: 'reset.told', password: 'set-by-the-province' });
    expect(login.body.passwordSetByAdmin).toEqual({ by: adminName, at: expect.any(String) });
  });
});
