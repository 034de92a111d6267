import { EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';
import { scopeCondition } from '../access/scope-sql';
import { CASE_SCOPE_COLUMNS } from '../access/case-scope-columns';
import { descendantsPattern } from '../domain/area-path';
import { AreaRef, inbound, RatesScope } from './area-scope';
import { Grouping, KeyedCount } from './rates-repository';

/**
 * Exact figures only where the caller may read every case counted (docs/statistics.md,
 * Protection): children are counted at their residence, so a commune's figure may count a case
 * another commune manages, which the commune's officer cannot open. This finds, per grouping key,
 * the counted cases the caller may not read; the cells that hold any are published `protected`.
 *
 * Only a case managed outside its child's residence commune can be one: a case managed where the
 * child lives lies inside the area asked about, hence inside the caller's. Those few cases have an
 * index of their own (`cases_residence_elsewhere`), so the check costs little.
 */
export interface CountedCases {
  categories: readonly string[];
  fatalOnly: boolean;
  minAge: number;
  maxAge: number;
  substantiations: readonly string[];
  /** The period, YYYY-MM-DD, inclusive. */
  start: string;
  end: string;
}

/** The grouping key over a row exposing `path`, `sex`, `age` and `form`, as `countChildren` keys its counts. */
function keyOf(grouping: Grouping, area: AreaRef): string {
  switch (grouping) {
    case 'area':
      return `split_part(path, '.', ${area.path.split('.').length + 1})`;
    case 'sex':
      return 'sex';
    case 'age':
      return 'age::text';
    case 'form':
      return 'form';
    default:
      return `''`;
  }
}

/**
 * The counted cases of `scope` the caller may not read, by grouping key (as `countChildren`
 * keys its counts, so the same table rows take them); empty when the caller reads them all.
 */
export async function unreadableCounted(
  manager: EntityManager,
  caller: Caller,
  scope: Pick<RatesScope, 'area'> & Partial<Pick<RatesScope, 'moves' | 'asOf'>>,
  cases: CountedCases,
  grouping: Grouping,
): Promise<KeyedCount[]> {
  const readable = scopeCondition(caller.ability, 'read', 'Case', CASE_SCOPE_COLUMNS);
  const counted = `c.residence_area_path <> c.area_path
    AND c.category = ANY(:categories::text[]) AND (c.fatal OR NOT :fatalOnly::boolean)
    AND c.age_at_event BETWEEN :minAge AND :maxAge AND c.substantiation = ANY(:substantiations::text[])
    AND c.event_date BETWEEN :start::date AND :end::date AND NOT coalesce((${readable.sql}), false)`;
  const columns = 'c.sex, c.age_at_event AS age, c.form';
  const inside =
    scope.area.level === 'commune' ? 'c.residence_area_path = :areaPath' : 'c.residence_area_path LIKE :areaPattern';
  const branches = [`SELECT c.residence_area_path AS path, ${columns} FROM cases c WHERE ${inside} AND ${counted}`];
  const arriving = scope.moves ? inbound(scope as RatesScope) : [];
  if (arriving.length) {
    // Children of a retired commune count at its successor (area-scope.ts): so do their cases here.
    branches.push(
      `SELECT moved.path, ${columns} FROM cases c
         JOIN unnest(:originPaths::text[], :movedPaths::text[]) AS moved(origin_path, path)
           ON moved.origin_path = c.residence_area_path
        WHERE ${counted}`,
    );
  }
  const [sql, params] = manager.connection.driver.escapeQueryWithParameters(
    `SELECT ${keyOf(grouping, scope.area)} AS key, count(*)::int AS count, 0 AS "keySum"
       FROM (${branches.join(' UNION ALL ')}) AS unreadable GROUP BY 1`,
    {
      ...readable.params,
      categories: cases.categories,
      fatalOnly: cases.fatalOnly,
      minAge: cases.minAge,
      maxAge: cases.maxAge,
      substantiations: cases.substantiations,
      start: cases.start,
      end: cases.end,
      areaPath: scope.area.path,
      areaPattern: descendantsPattern(scope.area.path),
      originPaths: arriving.map((move) => move.originPath),
      movedPaths: arriving.map((move) => move.path),
    },
  );
  return (await manager.query(sql, params)) as KeyedCount[];
}
