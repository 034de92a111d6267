import { inlineStatement, sqlLiteral } from './statement-batch';

describe('statements written out for one round trip', () => {
  it('writes each kind of parameter as the literal PostgreSQL reads back as the same value', () => {
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(42)).toBe('42');
    expect(sqlLiteral(true)).toBe('true');
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(sqlLiteral('back\\slash')).toBe(" E'back\\\\slash'");
    expect(sqlLiteral(['a', 'b', null])).toBe(`'{"a","b",NULL}'`);
    expect(sqlLiteral(['b"c'])).toBe(` E'{"b\\\\"c"}'`);
    expect(sqlLiteral(new Date('2026-01-02T03:04:05.678Z'))).toBe("'2026-01-02T03:04:05.678Z'");
  });

  it('refuses what it cannot write safely', () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow();
    expect(() => sqlLiteral('nul\u0000')).toThrow();
    expect(() => sqlLiteral({})).toThrow();
  });

  it('replaces $10 as the tenth parameter, not the first followed by 0', () => {
    const params = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(inlineStatement({ sql: 'SELECT $1::int, $10::int', params })).toBe('SELECT 1::int, 10::int');
    expect(() => inlineStatement({ sql: 'SELECT $2', params: [1] })).toThrow('$2 has no parameter');
  });
});
