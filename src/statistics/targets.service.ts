import { subject } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { Forbidden, invalidField, invalidFields, NotFound } from '../common/problem';
import { descendantsPattern } from '../domain/area-path';
import { isRetiredOn, retiredAreaError } from '../domain/area-validity';
import { findArea } from './area-scope';
import { TargetDeleteQuery, TargetDto, TargetListQuery, TargetViewDto } from './dto/target.dto';
import { inBothUnits, isKpiTarget, TargetUnit } from './targets';

const TARGET_COLUMNS = `indicator, area_code AS "areaCode", year, value::float8 AS value, unit, kind`;

type StoredTarget = Omit<TargetViewDto, 'per100k' | 'percent'> & { unit: TargetUnit };

function view(row: StoredTarget): TargetViewDto {
  return { ...row, ...inBothUnits(row.indicator, row.value, row.unit) };
}

/**
 * Plan targets (admin sets and removes them; statistics roles read them): one per area, year and
 * indicator; a second PUT replaces the first. Stored as entered, with the unit; shown in both.
 */
@Injectable()
export class TargetsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async upsert(caller: Caller, dto: TargetDto): Promise<TargetViewDto> {
    const unit = this.unitOf(dto);
    if (unit === 'percent' && dto.value > 100) throw invalidField('value', 'a per cent must be at most 100');
    const area = await this.areaInScope(caller, dto.areaCode, 'update');
    // A target is for a year: a code retired before the year begins has no figures to meet it.
    const firstDay = `${dto.year}-01-01`;
    if (isRetiredOn(area, firstDay)) throw invalidFields([retiredAreaError('areaCode', area, firstDay)]);
    return this.db.transaction(async (manager) => {
      const [saved] = (await manager.query(
        `INSERT INTO statistics_targets (indicator, area_code, year, value, unit, kind, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (indicator, area_code, year) DO UPDATE
           SET value = EXCLUDED.value, unit = EXCLUDED.unit, kind = EXCLUDED.kind, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING ${TARGET_COLUMNS}`,
        [dto.indicator, dto.areaCode, dto.year, dto.value, unit, dto.kind, caller.user.id],
      )) as StoredTarget[];
      await this.audit.recordBy(
        caller,
        {
          action: 'statistics.target.upsert',
          subjectType: 'StatisticsTarget',
          subjectId: `${dto.indicator}/${dto.areaCode}/${dto.year}`,
          details: {
            indicator: dto.indicator,
            areaCode: dto.areaCode,
            year: dto.year,
            value: dto.value,
            unit,
            kind: dto.kind,
          },
        },
        manager,
      );
      return view(saved);
    });
  }

  /** The targets of the area and every area below it, optionally of one year. */
  async list(caller: Caller, query: TargetListQuery): Promise<{ items: TargetViewDto[] }> {
    const area = await this.areaInScope(caller, query.areaCode ?? caller.user.areaCode, 'read');
    const rows = (await this.db.query(
      `SELECT ${TARGET_COLUMNS.replace(/(^|, )(\w+)/g, '$1t.$2')} FROM statistics_targets t JOIN areas a ON a.code = t.area_code
        WHERE (a.path = $1 OR a.path LIKE $2) AND ($3::int IS NULL OR t.year = $3)
        ORDER BY t.year, a.path, t.indicator`,
      [area.path, descendantsPattern(area.path), query.year ?? null],
    )) as StoredTarget[];
    return { items: rows.map(view) };
  }

  async remove(caller: Caller, key: TargetDeleteQuery): Promise<void> {
    await this.areaInScope(caller, key.areaCode, 'delete');
    await this.db.transaction(async (manager) => {
      const [{ removed }] = (await manager.query(
        `WITH gone AS (DELETE FROM statistics_targets WHERE indicator = $1 AND area_code = $2 AND year = $3 RETURNING 1)
         SELECT count(*)::int AS removed FROM gone`,
        [key.indicator, key.areaCode, key.year],
      )) as { removed: number }[];
      if (!removed)
        throw new NotFound('The target', `none is set for ${key.indicator} in ${key.areaCode}, ${key.year}`);
      await this.audit.recordBy(
        caller,
        {
          action: 'statistics.target.delete',
          subjectType: 'StatisticsTarget',
          subjectId: `${key.indicator}/${key.areaCode}/${key.year}`,
          details: { indicator: key.indicator, areaCode: key.areaCode, year: key.year },
        },
        manager,
      );
    });
  }

  /** KPI targets are shares: per cent only, and per cent by default. */
  private unitOf(dto: TargetDto): TargetUnit {
    if (!isKpiTarget(dto.indicator)) return dto.unit ?? 'per100k';
    if (dto.unit === 'per100k') throw invalidField('unit', `${dto.indicator} is a share: its target is in per cent`);
    return 'percent';
  }

  private async areaInScope(caller: Caller, code: string, action: 'read' | 'update' | 'delete') {
    const area = await findArea(this.db.manager, code);
    if (!area) throw invalidField('areaCode', `${code} is not a known area`);
    if (!caller.ability.can(action, subject('StatisticsTarget', { areaPath: area.path }) as never)) {
      throw new Forbidden(`Targets are available inside your own area (${caller.user.areaCode}) only`);
    }
    return area;
  }
}
