import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { DataSource, QueryFailedError } from 'typeorm';
import { Caller } from '../access/request-context';
import { scopeWhere } from '../access/scope-sql';
import { decodeCursor, DEFAULT_LIMIT, Page, toPage } from '../common/pagination';
import { Conflict, Forbidden, invalidField } from '../common/problem';
import { AuditService } from '../audit/audit.service';
import { CreatedUser, CreateUserDto, UserListQuery, UserProfile } from './dto/user.dto';
import { hashPassword } from './password';
import { User } from './user.entity';

const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  profile(caller: Caller): UserProfile {
    const { id, username, fullName, role, areaCode } = caller.user;
    return { id, username, fullName, role, areaCode };
  }

  async create(caller: Caller, dto: CreateUserDto): Promise<CreatedUser> {
    const username = dto.username.toLowerCase();
    const [area] = (await this.db.query(`SELECT path FROM areas WHERE code = $1`, [dto.areaCode])) as { path: string }[];
    if (!area) throw invalidField('areaCode', `no area has code ${dto.areaCode}`);
    if (!caller.ability.can('create', subject('User', { areaPath: area.path }) as never)) {
      throw new Forbidden(`You may only create users inside your own area (${caller.user.areaCode})`);
    }
    const passwordHash = await hashPassword(dto.password);
    try {
      return await this.db.transaction(async (manager) => {
        const saved = await manager.save(
          manager.create(User, { username, passwordHash, fullName: dto.fullName, role: dto.role, areaCode: dto.areaCode }),
        );
        await this.audit.recordBy(caller, { action: 'user.create', subjectType: 'User', subjectId: saved.id, details: { role: dto.role, areaCode: dto.areaCode } }, manager);
        return { id: saved.id, username: saved.username, role: saved.role, areaCode: saved.areaCode };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict(`The username ${username} is already taken`);
      throw error;
    }
  }

  /** Users inside the admin's area, by username; the scope is the CASL rule turned into SQL. */
  async list(caller: Caller, query: UserListQuery): Promise<Page<UserProfile>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const position = decodeCursor(query.cursor, 1);
    const qb = this.db
      .createQueryBuilder()
      .select(['u.id AS id', 'u.username AS username', 'u.full_name AS "fullName"', 'u.role AS role', 'u.area_code AS "areaCode"'])
      .from(User, 'u')
      .innerJoin('areas', 'a', 'a.code = u.area_code')
      .where(scopeWhere(caller.ability, 'read', 'User', { areaPath: 'a.path' }))
      .orderBy('u.username')
      .limit(limit + 1);
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (position) qb.andWhere('u.username > :after', { after: position[0] });
    const rows = await qb.getRawMany<UserProfile>();
    await this.audit.recordBy(caller, { action: 'user.list', subjectType: 'User', details: { returned: Math.min(rows.length, limit) } });
    return toPage(rows, limit, (row) => row, (row) => [row.username]);
  }
}
