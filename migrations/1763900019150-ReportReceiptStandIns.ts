import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A report that joins an open case its filer could not read names, on its receipt and when read
 * back, a stand-in of the same form as a new case: an id of its own and a number drawn from the
 * counter a new case would take. The link keeps both, so the register can account for the number.
 */
export class ReportReceiptStandIns1763900019150 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_reports ADD COLUMN receipt_case_id uuid, ADD COLUMN receipt_case_number text`);
    await db.query(
      `ALTER TABLE case_reports ADD CONSTRAINT case_reports_receipt_whole
         CHECK ((receipt_case_id IS NULL) = (receipt_case_number IS NULL))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE case_reports DROP CONSTRAINT case_reports_receipt_whole,
         DROP COLUMN receipt_case_number, DROP COLUMN receipt_case_id`,
    );
  }
}
