import { TestApp } from './support/test-app';

/** Its own app: the other test files run with a limit high enough for their many logins. */
let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start({ LOGIN_RATE_LIMIT: '3' });
});
afterAll(() => t.close());

describe('login throttle per client address', () => {
  it('answers 429 problem+json with Retry-After beyond LOGIN_RATE_LIMIT logins a minute, whatever the username or X-Forwarded-For', async () => {
    for (let i = 0; i < 3; i++) {
      const response = await t.request('POST', '/auth/login', {
        body: { username: `sprayed.${i}`, password: 'some-guess-1234' },
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
      expect(response.status).toBe(401);
    }
    const refused = await t.request('POST', '/auth/login', {
      body: { username: 'sprayed.9', password: 'some-guess-1234' },
      headers: { 'x-forwarded-for': '198.51.100.7' },
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      type: 'urn:problem-type:too-many-requests',
      status: 429,
      instance: '/api/v1/auth/login',
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('throttles only the login: other routes answer as usual', async () => {
    expect((await t.get('/health')).status).toBe(200);
    expect((await t.get('/users/me')).status).toBe(401);
  });
});
