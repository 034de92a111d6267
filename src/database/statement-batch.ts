import { EntityManager } from 'typeorm';
import { statementName } from './prepared-statements';

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
 * The statements each connection has prepared, by name. A prepared statement lives as long as its
 * session, whatever becomes of the transaction that prepared it (PREPARE is not transactional).
 */
const preparedOn = new WeakMap<object, Set<string>>();
const nameOf = (sql: string): string => statementName('batch', sql);

/**
 * The statements prepared on this connection once, each in a round trip of its own (done when the
 * connection first meets them): afterwards the server keeps the parsed statement and, once it has
 * seen a few executions, one plan for all, instead of parsing and planning the text every time.
 */
async function prepare(client: RawClient, statements: SqlStatement[]): Promise<void> {
  let prepared = preparedOn.get(client);
  if (!prepared) preparedOn.set(client, (prepared = new Set()));
  for (const { sql } of statements) {
    const name = nameOf(sql);
    if (prepared.has(name)) continue;
    await client.query(`PREPARE ${name} AS ${sql}`);
    prepared.add(name);
  }
}

/**
 * The batch's statements take ids by index whatever their values: the plan made once for all serves
 * every call, and planning each call anew cost more than running it. For the rest of the transaction
 * only (the batch ends it but for its commit), and only prepared statements heed it.
 */
const PLANNING = ['SET LOCAL plan_cache_mode = force_generic_plan'];

/** The statement as an EXECUTE of its prepared form, its parameters written as literals. */
function executeStatement({ sql, params }: SqlStatement): string {
  return params.length ? `EXECUTE ${nameOf(sql)}(${params.map(sqlLiteral).join(', ')})` : `EXECUTE ${nameOf(sql)}`;
}

/**
 * Runs statements that must follow each other inside the caller's transaction in one round trip
 * (PostgreSQL's simple query protocol takes several statements at once; each sees what the ones
 * before it wrote). Each is prepared on the connection the first time it meets it, then executed by
 * name: the texts are long (the facts' refreshes) and parsing and planning them on every call
 * cost more than running them. Only for statements whose parameters the service made itself (ids,
 * codes, numbers): nothing a client sent is inlined. Answers the rows of each statement.
 */
export async function runBatch(manager: EntityManager, statements: SqlStatement[]): Promise<unknown[][]> {
  if (!statements.length) return [];
  if (!manager.queryRunner) throw new Error('runBatch needs the manager of a transaction');
  const client = (await manager.queryRunner.connect()) as RawClient;
  await prepare(client, statements);
  const results = await client.query(
    [...PLANNING, ...statements.map(executeStatement)].map((statement) => `${statement};`).join('\n'),
  );
  return (Array.isArray(results) ? results : [results]).slice(PLANNING.length).map((result) => result.rows);
}
