import { EntityManager } from 'typeorm';
import { TestApp } from './support/test-app';
import { buildWorld } from './support/world';

/**
 * The KPI figures of one answer come from one snapshot: their queries (the area sums, the
 * deadlines and children still ahead, the officers) run in one read-only REPEATABLE READ
 * transaction, so they cannot disagree when cases are written between them. Observed from inside:
 * each KPI query is preceded by a look at the transaction it runs in.
 */
let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
});
afterAll(() => t.close());

const KPI_QUERIES = /FROM kpi_area_counts|FROM kpi_deadline_facts|FROM kpi_child_facts|u\.role = 'commune_officer'/;

interface TransactionState {
  isolation: string;
  readOnly: string;
  pid: number;
  startedAt: string;
}

it('runs the four KPI queries of an answer in one read-only REPEATABLE READ transaction', async () => {
  const provincial = await t.tokenFor('provincial_officer', '46');
  const seen: TransactionState[] = [];
  const query = EntityManager.prototype.query;
  const spy = jest.spyOn(EntityManager.prototype, 'query').mockImplementation(async function (
    this: EntityManager,
    sql: string,
    parameters?: Parameters<EntityManager['query']>[1],
  ) {
    if (KPI_QUERIES.test(sql)) {
      const [state] = (await query.call(
        this,
        `SELECT current_setting('transaction_isolation') AS isolation,
                  current_setting('transaction_read_only') AS "readOnly",
                  pg_backend_pid() AS pid, now()::text AS "startedAt"`,
      )) as TransactionState[];
      seen.push(state);
    }
    return query.call(this, sql, parameters);
  });
  try {
    expect((await t.get('/statistics/kpis?year=2025&areaCode=46&groupBy=area', provincial)).status).toBe(200);
  } finally {
    spy.mockRestore();
  }
  expect(seen).toHaveLength(4);
  expect(seen[0]).toMatchObject({ isolation: 'repeatable read', readOnly: 'on' });
  // One connection, one transaction (now() is the transaction's start): the same state for all four.
  expect(new Set(seen.map((state) => JSON.stringify(state))).size).toBe(1);
});
