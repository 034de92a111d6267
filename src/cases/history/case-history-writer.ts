import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Caller } from '../../access/request-context';
import { PiiService } from '../../privacy/pii.service';
import { HistoryAction } from './history-actions';
import { prepared } from '../../database/prepared-statements';

/** One field a change moved: codes, statuses, times and area codes as they are. */
export interface FieldChange {
  field: string;
  from: string | number | boolean | null;
  to: string | number | boolean | null;
}

/** What one entry of a case's history says, besides who and when. */
export interface HistoryEntry {
  action: HistoryAction;
  /** Why, in the caller's words: stored encrypted. */
  reason?: string | null;
  /** Codes, statuses, times: stored as they are. */
  changes?: FieldChange[];
  /** Names, birth dates, addresses, free text: stored encrypted, shown only to case roles. */
  personal?: FieldChange[];
}

export const HISTORY_REASON_CONTEXT = 'case_history.reason';
export const HISTORY_PERSONAL_CONTEXT = 'case_history.personal_changes';

/** Only what moved: a field whose value stays is no change. */
export function changed(field: string, from: FieldChange['from'], to: FieldChange['to']): FieldChange[] {
  return from === to ? [] : [{ field, from, to }];
}

/**
 * The one writer of `case_history`: every change of a case leaves an entry, written by the
 * transaction of the change so the two stand or fall together.
 */
@Injectable()
export class CaseHistoryWriter {
  constructor(private readonly pii: PiiService) {}

  /** The same entry on each of `caseIds` (a child's correction reaches every case of the child). */
  async record(manager: EntityManager, caller: Caller, caseIds: string | string[], entry: HistoryEntry): Promise<void> {
    const ids = [...new Set(Array.isArray(caseIds) ? caseIds : [caseIds])];
    if (!ids.length) return;
    const personal = entry.personal?.length ? JSON.stringify(entry.personal) : null;
    await manager.query(
      prepared(`INSERT INTO case_history (case_id, user_id, username, role, action, reason_enc, changes, personal_changes_enc)
       SELECT id, $2, $3, $4, $5, $6, $7, $8 FROM unnest($1::uuid[]) AS id`),
      [
        ids,
        caller.user.id,
        caller.user.username,
        caller.user.role,
        entry.action,
        this.pii.encrypt(entry.reason, HISTORY_REASON_CONTEXT),
        JSON.stringify(entry.changes ?? []),
        this.pii.encrypt(personal, HISTORY_PERSONAL_CONTEXT),
      ],
    );
  }
}
