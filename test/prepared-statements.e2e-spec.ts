import { QueryFailedError, QueryRunner } from 'typeorm';
import { prepared } from '../src/database/prepared-statements';
import { runBatch } from '../src/database/statement-batch';
import { TestApp } from './support/test-app';

let t: TestApp;
let runner: QueryRunner;

beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(() => t.close());

// pg_prepared_statements shows one session's statements: each test keeps to one connection.
beforeEach(() => {
  runner = t.db.createQueryRunner();
});
afterEach(() => runner.release());

const preparedHere = (): Promise<{ name: string; statement: string; generic: number; custom: number }[]> =>
  runner.query(
    `SELECT name, statement, generic_plans::int AS generic, custom_plans::int AS custom
       FROM pg_prepared_statements ORDER BY name`,
  );

const MARKED = prepared('SELECT count(*)::int AS n FROM areas WHERE code = ANY($1::text[])');

describe('the hot statements go out prepared, once per connection', () => {
  it('a text marked as prepared is parsed once on the connection and then only executed', async () => {
    await runner.query(MARKED, [['VN']]);
    await runner.query(MARKED, [['VN', 'nowhere']]);
    const mine = (await preparedHere()).filter((row) => row.statement === MARKED);
    expect(mine).toHaveLength(1);
    expect(mine[0].name).toMatch(/^stmt_[0-9a-f]{24}$/);
    expect(mine[0].generic + mine[0].custom).toBe(2);
  });

  it('a text that is not marked stays a one-off statement', async () => {
    const text = 'SELECT count(*)::int AS n FROM areas WHERE level = $1';
    await runner.query(text, ['province']);
    expect((await preparedHere()).some((row) => row.statement === text)).toBe(false);
  });

  it("the database's refusals reach the data layer as before, and the connection goes on", async () => {
    const insert = prepared('INSERT INTO areas (code, name, level, parent_code, path) VALUES ($1, $2, $3, $4, $5)');
    await expect(runner.query(insert, ['VN', 'Again', 'country', null, 'VN'])).rejects.toBeInstanceOf(QueryFailedError);
    await expect(runner.query(insert, ['VN', 'Again', 'country', null, 'VN'])).rejects.toMatchObject({
      driverError: { code: '23505' },
    });
    expect(await runner.query(MARKED, [['VN']])).toEqual([{ n: 1 }]);
  });

  it("a batch's statements are prepared once and run with the one plan made for all calls", async () => {
    const statements = [
      { sql: 'SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[])', params: [[]] },
      { sql: 'SELECT $1::text AS said', params: ["it's"] },
    ];
    for (let call = 0; call < 3; call++) {
      await runner.startTransaction();
      expect(await runBatch(runner.manager, statements)).toEqual([[{ n: 0 }], [{ said: "it's" }]]);
      await runner.commitTransaction();
    }
    const batch = (await preparedHere()).filter((row) => row.name.startsWith('batch_'));
    expect(batch).toHaveLength(2);
    for (const row of batch) expect(row).toMatchObject({ generic: 3, custom: 0 });
    // The plan choice is the transaction's: the session's own setting is untouched.
    expect(await runner.query('SHOW plan_cache_mode')).toEqual([{ plan_cache_mode: 'auto' }]);
  });
});
