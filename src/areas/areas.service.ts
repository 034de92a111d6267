import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';
import { isUniqueViolation } from '../database/postgres-errors';
import { AuditService } from '../audit/audit.service';
import { AreaRecord, AreaRepository } from '../area-tree/area-repository';
import { Page, pageRequest, toPage } from '../common/pagination';
import { Conflict, FieldError, Forbidden, invalidField, invalidFields, NotFound } from '../common/problem';
import { KnownArea } from './area-import-plan';
import { AREA_CODE_PATTERN } from '../common/validators';
import { childPath, isValidPeriod, parentLevelProblem } from './area-rules';
import { AreaListQuery, AreaView, CreateAreaDto } from './dto/area.dto';

function toView(row: AreaRecord): AreaView {
  const { code, name, level, parentCode, path, validFrom, validTo, successorCode } = row;
  return { code, name, level, parentCode, path, validFrom, validTo, successorCode };
}

@Injectable()
export class AreasService {
  constructor(
    private readonly db: DataSource,
    private readonly areas: AreaRepository,
    private readonly audit: AuditService,
  ) {}

  /** The stored areas among `codes` (unknown ones are simply absent). */
  known(codes: readonly (string | null | undefined)[], manager?: EntityManager): Promise<Map<string, KnownArea>> {
    return this.areas.refs(codes, manager);
  }

  /** The `retired` errors of the fields whose code was retired by `date` (see AreaRepository). */
  retiredOn(fields: readonly { field: string; code: string }[], date: string): Promise<FieldError[]> {
    return this.areas.retiredOn(fields, date);
  }

  async create(caller: Caller, dto: CreateAreaDto): Promise<AreaView> {
    // A code is taken or it is not, whatever else the body says: 409, whatever its level.
    if ((await this.known([dto.code])).has(dto.code))
      throw new Conflict(`An area with code ${dto.code} already exists`);
    if (dto.level === 'country')
      throw invalidField('level', 'a new country cannot be created: there is one, and every area sits inside it');
    const known = await this.known([dto.parentCode, dto.successorCode]);
    const parent = known.get(dto.parentCode);
    const errors: FieldError[] = [];
    if (!parent) errors.push({ field: 'parentCode', message: `no area has code ${dto.parentCode}` });
    else {
      const problem = parentLevelProblem(dto.level, parent.level);
      if (problem) errors.push({ field: 'parentCode', message: `${dto.parentCode} is a ${parent.level}: ${problem}` });
    }
    if (!isValidPeriod(dto.validFrom, dto.validTo))
      errors.push({ field: 'validTo', message: 'validTo must not be before validFrom' });
    if (dto.successorCode === dto.code)
      errors.push({ field: 'successorCode', message: 'successorCode must name another area' });
    else if (dto.successorCode && !known.has(dto.successorCode))
      errors.push({ field: 'successorCode', message: `no area has code ${dto.successorCode}` });
    if (errors.length || !parent) throw invalidFields(errors);

    const path = childPath(parent.path, dto.code);
    if (!caller.ability.can('create', subject('Area', { areaPath: path }) as never)) {
      throw new Forbidden(`You may only create areas inside your own area (${caller.user.areaCode})`);
    }
    try {
      return await this.db.transaction(async (manager) => {
        const row = await this.areas.insert(manager, {
          code: dto.code,
          name: dto.name,
          level: dto.level,
          parentCode: dto.parentCode,
          path,
          validFrom: dto.validFrom ?? null,
          validTo: dto.validTo ?? null,
          successorCode: dto.successorCode ?? null,
        });
        await this.audit.recordBy(
          caller,
          {
            action: 'area.create',
            subjectType: 'Area',
            subjectId: dto.code,
            details: { level: dto.level, parentCode: dto.parentCode },
          },
          manager,
        );
        return toView(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict(`An area with code ${dto.code} already exists`);
      throw error;
    }
  }

  async get(code: string): Promise<AreaView> {
    const row = AREA_CODE_PATTERN.test(code) ? await this.areas.record(code) : undefined;
    if (!row) throw new NotFound(`The area ${code}`);
    return toView(row);
  }

  /** Direct children of `parentCode` (the country when absent), by code, keyset-paginated. */
  async list(query: AreaListQuery): Promise<Page<AreaView>> {
    const page = pageRequest(query, ['text']);
    const rows = await this.areas.children({
      parentCode: query.parentCode,
      level: query.level,
      validOn: query.validOn,
      afterCode: page.after?.[0],
      limit: page.fetch,
    });
    if (!rows.length && query.parentCode && !(await this.known([query.parentCode])).size)
      throw new NotFound(`The area ${query.parentCode}`);
    return toPage(rows, page.limit, toView, (row) => [row.code]);
  }
}
