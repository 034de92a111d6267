import { createHash } from 'node:crypto';
import { Client } from 'pg';

const names = new Map<string, string>();

/**
 * A prepared statement's name, from its text (a changed text is a new statement): `prefix` keeps
 * the driver's named statements (`stmt_`) and the batch's PREPAREd ones (`batch_`) apart, since
 * a session holds both under one namespace.
 */
export function statementName(prefix: 'stmt' | 'batch', sql: string): string {
  const key = `${prefix}\u0000${sql}`;
  let name = names.get(key);
  if (!name) names.set(key, (name = `${prefix}_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`));
  return name;
}

/** The texts the service sends as named prepared statements, each with its name. */
const marked = new Map<string, string>();

/**
 * Marks a statement text as one to prepare once per connection: the hot statements of intake (long
 * texts sent with every report) are parsed, and after a few calls planned, once on each connection
 * instead of on every call. Only for texts fixed in the code (module constants): every distinct
 * text is a statement the server keeps for the life of the connection.
 */
export function prepared(sql: string): string {
  if (!marked.has(sql)) marked.set(sql, statementName('stmt', sql));
  return sql;
}

type QueryArgs = Parameters<Client['query']>;

/**
 * The driver's client, as the pool makes it: a text marked by `prepared` goes out named (the
 * driver prepares it the first time the connection sends it, then only binds and executes it);
 * everything else as before. Errors and results are the driver's own, so the data layer above
 * sees no difference.
 */
export class PreparingClient extends Client {
  // @ts-expect-error: one override for the driver's many overloads; each call is passed on unchanged but for the name.
  override query(...args: QueryArgs): ReturnType<Client['query']> {
    const [text, values] = args as unknown[];
    const name = typeof text === 'string' ? marked.get(text) : undefined;
    if (name && (values === undefined || Array.isArray(values))) {
      return (super.query as (...a: unknown[]) => ReturnType<Client['query']>)(
        { name, text, values },
        ...(args as unknown[]).slice(2),
      );
    }
    return (super.query as (...a: unknown[]) => ReturnType<Client['query']>)(...(args as unknown[]));
  }
}
