import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '../access/request-context';
import { requireAccess } from '../access/require-access';
import { scopeWhere } from '../access/scope-sql';
import { cursorTimestamp, Page, pageRequest, toPage } from '../common/pagination';
import { NotificationItemDto, NotificationQuery } from './dto/notification.dto';

type InboxRow = Omit<NotificationItemDto, 'dueAt' | 'createdAt' | 'readAt'> & {
  dueAt: Date | null;
  createdAt: Date;
  readAt: Date | null;
  createdAtExact: string;
};

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** The caller's own notifications (the access rules as SQL: `recipientId` is the caller), newest first. */
@Injectable()
export class NotificationInbox {
  constructor(private readonly db: DataSource) {}

  async list(caller: Caller, query: NotificationQuery): Promise<Page<NotificationItemDto>> {
    const page = pageRequest(query, ['timestamp', 'uuid']);
    const qb = this.db
      .createQueryBuilder()
      .select([
        'n.id AS id',
        'n.kind AS kind',
        'n.case_id AS "caseId"',
        'n.case_number AS "caseNumber"',
        'n.intervention_id AS "interventionId"',
        'n.deadline_kind AS "deadlineKind"',
        'n.due_at AS "dueAt"',
        'n.created_at AS "createdAt"',
        `${cursorTimestamp('n.created_at')} AS "createdAtExact"`,
        'n.read_at AS "readAt"',
      ])
      .from('notifications', 'n')
      .where(scopeWhere(caller.ability, 'read', 'Notification', { recipientId: 'n.recipient_id' }))
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(page.fetch);
    if (query.unread === 'true') qb.andWhere('n.read_at IS NULL');
    if (query.unread === 'false') qb.andWhere('n.read_at IS NOT NULL');
    if (page.after) {
      qb.andWhere('(n.created_at, n.id) < (:afterAt::timestamptz, :afterId::uuid)', {
        afterAt: page.after[0],
        afterId: page.after[1],
      });
    }
    const rows = await qb.getRawMany<InboxRow>();
    return toPage(
      rows,
      page.limit,
      ({ createdAtExact: _exact, ...row }) => ({
        ...row,
        dueAt: iso(row.dueAt),
        createdAt: row.createdAt.toISOString(),
        readAt: iso(row.readAt),
      }),
      (row) => [row.createdAtExact, row.id],
    );
  }

  /** Marks one of the caller's notifications read (again: no change); someone else's is a 404. */
  async markRead(caller: Caller, id: string): Promise<void> {
    const [row] = (await this.db.query(`SELECT id, recipient_id AS "recipientId" FROM notifications WHERE id = $1`, [
      id,
    ])) as { id: string; recipientId: string }[];
    requireAccess(caller, 'update', 'Notification', row, 'The notification');
    await this.db.query(`UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1`, [id]);
  }
}
