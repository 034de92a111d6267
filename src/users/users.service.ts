import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { DataSource } from 'typeorm';
import { AreaRef, AreaRepository } from '../area-tree/area-repository';
import { isUniqueViolation } from '../database/postgres-errors';
import { Caller } from '../access/request-context';
import { requireAccess } from '../access/require-access';
import { scopeWhere } from '../access/scope-sql';
import { Page, pageRequest, toPage } from '../common/pagination';
import { Conflict, Forbidden, invalidField, invalidFields } from '../common/problem';
import { vietnamDate } from '../domain/time';
import { AuditService } from '../audit/audit.service';
import { AuthenticationService } from '../auth/authentication.service';
import { CreatedUser, CreateUserDto, UpdateUserDto, UserAccount, UserListQuery, UserProfile } from './dto/user.dto';
import { hashPassword } from '../auth/password';
import { User } from '../auth/user.entity';
import { PiiService } from '../privacy/pii.service';
import { Role } from '../domain/roles';
import { requireAuditorAppointer, requireRoleFitsArea } from './role-placement';
import { adminSetPassword } from './admin-set-password';
import { PasswordMail } from './password-mail';

/** The encryption context of users' emails. */
const EMAIL = 'users.email';

@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly areas: AreaRepository,
    private readonly audit: AuditService,
    private readonly authentication: AuthenticationService,
    private readonly pii: PiiService,
    private readonly passwordMail: PasswordMail,
  ) {}

  async profile(caller: Caller): Promise<UserProfile> {
    const { id, username, fullName, role, areaCode } = caller.user;
    const [{ emailEnc }] = (await this.db.query(`SELECT email_enc AS "emailEnc" FROM users WHERE id = $1`, [id])) as {
      emailEnc: string | null;
    }[];
    return { id, username, fullName, role, areaCode, email: this.pii.decrypt(emailEnc, EMAIL) };
  }

  /** The area a user is placed in today; an unknown code, or one retired by today, is a 400 on areaCode. */
  private async areaOf(code: string): Promise<AreaRef> {
    const area = await this.areas.ref(code);
    if (!area) throw invalidField('areaCode', `no area has code ${code}`);
    const retired = await this.areas.retiredOn([{ field: 'areaCode', code }], vietnamDate(new Date()));
    if (retired.length) throw invalidFields(retired);
    return area;
  }

  async create(caller: Caller, dto: CreateUserDto): Promise<CreatedUser> {
    const username = dto.username.toLowerCase();
    const area = await this.areaOf(dto.areaCode);
    if (!caller.ability.can('create', subject('User', { areaPath: area.path }) as never)) {
      throw new Forbidden(`You may only create users inside your own area (${caller.user.areaCode})`);
    }
    requireRoleFitsArea(dto.role, area, 'role');
    if (dto.role === 'auditor') requireAuditorAppointer(caller, area);
    const set = adminSetPassword(dto, dto.email, this.passwordMail.mails, true)!;
    const passwordHash = await hashPassword(set.password);
    try {
      return await this.db.transaction(async (manager) => {
        const saved = await manager.save(
          // One-time: an admin set it (and may know it), so the user must choose its own at first sign-in.
          manager.create(User, {
            username,
            passwordHash,
            mustChangePassword: true,
            passwordSetBy: caller.user.id,
            passwordSetAt: new Date(),
            fullName: dto.fullName,
            emailEnc: this.pii.encrypt(dto.email, EMAIL),
            role: dto.role,
            areaCode: dto.areaCode,
          }),
        );
        await this.audit.recordBy(
          caller,
          {
            action: 'user.create',
            subjectType: 'User',
            subjectId: saved.id,
            details: { role: dto.role, areaCode: dto.areaCode },
          },
          manager,
        );
        // Last, so a mail the server refuses undoes the creation.
        if (set.mailTo) await this.passwordMail.send(set.mailTo, username, set.password);
        const { id, role, areaCode } = saved;
        return { id, username, role, areaCode, passwordMailed: set.mailTo !== null };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict(`The username ${username} is already taken`);
      throw error;
    }
  }

  /**
   * Changes a user inside the admin's area (404 outside it); a new area must lie inside it too.
   * A new password is one-time and, like a deactivation, ends the user's tokens.
   * Admins cannot demote or deactivate themselves, so an area never loses its last admin by accident.
   */
  async update(caller: Caller, id: string, dto: UpdateUserDto): Promise<UserAccount> {
    const [stored] = (await this.db.query(
      `SELECT id, role, area_code AS "areaCode", email_enc AS "emailEnc" FROM users WHERE id = $1`,
      [id],
    )) as { id: string; role: Role; areaCode: string; emailEnc: string | null }[];
    const storedArea = stored && (await this.areas.ref(stored.areaCode));
    const target = stored && { id: stored.id, areaPath: storedArea?.path };
    requireAccess(caller, 'update', 'User', target, 'The user');
    if (id === caller.user.id && (dto.active === false || (dto.role && dto.role !== caller.user.role))) {
      throw new Conflict('You cannot deactivate yourself or change your own role; ask another admin');
    }
    if (id === caller.user.id && (dto.password || dto.resetPassword)) {
      // Here it would be one-time and need no current password; POST /auth/password asks for it.
      throw new Conflict('Change your own password with POST /auth/password');
    }
    let area = storedArea!;
    if (dto.areaCode) {
      area = await this.areaOf(dto.areaCode);
      if (!caller.ability.can('update', subject('User', { areaPath: area.path }) as never)) {
        throw new Forbidden(`You may only place users inside your own area (${caller.user.areaCode})`);
      }
    }
    const role = dto.role ?? stored.role;
    if (dto.role || dto.areaCode) requireRoleFitsArea(role, area, dto.role ? 'role' : 'areaCode');
    // An auditor is changed, like it is made, only from above its area: before and after the change.
    if (stored.role === 'auditor') requireAuditorAppointer(caller, storedArea!);
    if (role === 'auditor') requireAuditorAppointer(caller, area);
    // The email the user will have: the one sent, or the stored one.
    const email = dto.email !== undefined ? dto.email : this.pii.decrypt(stored.emailEnc, EMAIL);
    const set = adminSetPassword(dto, email, this.passwordMail.mails, false);
    const passwordHash = set ? await hashPassword(set.password) : undefined;
    const account = await this.db.transaction(async (manager) => {
      // TypeORM answers an UPDATE with [rows, affected count].
      const [[row]] = (await manager.query(
        `UPDATE users SET full_name = coalesce($2, full_name), role = coalesce($3, role), area_code = coalesce($4, area_code),
                active = coalesce($5, active), password_hash = coalesce($6, password_hash),
                -- An email sent replaces the stored one; null removes it; absent keeps it.
                email_enc = CASE WHEN $7 THEN $8 ELSE email_enc END,
                -- A password an admin sets is one-time (the admin knows it).
                must_change_password = must_change_password OR $6 IS NOT NULL,
                password_set_by = CASE WHEN $6 IS NOT NULL THEN $9 ELSE password_set_by END,
                password_set_at = CASE WHEN $6 IS NOT NULL THEN now() ELSE password_set_at END,
                -- A new password or a deactivation ends every token issued before it, for good.
                token_version = token_version + CASE WHEN $6 IS NOT NULL OR $5 = false THEN 1 ELSE 0 END,
                updated_at = now()
          WHERE id = $1
          RETURNING id, username, full_name AS "fullName", role, area_code AS "areaCode", active, email_enc AS "emailEnc"`,
        [
          id,
          dto.fullName ?? null,
          dto.role ?? null,
          dto.areaCode ?? null,
          dto.active ?? null,
          passwordHash ?? null,
          dto.email !== undefined,
          this.pii.encrypt(dto.email, EMAIL),
          caller.user.id,
        ],
      )) as [(Omit<UserAccount, 'email'> & { emailEnc: string | null })[], number];
      // The names of the fields sent (the DTO has a key for every field, sent or not), never their values.
      const changed = Object.entries(dto)
        .filter(([, value]) => value !== undefined)
        .map(([key]) => key);
      await this.audit.recordBy(
        caller,
        {
          action: 'user.update',
          subjectType: 'User',
          subjectId: id,
          details: { changed: changed.join(','), role: row.role, areaCode: row.areaCode, active: row.active },
        },
        manager,
      );
      // Last, so a mail the server refuses undoes the change.
      if (set?.mailTo) await this.passwordMail.send(set.mailTo, row.username, set.password);
      const { emailEnc, ...fields } = row;
      return { ...fields, email: this.pii.decrypt(emailEnc, EMAIL) };
    });
    this.authentication.forget(id);
    return account;
  }

  /** Users inside the admin's area, by username; the scope is the CASL rule turned into SQL. */
  async list(caller: Caller, query: UserListQuery): Promise<Page<UserProfile>> {
    const page = pageRequest(query, ['text']);
    const qb = this.db
      .createQueryBuilder()
      .select([
        'u.id AS id',
        'u.username AS username',
        'u.full_name AS "fullName"',
        'u.role AS role',
        'u.area_code AS "areaCode"',
        'u.email_enc AS "emailEnc"',
      ])
      .from(User, 'u')
      .innerJoin('areas', 'a', 'a.code = u.area_code')
      .where(scopeWhere(caller.ability, 'read', 'User', { areaPath: 'a.path' }))
      .orderBy('u.username')
      .limit(page.fetch);
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (page.after) qb.andWhere('u.username > :after', { after: page.after[0] });
    const rows = await qb.getRawMany<Omit<UserProfile, 'email'> & { emailEnc: string | null }>();
    await this.audit.recordBy(caller, {
      action: 'user.list',
      subjectType: 'User',
      details: { returned: Math.min(rows.length, page.limit) },
    });
    return toPage(
      rows,
      page.limit,
      ({ emailEnc, ...row }) => ({ ...row, email: this.pii.decrypt(emailEnc, EMAIL) }),
      (row) => [row.username],
    );
  }
}
