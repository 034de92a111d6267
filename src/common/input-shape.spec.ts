import { inputShapeErrors, MAX_NESTING } from './input-shape';

const nested = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level++) value = [value];
  return value;
};

describe('inputShapeErrors', () => {
  it('accepts ordinary bodies, queries and scalars', () => {
    expect(inputShapeErrors({ channel: 'hotline_111', children: [{ fullName: 'A', sex: 'male' }] })).toEqual([]);
    expect(inputShapeErrors([{ date: '2026-01-01', name: 'Tết' }])).toEqual([]);
    expect(inputShapeErrors('text')).toEqual([]);
    expect(inputShapeErrors(null)).toEqual([]);
  });

  it(`accepts ${MAX_NESTING} levels of nesting and refuses one more, naming where`, () => {
    expect(inputShapeErrors(nested(MAX_NESTING))).toEqual([]);
    const errors = inputShapeErrors({ a: nested(MAX_NESTING) });
    expect(errors).toEqual([
      { field: `a${'[0]'.repeat(MAX_NESTING - 1)}`, message: `is nested more than ${MAX_NESTING} levels deep` },
    ]);
  });

  it('walks 100,000 levels without exhausting the stack', () => {
    expect(inputShapeErrors(nested(100_000))).toHaveLength(1);
  });

  it('refuses __proto__, prototype and constructor at any depth as fields that are not accepted', () => {
    const body = JSON.parse(
      '{"__proto__":{"x":1},"children":[{"fullName":"A","constructor":"-0"}],"reporter":{"prototype":{}}}',
    );
    expect(inputShapeErrors(body)).toEqual([
      { field: '__proto__', message: 'is not an accepted field' },
      { field: 'children[0].constructor', message: 'is not an accepted field' },
      { field: 'reporter.prototype', message: 'is not an accepted field' },
    ]);
    expect(inputShapeErrors(JSON.parse('[{"constructor":{"prototype":1}}]'))).toEqual([
      { field: '[0].constructor', message: 'is not an accepted field' },
    ]);
  });

  it('refuses the other names of Object.prototype (which class-transformer would skip unseen)', () => {
    for (const name of ['hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', 'isPrototypeOf']) {
      expect(inputShapeErrors({ [name]: 1 })).toEqual([{ field: name, message: 'is not an accepted field' }]);
    }
  });

  it('quotes at most 100 characters of a key in the field path', () => {
    const [error] = inputShapeErrors({ ['k'.repeat(5000)]: { constructor: 1 } });
    expect(error.field).toBe(`${'k'.repeat(100)}….constructor`);
  });

  it('refuses the NUL character in any string, which PostgreSQL text cannot hold', () => {
    expect(inputShapeErrors({ name: 'a\u0000b', children: [{ fullName: '\u0000' }] })).toEqual([
      { field: 'name', message: 'must not contain the character U+0000' },
      { field: 'children[0].fullName', message: 'must not contain the character U+0000' },
    ]);
    expect(inputShapeErrors('code,name\n1,\u0000\n')).toEqual([
      { field: 'body', message: 'must not contain the character U+0000' },
    ]);
  });
});
