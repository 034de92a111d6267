import { subject } from '@casl/ability';
import { EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';
import { Forbidden, invalidField, invalidFields } from '../common/problem';
import { isRetiredOn, isValidOn, retiredAreaError } from '../domain/area-validity';
import { descendantsPattern, isWithin } from '../domain/area-path';

/**
 * Which areas a rates query covers. Statistics for a period use the areas valid at its last day
 * (docs/statistics.md, Periods and areas): a commune retired before then (merged) hands its
 * events and children to its successor, following `successor_code` as far as the period's end. A
 * commune that merged into one under the queried area is therefore counted there, and one that
 * left it is not.
 */
export interface AreaRef {
  code: string;
  path: string;
  level: string;
}

/** A retired area and the area that stands for it at the period's end. */
export interface AreaMove {
  origin: string;
  originPath: string;
  code: string;
  path: string;
}

export interface RatesScope {
  area: AreaRef;
  /** The last day of the period: areas valid then are the ones reported on. */
  asOf: string;
  /** Moves touching the area: from inside it, or into it. Empty when no area merged. */
  moves: AreaMove[];
}

export async function findArea(
  manager: EntityManager,
  code: string,
): Promise<(AreaRef & { validFrom: string | null; validTo: string | null; successorCode: string | null }) | undefined> {
  const [area] = (await manager.query(
    `SELECT code, path, level, valid_from::text AS "validFrom", valid_to::text AS "validTo", successor_code AS "successorCode"
       FROM areas WHERE code = $1`,
    [code],
  )) as (AreaRef & { validFrom: string | null; validTo: string | null; successorCode: string | null })[];
  return area;
}

/** Retired areas (before `asOf`) whose origin or destination lies inside `area`. */
export async function movesTouching(manager: EntityManager, area: AreaRef, asOf: string): Promise<AreaMove[]> {
  const moves = (await manager.query(
    `WITH RECURSIVE chain (origin, code, depth) AS (
         SELECT code, successor_code, 1 FROM areas WHERE successor_code IS NOT NULL AND valid_to < $1::date
       UNION ALL
         SELECT chain.origin, next.successor_code, chain.depth + 1
           FROM chain JOIN areas next ON next.code = chain.code
          WHERE next.successor_code IS NOT NULL AND next.valid_to < $1::date AND chain.depth < 32
     ), final AS (
       SELECT DISTINCT ON (origin) origin, code FROM chain ORDER BY origin, depth DESC
     )
     SELECT final.origin, origin_area.path AS "originPath", final.code, destination.path
       FROM final
       JOIN areas origin_area ON origin_area.code = final.origin
       JOIN areas destination ON destination.code = final.code
      WHERE origin_area.path = $2 OR origin_area.path LIKE $3 OR destination.path = $2 OR destination.path LIKE $3`,
    [asOf, area.path, descendantsPattern(area.path)],
  )) as AreaMove[];
  return moves;
}

/** Moves whose destination lies inside the area: their events are brought in. */
export function inbound(scope: RatesScope): AreaMove[] {
  return scope.moves.filter((move) => isWithin(move.path, scope.area.path));
}

/** Moves whose origin lies inside the area: their events are counted at the destination instead. */
export function outboundOrigins(scope: RatesScope): AreaMove[] {
  return scope.moves.filter((move) => isWithin(move.originPath, scope.area.path));
}

/**
 * The area a statistics request asks about (default the caller's own): known (else 400), inside
 * the caller's area (else 403) and valid at the period's end (else 400, naming its successor).
 */
export async function statisticsArea(
  manager: EntityManager,
  caller: Caller,
  requested: string | undefined,
  periodEnd: string,
): Promise<AreaRef> {
  const code = requested ?? caller.user.areaCode;
  const area = await findArea(manager, code);
  if (!area) throw invalidField('areaCode', `${code} is not a known area`);
  if (!caller.ability.can('read', subject('Statistics', { areaPath: area.path }) as never)) {
    throw new Forbidden(`Statistics are available inside your own area (${caller.user.areaCode}) only`);
  }
  if (isRetiredOn(area, periodEnd)) throw invalidFields([retiredAreaError('areaCode', area, periodEnd)]);
  if (!isValidOn(area, periodEnd))
    throw invalidField('areaCode', `${code} was not yet a valid area on ${periodEnd}, the end of the period`);
  return { code: area.code, path: area.path, level: area.level };
}
