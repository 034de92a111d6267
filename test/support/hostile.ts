import fc from 'fast-check';

/** Values no field expects: wrong types, edge numbers, hostile text, deep and empty containers. */
function nested(levels: number, make: (inner: unknown) => unknown): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level++) value = make(value);
  return value;
}

const HUGE = 'x'.repeat(1_000_000);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -0,
    -1,
    1e308,
    -1e308,
    5e-324,
    2 ** 53 + 1,
    'NaN',
    'Infinity',
    '-0',
    '1e999',
    '0x1F',
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff',
    'x\ud800y',
    '\u202e\u200b',
    '\r\n\t\b\f',
    "'; DROP TABLE cases; --",
    '$value $property $constraint1',
    '2025-02-30',
    '9999-12-31T23:59:59Z',
    '0000-01-01T00:00:00Z',
    '../../etc/passwd',
    [],
    {},
    [[]],
    [null],
    { '': '' },
    HUGE,
    nested(40, (inner) => [inner]),
    nested(40, (inner) => ({ a: inner })),
    nested(30, (inner) => ({ constructor: inner })),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '',
    ' ',
    'a.b',
    '[0]',
    '\u0000',
    '\ud800',
    'k'.repeat(10_000),
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

type Path = (string | number)[];

/** Every place in a JSON value: the paths of its containers and of its leaves. */
function paths(value: unknown, prefix: Path = []): { containers: Path[]; fields: Path[] } {
  const containers: Path[] = [];
  const fields: Path[] = [];
  if (value !== null && typeof value === 'object') {
    containers.push(prefix);
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : Object.entries(value);
    for (const [key, child] of entries) {
      fields.push([...prefix, key]);
      const inner = paths(child, [...prefix, key]);
      containers.push(...inner.containers);
      fields.push(...inner.fields);
    }
  }
  return { containers, fields };
}

/** Sets an own property, even one named `__proto__`, the way JSON.parse would have made it. */
function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function withValueAt(base: unknown, path: Path, value: unknown): unknown {
  if (!path.length) return value;
  const copy: any = Array.isArray(base) ? [...base] : { ...(base as object) };
  const [key, ...rest] = path;
  setOwn(copy, key, withValueAt(copy[key], rest, value));
  return copy;
}

function withKeyAt(base: unknown, container: Path, key: string, value: unknown): unknown {
  if (container.length) {
    const [head, ...rest] = container;
    const copy: any = Array.isArray(base) ? [...base] : { ...(base as object) };
    setOwn(copy, head, withKeyAt(copy[head], rest, key, value));
    return copy;
  }
  const copy: any = Array.isArray(base) ? Object.assign({}, base) : { ...(base as object) };
  setOwn(copy, key, value);
  return copy;
}

/** A valid body with one field replaced by a hostile value, or one hostile field added somewhere. */
export function mutatedBody(base: unknown): fc.Arbitrary<{ what: string; body: unknown }> {
  const { containers, fields } = paths(base);
  const replaced = fc
    .tuple(fc.constantFrom(...fields), hostileValue)
    .map(([path, value]) => ({ what: `replace ${path.join('.')}`, body: withValueAt(base, path, value) }));
  const added = fc.tuple(fc.constantFrom(...containers), hostileKey, hostileValue).map(([path, key, value]) => ({
    what: `add ${[...path, key].join('.').slice(0, 60)}`,
    body: withKeyAt(base, path, key, value),
  }));
  const whole = hostileValue.map((value) => ({ what: 'replace the body', body: value }));
  return fc.oneof({ arbitrary: replaced, weight: 5 }, { arbitrary: added, weight: 3 }, { arbitrary: whole, weight: 1 });
}

/** A valid query string with one parameter replaced or added, with a hostile name or value. */
export function mutatedQuery(base: Record<string, string>): fc.Arbitrary<string> {
  const text = fc.oneof(
    hostileKey,
    hostileValue.map((value) => (typeof value === 'string' ? value.slice(0, 10_000) : (JSON.stringify(value) ?? ''))),
  );
  const names = Object.keys(base);
  const name = names.length ? fc.oneof(fc.constantFrom(...names), hostileKey) : hostileKey;
  return fc.tuple(name, text, fc.boolean()).map(([key, value, twice]) => {
    const params = new URLSearchParams(base);
    params.set(key, value);
    if (twice) params.append(key, value);
    return params.toString();
  });
}
