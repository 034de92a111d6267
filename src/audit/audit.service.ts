import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';
import { prepared } from '../database/prepared-statements';

/** One line of the log: who, in what role, did what to which record. Ids and codes only. */
export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  caseId?: string | null;
  userId?: string | null;
  username?: string | null;
  role?: string | null;
  /** The server's own id of the request. */
  requestId?: string | null;
  /** The X-Request-Id the client sent, when it was a sane token: the client's, not ours. */
  clientRequestId?: string | null;
  /** Area path of the acting user when it acted (null: no area claims the entry, so it is the country's). */
  actorAreaPath?: string | null;
  /** Small, non-personal facts (codes, counts); never names or free text. */
  details?: Record<string, string | number | boolean | null>;
}

/** What the caller tells of itself in an entry. */
type Actor = Pick<AuditEntry, 'userId' | 'username' | 'role' | 'requestId' | 'clientRequestId' | 'actorAreaPath'>;
type CallerEntry = Omit<AuditEntry, keyof Actor>;

function actedBy(caller: Caller): Actor {
  const { user, requestId, clientRequestId } = caller;
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    requestId,
    clientRequestId,
    actorAreaPath: user.areaPath,
  };
}

/**
 * The module API every other module calls to record reads and changes. Pass the transaction's
 * manager when the change is transactional, so the entry stands or falls with the change.
 */
@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  record(entry: AuditEntry, manager: EntityManager = this.db.manager): Promise<void> {
    return this.recordMany([entry], manager);
  }

  /**
   * Several entries in one statement (one round trip), for steps that touch several records.
   */
  async recordMany(entries: AuditEntry[], manager: EntityManager = this.db.manager): Promise<void> {
    if (!entries.length) return;
    const column = <K extends keyof AuditEntry>(key: K) => entries.map((entry) => entry[key] ?? null);
    await manager.query(
      prepared(`INSERT INTO audit_log (user_id, username, role, action, subject_type, subject_id, case_id, request_id, client_request_id,
                              actor_area_path, details)
       SELECT e.user_id, e.username, e.role, e.action, e.subject_type, e.subject_id, e.case_id, e.request_id, e.client_request_id,
              e.actor_area_path, e.details
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::text[],
                     $10::text[], $11::jsonb[])
           AS e(user_id, username, role, action, subject_type, subject_id, case_id, request_id, client_request_id, actor_area_path, details)`),
      [
        column('userId'),
        column('username'),
        column('role'),
        column('action'),
        column('subjectType'),
        column('subjectId'),
        column('caseId'),
        column('requestId'),
        column('clientRequestId'),
        column('actorAreaPath'),
        entries.map((entry) => (entry.details ? JSON.stringify(entry.details) : null)),
      ],
    );
  }

  recordManyBy(caller: Caller, entries: CallerEntry[], manager?: EntityManager): Promise<void> {
    const who = actedBy(caller);
    return this.recordMany(
      entries.map((entry) => ({ ...entry, ...who })),
      manager,
    );
  }

  /**
   * A list read that returned case data: one entry per case it showed, so each case's access log
   * tells who saw it in a list; one entry without a case when the list came back empty.
   */
  recordListBy(
    caller: Caller,
    action: string,
    subjectType: string,
    caseIds: string[],
    manager?: EntityManager,
  ): Promise<void> {
    const distinct = [...new Set(caseIds)];
    const details = { returned: distinct.length };
    const entries = distinct.length
      ? distinct.map((caseId) => ({ action, subjectType, caseId, details }))
      : [{ action, subjectType, details }];
    return this.recordManyBy(caller, entries, manager);
  }

  /** The same, with who-and-role taken from the caller. */
  recordBy(caller: Caller, entry: CallerEntry, manager?: EntityManager): Promise<void> {
    return this.record({ ...entry, ...actedBy(caller) }, manager);
  }
}
