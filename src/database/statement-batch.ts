import { EntityManager } from 'typeorm';

/** One SQL statement and its `$n` parameters. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

const quote = (text: string): string => {
  if (text.includes('\u0000')) throw new Error('a NUL character cannot be written into SQL');
  const doubled = text.replace(/'/g, "''");
  // As pg's escapeLiteral: with a backslash in it, an escape string with the backslashes doubled.
  return text.includes('\\') ? ` E'${doubled.replace(/\\/g, '\\\\')}'` : `'${doubled}'`;
};

const arrayElement = (value: unknown): string =>
  value === null || value === undefined ? 'NULL' : `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** A parameter as an SQL literal: the statement's own casts (`$1::uuid[]`) give it its type. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return quote(`{${value.map(arrayElement).join(',')}}`);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} cannot be written into SQL`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return quote(value.toISOString());
  if (typeof value === 'string') return quote(value);
  throw new Error(`a ${typeof value} cannot be written into SQL`);
}

/** The statement with each `$n` replaced by its parameter as a literal. */
export function inlineStatement({ sql, params }: SqlStatement): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index >= params.length) throw new Error(`$${n} has no parameter`);
    return sqlLiteral(params[index]);
  });
}

interface RawClient {
  query(sql: string): Promise<{ rows: unknown[] } | { rows: unknown[] }[]>;
}

/**
 * Runs statements that must follow each other inside the caller's transaction in one round trip
 * (PostgreSQL's simple query protocol takes several statements at once; each sees what the ones
 * before it wrote). Only for statements whose parameters the service made itself (ids, codes,
 * numbers): nothing a client sent is inlined. Answers the rows of each statement.
 */
export async function runBatch(manager: EntityManager, statements: SqlStatement[]): Promise<unknown[][]> {
  if (!statements.length) return [];
  if (!manager.queryRunner) throw new Error('runBatch needs the manager of a transaction');
  const client = (await manager.queryRunner.connect()) as RawClient;
  const results = await client.query(statements.map((statement) => `${inlineStatement(statement)};`).join('\n'));
  return (Array.isArray(results) ? results : [results]).map((result) => result.rows);
}
