import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contract v1.1 "Calls": every call the 111 and provincial hotlines take, reports or not
 * (counselling, information, silent calls…), for their daily work and their own statistics.
 * - `area_path`: the area the call concerns when the operator names one, else the operator's own
 *   area (a 111 call without an area counts for the country only).
 * - `event_date`: the call's calendar date in Asia/Ho_Chi_Minh, what periods are cut on.
 * - `record_key`: calls have no children, so each call carries its own secret random key 0–255,
 *   fixed at creation, for the cell-key protection of call counts (a cell's key is the sum of its
 *   calls' keys mod 256, as for children). It never leaves the database.
 * - `notes_enc`: the operator's notes, encrypted.
 */
export class CreateCalls1763900016200 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel text NOT NULL CHECK (channel IN ('hotline_111', 'provincial_hotline')),
        received_at timestamptz NOT NULL,
        event_date date NOT NULL,
        type text NOT NULL CHECK (type IN ('report', 'counselling', 'information', 'referral_to_service', 'silent',
                                           'abusive', 'other')),
        area_code text REFERENCES areas(code),
        area_path text NOT NULL,
        notes_enc text,
        report_id uuid REFERENCES reports(id),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        record_key smallint NOT NULL DEFAULT (floor(random() * 256))::smallint CHECK (record_key BETWEEN 0 AND 255),
        CHECK ((type = 'report') = (report_id IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX calls_created_by ON calls (created_by, received_at DESC, id DESC)`);
    // Call statistics: a period of dates and an area prefix; the rest read from the index itself.
    await db.query(
      `CREATE INDEX calls_statistics ON calls (event_date, area_path text_pattern_ops) INCLUDE (type, channel, record_key)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calls`);
  }
}
