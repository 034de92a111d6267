import { TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(() => t.close());

const problemJson = 'application/problem+json';

describe('HTTP conventions', () => {
  it('GET /health answers {"status":"ok"} when the database answers', async () => {
    const response = await t.get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('puts the server’s own request id on every response, whatever id the caller sent', async () => {
    const generated = await t.get('/health');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await t.request('GET', '/health', { headers: { 'x-request-id': 'client-trace-0001' } });
    expect(given.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = await t.request('GET', '/health', { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(hostile.headers.get('x-request-id')).not.toContain(' ');
  });

  it('sends security headers', async () => {
    const response = await t.get('/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
  });

  it('serves the OpenAPI document and the interactive docs', async () => {
    const document = await t.get('/openapi.json');
    expect(document.status).toBe(200);
    expect(document.body.openapi).toMatch(/^3\./);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users/me']),
    );
    const docs = await fetch(`${t.baseUrl}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const response = await t.request('POST', '/auth/login', {
      raw: { contentType: 'application/json', data: '{"username": "admin",' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain(problemJson);
    expect(response.body).toMatchObject({
      type: expect.any(String),
      title: 'Invalid request',
      status: 400,
      detail: expect.any(String),
    });
  });

  it('answers an unsupported content type with 415 problem+json', async () => {
    const response = await t.request('POST', '/auth/login', {
      raw: { contentType: 'application/xml', data: '<login/>' },
    });
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toContain(problemJson);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await t.get('/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain(problemJson);
    expect(response.body.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('never puts a stack trace or SQL in a response', async () => {
    const token = await t.adminToken();
    const responses = await Promise.all([
      t.request('POST', '/users', { token, raw: { contentType: 'application/json', data: '[1,2' } }),
      t.get('/audit?cursor=%27%3BDROP', token),
      t.get('/users?limit=100000', token),
    ]);
    for (const response of responses) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.text).not.toMatch(/\bat \S+ \(|SELECT |INSERT |node_modules/);
    }
  });

  it('rejects list limits above 200 with 400 naming limit', async () => {
    const response = await t.get('/users?limit=201', await t.adminToken());
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'limit', message: expect.any(String) }]);
  });
});
