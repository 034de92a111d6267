import { subject as asSubject } from '@casl/ability';
import { NotFound } from '../common/problem';
import { Action, Subject } from './ability';
import { Caller } from './request-context';

/**
 * The per-record check: a record the caller may not act on is reported as not found, so its
 * existence is never revealed. Uses the same rules as the SQL scoping of lists.
 */
export function requireAccess<T extends Record<string, unknown>>(
  caller: Caller,
  action: Action,
  type: Exclude<Subject, 'all'>,
  record: T | null | undefined,
  what = 'The record',
): T {
  if (!record || !mayAccess(caller, action, type, record)) throw new NotFound(what);
  return record;
}

/** Whether the caller may act on the record, by the rules `requireAccess` applies. */
export function mayAccess(
  caller: Caller,
  action: Action,
  type: Exclude<Subject, 'all'>,
  record: Record<string, unknown>,
): boolean {
  return caller.ability.can(action, asSubject(type, { ...record }) as never);
}
