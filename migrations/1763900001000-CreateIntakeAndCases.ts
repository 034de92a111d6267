import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports, children and cases. Personal values are stored only as `*_enc` ciphertexts
 * (AES-256-GCM envelopes) and blind indexes; what workflow, scope and statistics compute on
 * stays in clear: codes, sex, age in whole years at the event, area codes and paths, dates.
 */
export class CreateIntakeAndCases1763900001000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE children (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        full_name_enc text NOT NULL,
        name_index text NOT NULL,
        -- blind index of (normalized name, date of birth, residence commune): the same child
        match_index text UNIQUE,
        -- blind index of (normalized name, residence commune): candidates for a near match
        near_index text,
        date_of_birth_enc text,
        estimated_age smallint CHECK (estimated_age BETWEEN 0 AND 17),
        sex text NOT NULL CHECK (sex IN ('male', 'female', 'unknown')),
        residence_area_code text REFERENCES areas(code),
        address_enc text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX children_name_index ON children (name_index)`);
    await db.query(`CREATE INDEX children_near_index ON children (near_index) WHERE near_index IS NOT NULL`);
    await db.query(`
      CREATE TABLE child_possible_duplicates (
        child_id uuid NOT NULL REFERENCES children(id),
        candidate_id uuid NOT NULL REFERENCES children(id),
        found_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (child_id, candidate_id),
        CHECK (child_id <> candidate_id)
      )`);

    await db.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel text NOT NULL,
        received_at timestamptz NOT NULL,
        category text NOT NULL CHECK (category IN ('abuse', 'injury', 'child_labour')),
        form text NOT NULL,
        fatal boolean NOT NULL DEFAULT false,
        occurred_at timestamptz,
        occurred_area_code text NOT NULL REFERENCES areas(code),
        description_enc text,
        alleged_perpetrator text,
        reporter_enc text,
        reporter_consent_to_contact boolean NOT NULL DEFAULT false,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (occurred_at IS NULL OR occurred_at <= received_at),
        CHECK (NOT fatal OR category = 'injury')
      )`);
    await db.query(`CREATE INDEX reports_created_by ON reports (created_by, created_at DESC)`);
    await db.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users(id),
        key text NOT NULL,
        request_hash text NOT NULL,
        status smallint NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);

    await db.query(`
      CREATE TABLE case_number_counters (
        province_code text NOT NULL,
        year smallint NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (province_code, year)
      )`);
    await db.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_number text NOT NULL UNIQUE,
        child_id uuid NOT NULL REFERENCES children(id),
        category text NOT NULL CHECK (category IN ('abuse', 'injury', 'child_labour')),
        form text NOT NULL,
        fatal boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'received' CHECK (status IN
          ('received', 'initial_assessed', 'detailed_assessed', 'plan_drafted', 'in_intervention', 'closed')),
        risk_level text CHECK (risk_level IN ('high', 'medium', 'low')),
        emergency boolean NOT NULL DEFAULT false,
        substantiation text NOT NULL DEFAULT 'pending' CHECK (substantiation IN ('pending', 'substantiated', 'unsubstantiated')),
        alleged_perpetrator text,
        received_at timestamptz NOT NULL,
        occurred_at timestamptz,
        event_date date NOT NULL,
        age_at_event smallint NOT NULL CHECK (age_at_event BETWEEN 0 AND 17),
        sex text NOT NULL,
        province_code text NOT NULL,
        -- where it happened: the commune that manages the case, and so the scope of case roles
        area_code text NOT NULL REFERENCES areas(code),
        area_path text NOT NULL,
        -- where the child lived at the event (else where it happened): statistics count here
        residence_area_code text NOT NULL REFERENCES areas(code),
        residence_area_path text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX cases_area_path ON cases (area_path text_pattern_ops, received_at DESC, id)`);
    await db.query(`CREATE INDEX cases_child ON cases (child_id)`);
    await db.query(`CREATE INDEX cases_received ON cases (received_at DESC, id)`);
    await db.query(`
      CREATE TABLE case_reports (
        case_id uuid NOT NULL REFERENCES cases(id),
        report_id uuid NOT NULL REFERENCES reports(id),
        PRIMARY KEY (case_id, report_id)
      )`);
    await db.query(`CREATE INDEX case_reports_report ON case_reports (report_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'case_reports',
      'cases',
      'case_number_counters',
      'idempotency_keys',
      'reports',
      'child_possible_duplicates',
      'children',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
