import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';
import { isUniqueViolation } from '../database/postgres-errors';
import { AuditService } from '../audit/audit.service';
import { decodeCursor, DEFAULT_LIMIT, Page, toPage } from '../common/pagination';
import { Conflict, FieldError, Forbidden, invalidField, invalidFields, NotFound } from '../common/problem';
import { KnownArea } from './area-import-plan';
import { AREA_CODE_PATTERN, childPath, isValidPeriod, parentLevelProblem } from './area-rules';
import { AreaListQuery, AreaView, CreateAreaDto } from './dto/area.dto';

/** The columns of an AreaView; dates as text so no time zone can shift them. */
const AREA_COLUMNS = `code, name, level, parent_code AS "parentCode", path,
  to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo",
  successor_code AS "successorCode"`;

function toView(row: AreaView): AreaView {
  const { code, name, level, parentCode, path, validFrom, validTo, successorCode } = row;
  return { code, name, level, parentCode, path, validFrom, validTo, successorCode };
}

@Injectable()
export class AreasService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The stored areas among `codes` (unknown ones are simply absent), for other modules too. */
  async known(codes: readonly (string | null | undefined)[], manager: EntityManager = this.db.manager): Promise<Map<string, KnownArea>> {
    const wanted = [...new Set(codes.filter((code): code is string => !!code))];
    if (!wanted.length) return new Map();
    const rows = (await manager.query(`SELECT code, level, parent_code AS "parentCode", path FROM areas WHERE code = ANY($1::text[])`, [wanted])) as KnownArea[];
    return new Map(rows.map((row) => [row.code, row]));
  }

  async create(caller: Caller, dto: CreateAreaDto): Promise<AreaView> {
    // A code is taken or it is not, whatever else the body says (API.md v1.1: 409, whatever its level).
    if ((await this.known([dto.code])).has(dto.code)) throw new Conflict(`An area with code ${dto.code} already exists`);
    if (dto.level === 'country') throw invalidField('level', 'a new country cannot be created: there is one, and every area sits inside it');
    const known = await this.known([dto.parentCode, dto.successorCode]);
    const parent = known.get(dto.parentCode);
    const errors: FieldError[] = [];
    if (!parent) errors.push({ field: 'parentCode', message: `no area has code ${dto.parentCode}` });
    else {
      const problem = parentLevelProblem(dto.level, parent.level);
      if (problem) errors.push({ field: 'parentCode', message: `${dto.parentCode} is a ${parent.level}: ${problem}` });
    }
    if (!isValidPeriod(dto.validFrom, dto.validTo)) errors.push({ field: 'validTo', message: 'validTo must not be before validFrom' });
    if (dto.successorCode === dto.code) errors.push({ field: 'successorCode', message: 'successorCode must name another area' });
    else if (dto.successorCode && !known.has(dto.successorCode)) errors.push({ field: 'successorCode', message: `no area has code ${dto.successorCode}` });
    if (errors.length || !parent) throw invalidFields(errors);

    const path = childPath(parent.path, dto.code);
    if (!caller.ability.can('create', subject('Area', { areaPath: path }) as never)) {
      throw new Forbidden(`You may only create areas inside your own area (${caller.user.areaCode})`);
    }
    try {
      return await this.db.transaction(async (manager) => {
        const [row] = (await manager.query(
          `INSERT INTO areas (code, name, level, parent_code, path, valid_from, valid_to, successor_code)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${AREA_COLUMNS}`,
          [dto.code, dto.name, dto.level, dto.parentCode, path, dto.validFrom ?? null, dto.validTo ?? null, dto.successorCode ?? null],
        )) as AreaView[];
        await this.audit.recordBy(caller, { action: 'area.create', subjectType: 'Area', subjectId: dto.code, details: { level: dto.level, parentCode: dto.parentCode } }, manager);
        return toView(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict(`An area with code ${dto.code} already exists`);
      throw error;
    }
  }

  async get(code: string): Promise<AreaView> {
    const [row] = AREA_CODE_PATTERN.test(code)
      ? ((await this.db.query(`SELECT ${AREA_COLUMNS} FROM areas WHERE code = $1`, [code])) as AreaView[])
      : [];
    if (!row) throw new NotFound(`The area ${code}`);
    return toView(row);
  }

  /** Direct children of `parentCode` (the country when absent), by code, keyset-paginated. */
  async list(query: AreaListQuery): Promise<Page<AreaView>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const position = decodeCursor(query.cursor, ['text']);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql.replace(/\?/g, () => `$${params.push(values.shift())}`));
    };
    if (query.parentCode) add('parent_code = ?', query.parentCode);
    else where.push('parent_code IS NULL');
    if (query.level) add('level = ?', query.level);
    if (query.validOn) add('(valid_from IS NULL OR valid_from <= ?::date) AND (valid_to IS NULL OR valid_to >= ?::date)', query.validOn, query.validOn);
    if (position) add('code COLLATE "C" > ?', position[0]);
    params.push(limit + 1);
    const rows = (await this.db.query(
      `SELECT ${AREA_COLUMNS} FROM areas WHERE ${where.join(' AND ')} ORDER BY code COLLATE "C" LIMIT $${params.length}`,
      params,
    )) as AreaView[];
    if (!rows.length && query.parentCode && !(await this.known([query.parentCode])).size) throw new NotFound(`The area ${query.parentCode}`);
    return toPage(rows, limit, toView, (row) => [row.code]);
  }
}
