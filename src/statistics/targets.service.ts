import { subject } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { Forbidden, invalidField } from '../common/problem';
import { findArea } from './area-scope';
import { TargetDto } from './dto/target.dto';

/** Plan targets (admin): one per area, year and indicator; a second PUT replaces the first. */
@Injectable()
export class TargetsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async upsert(caller: Caller, dto: TargetDto): Promise<TargetDto> {
    const area = await findArea(this.db.manager, dto.areaCode);
    if (!area) throw invalidField('areaCode', `${dto.areaCode} is not a known area`);
    if (!caller.ability.can('update', subject('StatisticsTarget', { areaPath: area.path }) as never)) {
      throw new Forbidden(`Targets can be set inside your own area (${caller.user.areaCode}) only`);
    }
    return this.db.transaction(async (manager) => {
      const [saved] = (await manager.query(
        `INSERT INTO statistics_targets (indicator, area_code, year, value, kind, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (indicator, area_code, year) DO UPDATE
           SET value = EXCLUDED.value, kind = EXCLUDED.kind, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING indicator, area_code AS "areaCode", year, value::float8 AS value, kind`,
        [dto.indicator, dto.areaCode, dto.year, dto.value, dto.kind, caller.user.id],
      )) as TargetDto[];
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
            kind: dto.kind,
          },
        },
        manager,
      );
      return saved;
    });
  }
}
