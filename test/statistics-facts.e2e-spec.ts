import { randomUUID } from 'node:crypto';
import { StatisticsFactsService } from '../src/statistics/statistics-facts.service';
import { TestApp } from './support/test-app';
import { buildWorld } from './support/world';

/**
 * The fact table and the sums kept beside it, on a real PostgreSQL: the rows a child's cases
 * produce, and sums that always equal a recount, however cases change.
 */
let t: TestApp;
let facts: StatisticsFactsService;
let counter = 0;

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  facts = t.app.get(StatisticsFactsService);
});
afterAll(() => t.close());

async function newChild(): Promise<string> {
  const [{ id }] = await t.db.query(
    `INSERT INTO children (full_name_enc, name_index, sex, residence_area_code) VALUES ('v1:test:x:y', $1, 'female', '46001') RETURNING id`,
    [randomUUID()],
  );
  return id;
}

interface CaseSpec {
  category?: string;
  form?: string;
  eventDate: string;
  age?: number;
  substantiation?: string;
  fatal?: boolean;
  commune?: string;
}

async function addCase(childId: string, spec: CaseSpec): Promise<string> {
  const commune = spec.commune ?? '46001';
  const [{ id }] = await t.db.query(
    `INSERT INTO cases (case_number, child_id, category, form, fatal, substantiation, received_at, event_date, age_at_event, sex,
                        province_code, area_code, area_path, residence_area_code, residence_area_path)
     VALUES ($1, $2, $3, $4, $5, $6, ($7::date + time '12:00') AT TIME ZONE 'Asia/Ho_Chi_Minh', $7, $8, 'female', '46', $9, 'VN.46.' || $9, $9, 'VN.46.' || $9)
     RETURNING id`,
    [
      `T-${++counter}`,
      childId,
      spec.category ?? 'injury',
      spec.form ?? 'fall',
      spec.fatal ?? false,
      spec.substantiation ?? 'pending',
      spec.eventDate,
      spec.age ?? 8,
      commune,
    ],
  );
  return id;
}

const refresh = (ids: string[]) => t.db.transaction((manager) => facts.refreshChildren(manager, ids));

/** The sums as stored, and as recounted from the fact rows and the children's record keys. */
async function sumsAndRecount(): Promise<[unknown[], unknown[]]> {
  const stored = await t.db.query(
    `SELECT indicator, basis, year, period, area_code, children, key_sum::int AS "keySum" FROM statistics_area_counts
      WHERE children <> 0 OR key_sum <> 0 ORDER BY 1, 2, 3, 4, 5`,
  );
  const recount = await t.db.query(
    `SELECT indicator, basis, year, period, area_code, count(*)::int AS children, sum(child.record_key)::int AS "keySum"
       FROM statistics_facts f JOIN children child ON child.id = f.child_id
       CROSS JOIN LATERAL (VALUES ('M' || lpad(month::text, 2, '0')),
                                  (CASE WHEN first_in_quarter THEN 'Q' || ((month - 1) / 3 + 1) END),
                                  (CASE WHEN first_in_half THEN 'H' || ((month - 1) / 6 + 1) END),
                                  (CASE WHEN first_in_year THEN 'year' END)) AS p(period)
      WHERE period IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
  );
  return [stored, recount];
}

describe('statistics facts', () => {
  it('keeps one row per month with the first event, flagged first of its quarter, half and year', async () => {
    const child = await newChild();
    await addCase(child, { eventDate: '2025-01-20', form: 'burn', commune: '46002' });
    await addCase(child, { eventDate: '2025-01-05', form: 'fall' });
    await addCase(child, { eventDate: '2025-02-10' });
    await addCase(child, { eventDate: '2025-04-01' });
    await addCase(child, { eventDate: '2025-08-15' });
    await refresh([child]);
    const rows = await t.db.query(
      `SELECT month, event_date::text AS "eventDate", area_code AS "areaCode", form, first_in_quarter AS q, first_in_half AS h, first_in_year AS y
         FROM statistics_facts WHERE child_id = $1 AND indicator = 'injury' AND basis = 'reported' ORDER BY month`,
      [child],
    );
    expect(rows).toEqual([
      // January: the 5th comes first, though recorded second.
      { month: 1, eventDate: '2025-01-05', areaCode: '46001', form: 'fall', q: true, h: true, y: true },
      { month: 2, eventDate: '2025-02-10', areaCode: '46001', form: 'fall', q: false, h: false, y: false },
      { month: 4, eventDate: '2025-04-01', areaCode: '46001', form: 'fall', q: true, h: false, y: false },
      { month: 8, eventDate: '2025-08-15', areaCode: '46001', form: 'fall', q: true, h: true, y: false },
    ]);
    // Pending cases do not count on the substantiated basis; injury deaths need a fatal case.
    expect(
      await t.db.query(
        `SELECT 1 FROM statistics_facts WHERE child_id = $1 AND (basis = 'substantiated' OR indicator <> 'injury')`,
        [child],
      ),
    ).toEqual([]);
  });

  it('applies each indicator’s ages and categories', async () => {
    const child = await newChild();
    await addCase(child, {
      category: 'abuse',
      form: 'neglect',
      eventDate: '2025-03-01',
      age: 15,
      substantiation: 'substantiated',
    });
    await addCase(child, {
      category: 'abuse',
      form: 'neglect',
      eventDate: '2025-05-01',
      age: 16,
      substantiation: 'substantiated',
    });
    await addCase(child, {
      category: 'child_labour',
      form: 'forced_labour',
      eventDate: '2025-06-01',
      age: 16,
      substantiation: 'substantiated',
    });
    await addCase(child, {
      category: 'child_labour',
      form: 'forced_labour',
      eventDate: '2025-07-01',
      age: 4,
      substantiation: 'substantiated',
    });
    await addCase(child, {
      category: 'injury',
      form: 'drowning',
      eventDate: '2025-09-01',
      age: 9,
      fatal: true,
      substantiation: 'unsubstantiated',
    });
    await refresh([child]);
    const rows = await t.db.query(
      `SELECT indicator, basis, month FROM statistics_facts WHERE child_id = $1 ORDER BY 1, 2, 3`,
      [child],
    );
    expect(rows).toEqual([
      { indicator: 'abuse', basis: 'reported', month: 3 },
      { indicator: 'abuse', basis: 'substantiated', month: 3 },
      { indicator: 'child_labour', basis: 'reported', month: 6 },
      { indicator: 'child_labour', basis: 'substantiated', month: 6 },
    ]);
  });

  it('keeps the per-commune sums equal to a recount through every kind of change', async () => {
    const children = [await newChild(), await newChild(), await newChild()];
    const cases = [
      await addCase(children[0], { eventDate: '2025-03-03' }),
      await addCase(children[0], { eventDate: '2025-06-30', commune: '46002' }),
      await addCase(children[1], { eventDate: '2025-03-04', fatal: true }),
      await addCase(children[2], {
        eventDate: '2024-12-31',
        category: 'abuse',
        form: 'violence',
        substantiation: 'substantiated',
      }),
    ];
    await refresh(children);
    let [stored, recount] = await sumsAndRecount();
    expect(stored).toEqual(recount);

    await t.db.query(`UPDATE cases SET substantiation = 'unsubstantiated' WHERE id = $1`, [cases[0]]);
    await t.db.query(`UPDATE cases SET event_date = '2025-01-01' WHERE id = $1`, [cases[3]]);
    await t.db.query(
      `UPDATE cases SET residence_area_code = '46003', residence_area_path = 'VN.46.46003' WHERE id = $1`,
      [cases[1]],
    );
    await refresh(children);
    [stored, recount] = await sumsAndRecount();
    expect(stored).toEqual(recount);

    await t.db.query(`DELETE FROM cases WHERE id = ANY($1::uuid[])`, [cases.slice(1)]);
    await refresh(children);
    [stored, recount] = await sumsAndRecount();
    expect(stored).toEqual(recount);
  });

  it('rebuilds a year to the same state the incremental updates reached', async () => {
    const [before] = await sumsAndRecount();
    await t.db.transaction(async (manager) => {
      await facts.rebuildYear(manager, 2024);
      await facts.rebuildYear(manager, 2025);
    });
    const [after] = await sumsAndRecount();
    expect(after).toEqual(before);
  });

  it('lets two transactions refresh the same child at once', async () => {
    const child = await newChild();
    await addCase(child, { eventDate: '2025-10-10' });
    await Promise.all([refresh([child]), refresh([child]), refresh([child])]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM statistics_facts WHERE child_id = $1`, [child])).toEqual([
      { n: 1 },
    ]);
    const [stored, recount] = await sumsAndRecount();
    expect(stored).toEqual(recount);
  });

  it('does nothing for an empty list of children', async () => {
    await expect(refresh([])).resolves.toBeUndefined();
  });
});

describe('population sums up the area tree', () => {
  const recount = () =>
    t.db.query(
      `SELECT ancestor AS area_code, p.year, p.sex, p.age, sum(p.count)::bigint AS count
         FROM population p JOIN areas a ON a.code = p.area_code CROSS JOIN LATERAL unnest(string_to_array(a.path, '.')) AS ancestor
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    );
  const stored = () =>
    t.db.query(
      `SELECT area_code, year, sex, age, count FROM statistics_population WHERE count <> 0 ORDER BY 1, 2, 3, 4`,
    );

  it('follows inserts, upserts, updates and deletes of the population table', async () => {
    await t.db.query(
      `INSERT INTO population (area_code, year, sex, age, count)
       SELECT code, 2025, 'male', age, 10 FROM unnest(ARRAY['46001', '46002', '48001']) AS code, generate_series(0, 17) AS age`,
    );
    expect(await stored()).toEqual(await recount());
    await t.db.query(
      `INSERT INTO population (area_code, year, sex, age, count) VALUES ('46001', 2025, 'male', 3, 99), ('46003', 2025, 'female', 3, 7)
       ON CONFLICT (area_code, year, sex, age) DO UPDATE SET count = EXCLUDED.count`,
    );
    await t.db.query(`UPDATE population SET count = count + 1 WHERE area_code = '46002'`);
    await t.db.query(`DELETE FROM population WHERE area_code = '48001' AND age > 10`);
    expect(await stored()).toEqual(await recount());
    const [country] = await t.db.query(
      `SELECT count FROM statistics_population WHERE area_code = 'VN' AND year = 2025 AND sex = 'male' AND age = 3`,
    );
    // 46001: 99, 46002: 10 + 1, 48001: 10.
    expect(country).toEqual({ count: '120' });
  });
});
