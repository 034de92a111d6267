import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FieldError } from '../common/problem';
import { AreaLevel } from '../domain/area-path';
import { isRetiredOn, retiredAreaError } from '../domain/area-validity';
import { prepared } from '../database/prepared-statements';

/** What every layer needs of an area: where it sits in the tree. */
export interface AreaRef {
  code: string;
  level: AreaLevel;
  parentCode: string | null;
  /** Codes from the country down, joined with dots: `VN.46.19753`. */
  path: string;
}

/** An area as it is stored, dates as `YYYY-MM-DD` text so no time zone can shift them. */
export interface AreaRecord extends AreaRef {
  name: string;
  validFrom: string | null;
  validTo: string | null;
  successorCode: string | null;
}

export interface AreaChildrenFilter {
  /** The parent's code; absent: the top of the tree (the country). */
  parentCode?: string;
  level?: AreaLevel;
  /** Only areas valid on this date (`YYYY-MM-DD`). */
  validOn?: string;
  /** Keyset position: codes after this one. */
  afterCode?: string;
  limit: number;
}

const REF_COLUMNS = ['a.code AS code', 'a.level AS level', 'a.parent_code AS "parentCode"', 'a.path AS path'];
const RECORD_COLUMNS = [
  ...REF_COLUMNS,
  'a.name AS name',
  `to_char(a.valid_from, 'YYYY-MM-DD') AS "validFrom"`,
  `to_char(a.valid_to, 'YYYY-MM-DD') AS "validTo"`,
  'a.successor_code AS "successorCode"',
];

/** Of some codes, the areas retired before a day (`$2`): read with every intake, so prepared. */
const RETIRED_AREAS = prepared(
  `SELECT ${RECORD_COLUMNS.join(', ')} FROM areas a WHERE a.code = ANY($1::text[]) AND a.valid_to < $2::date`,
);

/**
 * The one reader and writer of the `areas` table. Code → level, parent and path is the hot
 * lookup (every intake names two communes, every request's scope is a path): an area's level,
 * parent and path never change once created (imports refuse it), so answers read outside a
 * transaction are cached for good; a new area is simply a miss that reads the table. Reads inside
 * a transaction are not cached, since the transaction may still roll back.
 */
@Injectable()
export class AreaRepository {
  private readonly cache = new Map<string, AreaRef>();

  constructor(private readonly db: DataSource) {}

  /** The stored areas among `codes` (unknown ones are simply absent). */
  async refs(codes: readonly (string | null | undefined)[], manager?: EntityManager): Promise<Map<string, AreaRef>> {
    const wanted = [...new Set(codes.filter((code): code is string => !!code))];
    const missing = manager ? wanted : wanted.filter((code) => !this.cache.has(code));
    const found = new Map<string, AreaRef>();
    if (missing.length) {
      const rows = await (manager ?? this.db.manager)
        .createQueryBuilder()
        .select(REF_COLUMNS)
        .from('areas', 'a')
        .where('a.code = ANY(:codes)', { codes: missing })
        .getRawMany<AreaRef>();
      for (const row of rows) {
        found.set(row.code, row);
        if (!manager) this.cache.set(row.code, row);
      }
    }
    for (const code of wanted) {
      const cached = this.cache.get(code);
      if (cached && !found.has(code)) found.set(code, cached);
    }
    return found;
  }

  async ref(code: string, manager?: EntityManager): Promise<AreaRef | undefined> {
    return (await this.refs([code], manager)).get(code);
  }

  async record(code: string): Promise<AreaRecord | undefined> {
    return this.db.manager
      .createQueryBuilder()
      .select(RECORD_COLUMNS)
      .from('areas', 'a')
      .where('a.code = :code', { code })
      .getRawOne<AreaRecord>();
  }

  /**
   * The `retired` errors of the fields whose code was retired by `date` (`YYYY-MM-DD`), each naming
   * the successor. Read uncached: an import may retire an area at any time. Unknown codes pass
   * (the caller reports them its own way).
   */
  async retiredOn(
    fields: readonly { field: string; code: string }[],
    date: string,
    manager?: EntityManager,
  ): Promise<FieldError[]> {
    if (!fields.length) return [];
    const rows = (await (manager ?? this.db.manager).query(RETIRED_AREAS, [
      [...new Set(fields.map((f) => f.code))],
      date,
    ])) as AreaRecord[];
    const retired = new Map(rows.map((row) => [row.code, row]));
    return fields.flatMap(({ field, code }) => {
      const area = retired.get(code);
      return area && isRetiredOn(area, date) ? [retiredAreaError(field, area, date)] : [];
    });
  }

  /** Direct children of an area (the country when no parent is given), by code. */
  children(filter: AreaChildrenFilter): Promise<AreaRecord[]> {
    const qb = this.db.manager
      .createQueryBuilder()
      .select(RECORD_COLUMNS)
      .from('areas', 'a')
      .orderBy('a.code COLLATE "C"')
      .limit(filter.limit);
    if (filter.parentCode) qb.where('a.parent_code = :parentCode', { parentCode: filter.parentCode });
    else qb.where('a.parent_code IS NULL');
    if (filter.level) qb.andWhere('a.level = :level', { level: filter.level });
    if (filter.validOn) {
      qb.andWhere(
        '(a.valid_from IS NULL OR a.valid_from <= :validOn::date) AND (a.valid_to IS NULL OR a.valid_to >= :validOn::date)',
        { validOn: filter.validOn },
      );
    }
    if (filter.afterCode) qb.andWhere('a.code COLLATE "C" > :afterCode', { afterCode: filter.afterCode });
    return qb.getRawMany<AreaRecord>();
  }

  /** One creation or import at a time: checks made against the stored tree stay true until the commit. */
  async lockForChanges(manager: EntityManager): Promise<void> {
    await manager.query(`LOCK TABLE areas IN SHARE ROW EXCLUSIVE MODE`);
  }

  /**
   * Writes areas in one statement (arrays through `unnest`): foreign keys are checked at its end,
   * so a successor defined further down an import is fine. A stored code keeps its level, parent
   * and path; its name, validity and successor are updated.
   */
  async upsert(manager: EntityManager, areas: readonly AreaRecord[]): Promise<void> {
    const column = <K extends keyof AreaRecord>(key: K) => areas.map((area) => area[key]);
    await manager.query(
      `INSERT INTO areas (code, name, level, parent_code, path, valid_from, valid_to, successor_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[])
       ON CONFLICT (code) DO UPDATE
          SET name = EXCLUDED.name, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
              successor_code = EXCLUDED.successor_code`,
      [
        column('code'),
        column('name'),
        column('level'),
        column('parentCode'),
        column('path'),
        column('validFrom'),
        column('validTo'),
        column('successorCode'),
      ],
    );
  }

  /** A new area; a taken code fails with the unique violation (the caller answers 409). */
  async insert(manager: EntityManager, area: AreaRecord): Promise<AreaRecord> {
    await manager.query(
      `INSERT INTO areas (code, name, level, parent_code, path, valid_from, valid_to, successor_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [area.code, area.name, area.level, area.parentCode, area.path, area.validFrom, area.validTo, area.successorCode],
    );
    return area;
  }
}
