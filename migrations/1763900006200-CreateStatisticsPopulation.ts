import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Children summed up the area tree: one row per (area at any level, year, sex, age), so the
 * denominator of a province or of the country is 36 rows instead of a sum over every commune.
 * Statement-level triggers on `population` apply each statement's net change to every ancestor
 * of the communes it touched, in the same transaction, whoever writes the population table.
 */
export class CreateStatisticsPopulation1763900006200 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE statistics_population (
        area_code text NOT NULL,
        year smallint NOT NULL,
        sex text NOT NULL,
        age smallint NOT NULL,
        count bigint NOT NULL,
        PRIMARY KEY (area_code, year, sex, age)
      )`);
    await db.query(`
      CREATE FUNCTION statistics_population_apply() RETURNS trigger LANGUAGE plpgsql AS $body$
      DECLARE
        -- The statement's changes, from the transition tables this trigger has.
        changes text := CASE TG_OP
          WHEN 'INSERT' THEN 'SELECT area_code, year, sex, age, count FROM new_rows'
          WHEN 'UPDATE' THEN 'SELECT area_code, year, sex, age, count FROM new_rows UNION ALL SELECT area_code, year, sex, age, -count FROM old_rows'
          ELSE 'SELECT area_code, year, sex, age, -count FROM old_rows'
        END;
      BEGIN
        EXECUTE format($sql$
          INSERT INTO statistics_population AS total (area_code, year, sex, age, count)
          SELECT ancestor, d.year, d.sex, d.age, sum(d.delta)
            FROM (%s) AS d(area_code, year, sex, age, delta)
            JOIN areas a ON a.code = d.area_code
            CROSS JOIN LATERAL unnest(string_to_array(a.path, '.')) AS ancestor
           GROUP BY 1, 2, 3, 4
          HAVING sum(d.delta) <> 0
           ORDER BY 1, 2, 3, 4
          ON CONFLICT (area_code, year, sex, age) DO UPDATE SET count = total.count + EXCLUDED.count
        $sql$, changes);
        RETURN NULL;
      END $body$`);
    await db.query(`CREATE TRIGGER statistics_population_insert AFTER INSERT ON population
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_population_apply()`);
    await db.query(`CREATE TRIGGER statistics_population_update AFTER UPDATE ON population
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_population_apply()`);
    await db.query(`CREATE TRIGGER statistics_population_delete AFTER DELETE ON population
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_population_apply()`);
    await db.query(`
      CREATE FUNCTION statistics_population_clear() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM statistics_population;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER statistics_population_truncate AFTER TRUNCATE ON population
      FOR EACH STATEMENT EXECUTE FUNCTION statistics_population_clear()`);
    await db.query(`
      INSERT INTO statistics_population (area_code, year, sex, age, count)
      SELECT ancestor, p.year, p.sex, p.age, sum(p.count)
        FROM population p JOIN areas a ON a.code = p.area_code CROSS JOIN LATERAL unnest(string_to_array(a.path, '.')) AS ancestor
       GROUP BY 1, 2, 3, 4`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER statistics_population_truncate ON population`);
    await db.query(`DROP TRIGGER statistics_population_delete ON population`);
    await db.query(`DROP TRIGGER statistics_population_update ON population`);
    await db.query(`DROP TRIGGER statistics_population_insert ON population`);
    await db.query(`DROP FUNCTION statistics_population_clear()`);
    await db.query(`DROP FUNCTION statistics_population_apply()`);
    await db.query(`DROP TABLE statistics_population`);
  }
}
