import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contract v1.1: the notification inbox, written as an outbox in the transaction of the change.
 * Codes, ids, case numbers and times only: no column can hold a name or free text.
 * `occurrence` tells apart the events of one subject that are each worth telling once (the status
 * an intervention moved to); the unique key makes every (recipient, kind, case, deadline kind or
 * intervention, occurrence) notification exist once, so writers insert with ON CONFLICT DO NOTHING.
 */
export class CreateNotifications1763900013000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL CHECK (kind IN ('referral', 'deadline_approaching', 'deadline_overdue',
          'plan_awaiting_approval', 'transfer_requested', 'intervention_updated')),
        case_id uuid NOT NULL REFERENCES cases(id),
        case_number text NOT NULL,
        intervention_id uuid REFERENCES interventions(id),
        deadline_kind text,
        due_at timestamptz,
        occurrence text NOT NULL DEFAULT '' CHECK (occurrence ~ '^[A-Za-z0-9_:.+-]{0,64}$'),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at timestamptz
      )`);
    await db.query(`
      CREATE UNIQUE INDEX notifications_once ON notifications (recipient_id, kind, case_id,
        COALESCE(deadline_kind, ''), COALESCE(intervention_id, '00000000-0000-0000-0000-000000000000'::uuid), occurrence)`);
    // The inbox, newest first, and its unread part (GET /notifications?unread=true).
    await db.query(`CREATE INDEX notifications_inbox ON notifications (recipient_id, created_at DESC, id DESC)`);
    await db.query(
      `CREATE INDEX notifications_unread ON notifications (recipient_id, created_at DESC, id DESC) WHERE read_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications`);
  }
}
