import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'referral', 'deadline_approaching', 'deadline_overdue', 'plan_awaiting_approval',
  'transfer_requested', 'intervention_updated'`;

/** Contract v1.2 (clarifications of v1.1): a new report tells the commune at once, `report_received`. */
export class NotificationKindReportReceived1763900019100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
      ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${KINDS_BEFORE}, 'report_received'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Their deliveries go with them (ON DELETE CASCADE).
    await db.query(`DELETE FROM notifications WHERE kind = 'report_received'`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
      ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${KINDS_BEFORE}))`);
  }
}
