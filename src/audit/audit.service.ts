import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';

/** One line of the log: who, in what role, did what to which record. Ids and codes only. */
export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  caseId?: string | null;
  userId?: string | null;
  username?: string | null;
  role?: string | null;
  requestId?: string | null;
  /** Small, non-personal facts (codes, counts); never names or free text. */
  details?: Record<string, string | number | boolean | null>;
}

/**
 * The module API every other module calls to record reads and changes. Pass the transaction's
 * manager when the change is transactional, so the entry stands or falls with the change.
 */
@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  async record(entry: AuditEntry, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (user_id, username, role, action, subject_type, subject_id, case_id, request_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        entry.userId ?? null,
        entry.username ?? null,
        entry.role ?? null,
        entry.action,
        entry.subjectType,
        entry.subjectId ?? null,
        entry.caseId ?? null,
        entry.requestId ?? null,
        entry.details ? JSON.stringify(entry.details) : null,
      ],
    );
  }

  /** Several entries in one statement (one round trip), for steps that touch several records. */
  async recordMany(entries: AuditEntry[], manager: EntityManager = this.db.manager): Promise<void> {
    if (!entries.length) return;
    const column = <K extends keyof AuditEntry>(key: K) => entries.map((entry) => entry[key] ?? null);
    await manager.query(
      `INSERT INTO audit_log (user_id, username, role, action, subject_type, subject_id, case_id, request_id, details)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::jsonb[])`,
      [
        column('userId'),
        column('username'),
        column('role'),
        column('action'),
        column('subjectType'),
        column('subjectId'),
        column('caseId'),
        column('requestId'),
        entries.map((entry) => (entry.details ? JSON.stringify(entry.details) : null)),
      ],
    );
  }

  recordManyBy(
    caller: Caller,
    entries: Omit<AuditEntry, 'userId' | 'username' | 'role' | 'requestId'>[],
    manager?: EntityManager,
  ): Promise<void> {
    const who = { userId: caller.user.id, username: caller.user.username, role: caller.user.role, requestId: caller.requestId };
    return this.recordMany(entries.map((entry) => ({ ...entry, ...who })), manager);
  }

  /** The same, with who-and-role taken from the caller. */
  recordBy(
    caller: Caller,
    entry: Omit<AuditEntry, 'userId' | 'username' | 'role' | 'requestId'>,
    manager?: EntityManager,
  ): Promise<void> {
    return this.record(
      { ...entry, userId: caller.user.id, username: caller.user.username, role: caller.user.role, requestId: caller.requestId },
      manager,
    );
  }
}
