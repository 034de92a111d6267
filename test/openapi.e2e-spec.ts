import { TestApp } from './support/test-app';

/**
 * The OpenAPI document describes every response: a route added without its response DTOs, its
 * problem responses or its security fails here.
 */
interface Schema {
  $ref?: string;
  type?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}
interface Operation {
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const PUBLIC = ['POST /api/v1/auth/login', 'GET /api/v1/health', 'GET /api/v1/codes'];
const PROBLEM_REF = '#/components/schemas/ProblemDto';

let t: TestApp;
let document: Document;
let operations: { name: string; operation: Operation }[];
beforeAll(async () => {
  t = await TestApp.start();
  document = (await t.get<Document>('/openapi.json')).body;
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
  );
});
afterAll(() => t.close());

const statuses = (operation: Operation) => Object.keys(operation.responses);
/** Operations that lack one of `wanted` statuses, with what they lack. */
const lacking = (list: typeof operations, wanted: string[]) =>
  list.flatMap(({ name, operation }) =>
    wanted.filter((status) => !operation.responses[status]).map((status) => `${name} ${status}`),
  );

describe('the OpenAPI document', () => {
  it('lists the routes', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it('gives every operation a 2xx response with a schema for each media type, or an explicit 204', () => {
    const undescribed = operations.flatMap(({ name, operation }) => {
      const success = statuses(operation).filter((status) => status.startsWith('2'));
      if (success.length === 0) return [`${name}: no 2xx`];
      return success.flatMap((status) => {
        const content = operation.responses[status].content;
        if (status === '204') return content ? [`${name} 204 has a body`] : [];
        if (!content || Object.keys(content).length === 0) return [`${name} ${status}: no content`];
        return Object.entries(content)
          .filter(([, media]) => !media.schema)
          .map(([type]) => `${name} ${status} ${type}: no schema`);
      });
    });
    expect(undescribed).toEqual([]);
  });

  it('serves every error response as problem+json', () => {
    const wrong = operations.flatMap(({ name, operation }) =>
      statuses(operation)
        .filter((status) => /^[45]/.test(status))
        .filter((status) => {
          const content = operation.responses[status].content ?? {};
          return (
            Object.keys(content).join() !== 'application/problem+json' ||
            content['application/problem+json'].schema?.$ref !== PROBLEM_REF
          );
        })
        .map((status) => `${name} ${status}`),
    );
    expect(wrong).toEqual([]);
  });

  it('opens only sign-in, health and the code lists without a token, with security: []', () => {
    const open = operations
      .filter(({ operation }) => Array.isArray(operation.security) && operation.security.length === 0)
      .map(({ name }) => name);
    expect(open.sort()).toEqual([...PUBLIC].sort());
  });

  it('asks for the bearer token everywhere else, and says 401 and 403 can come back', () => {
    const guarded = operations.filter(({ name }) => !PUBLIC.includes(name));
    expect(
      guarded
        .filter(({ operation }) => !operation.security?.some((requirement) => 'bearer' in requirement))
        .map(({ name }) => name),
    ).toEqual([]);
    expect(lacking(guarded, ['401', '403'])).toEqual([]);
  });

  it('says 400 can come back wherever a body or a query string is taken', () => {
    const taking = operations.filter(
      ({ operation }) => operation.requestBody || operation.parameters?.some((p) => p.in === 'query'),
    );
    expect(lacking(taking, ['400'])).toEqual([]);
  });

  it('says 413 and 415 can come back wherever a body is taken', () => {
    expect(
      lacking(
        operations.filter(({ operation }) => operation.requestBody),
        ['413', '415'],
      ),
    ).toEqual([]);
  });

  it('says 404 can come back wherever the path names a record', () => {
    expect(
      lacking(
        operations.filter(({ operation }) => operation.parameters?.some((p) => p.in === 'path')),
        ['404'],
      ),
    ).toEqual([]);
  });

  it('gives every named schema its properties, each typed or referring to a schema that exists', () => {
    const problems: string[] = [];
    const check = (where: string, schema: Schema) => {
      if (schema.$ref && !document.components.schemas[schema.$ref.replace('#/components/schemas/', '')])
        problems.push(`${where}: ${schema.$ref} is missing`);
      for (const alternative of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])])
        check(where, alternative);
      if (!schema.type && !schema.$ref && !schema.allOf && !schema.anyOf && !schema.oneOf)
        problems.push(`${where}: untyped`);
      if (schema.type === 'array') {
        if (schema.items) check(`${where}[]`, schema.items);
        else problems.push(`${where}: an array of nothing`);
      }
    };
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      if (!schema.properties || Object.keys(schema.properties).length === 0) problems.push(`${name}: no properties`);
      for (const [property, propertySchema] of Object.entries(schema.properties ?? {}))
        check(`${name}.${property}`, propertySchema);
    }
    for (const { name, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [type, media] of Object.entries(response.content ?? {}))
          if (media.schema) check(`${name} ${status} ${type}`, media.schema);
      }
    }
    expect(problems).toEqual([]);
  });
});
