import { TestApp } from './support/test-app';

/**
 * The OpenAPI document tells a client every status a route can answer: probed here from outside,
 * on every operation, with what any client can send — no token, a malformed path, an id far too
 * long. A route that answers a status its operation does not declare fails.
 */
interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}
interface Probe {
  name: string;
  method: string;
  path: string;
  operation: Operation;
}

const A_UUID = '00000000-0000-4000-8000-000000000000';
const MALFORMED = '%zz';
const TOO_LONG = 'a'.repeat(101);

let t: TestApp;
let probes: Probe[];
beforeAll(async () => {
  t = await TestApp.start();
  const document = (await t.get<{ paths: Record<string, Record<string, Operation>> }>('/openapi.json')).body;
  probes = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      name: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      operation,
    })),
  );
});
afterAll(() => t.close());

const withPath = (path: string, value: string) => path.replace(/\{[^}]+\}/g, value);
const takesPath = ({ operation }: Probe) => (operation.parameters ?? []).some((p) => p.in === 'path');

/** Each probe's answer, when it is a status the operation does not declare. */
async function undeclared(list: Probe[], value: string, token?: string): Promise<string[]> {
  const found: string[] = [];
  for (const probe of list) {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    let body: string | undefined;
    if (probe.operation.requestBody) {
      headers['content-type'] = 'application/json';
      body = '{}';
    }
    const response = await fetch(`${t.baseUrl}${withPath(probe.path, value)}`, { method: probe.method, headers, body });
    await response.arrayBuffer();
    if (!(String(response.status) in probe.operation.responses))
      found.push(`${probe.name} answered ${response.status}`);
  }
  return found;
}

describe('every operation answers only the statuses its OpenAPI operation declares', () => {
  it('without a token', async () => {
    expect(await undeclared(probes, A_UUID)).toEqual([]);
  });

  it('with a path that holds a malformed %-escape', async () => {
    const token = await t.adminToken();
    expect(await undeclared(probes.filter(takesPath), MALFORMED, token)).toEqual([]);
  });

  it('with a path id longer than any id', async () => {
    const token = await t.adminToken();
    expect(await undeclared(probes.filter(takesPath), TOO_LONG, token)).toEqual([]);
  });

  it('answers a malformed path as problem+json naming why, with the request id', async () => {
    const token = await t.adminToken();
    const response = await t.get(`/cases/${MALFORMED}`, token);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 400, detail: expect.stringContaining('%-escape') });
    expect(response.body.requestId).toBe(response.headers.get('x-request-id'));
  });
});
