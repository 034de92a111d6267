import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { RequestIds } from '../common/request-id';
import { AreaRepository } from '../area-tree/area-repository';
import { AuditService } from '../audit/audit.service';
import { Unauthorized } from '../common/problem';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { TokenClaims } from '../auth/authentication.service';
import { LoginDto, TokenResponse } from './dto/login.dto';
import { LoginLockout, TooManyAttempts } from '../auth/login-lockout';

interface LoginRow {
  id: string;
  username: string;
  role: string;
  passwordHash: string;
  tokenVersion: number;
  mustChangePassword: boolean;
  areaCode: string;
  active: boolean;
  passwordSetBy: string | null;
  passwordSetAt: Date | null;
}

@Injectable()
export class LoginService {
  constructor(
    private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly lockout: LoginLockout,
    private readonly areas: AreaRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(dto: LoginDto, ids: RequestIds): Promise<TokenResponse> {
    const username = dto.username.trim().toLowerCase();
    const [account] = (await this.db.query(
      `SELECT u.id, u.username, u.role, u.password_hash AS "passwordHash", u.token_version AS "tokenVersion",
              u.must_change_password AS "mustChangePassword", u.area_code AS "areaCode", u.active,
              setter.username AS "passwordSetBy", u.password_set_at AS "passwordSetAt"
         FROM users u LEFT JOIN users setter ON setter.id = u.password_set_by
        WHERE u.username = $1`,
      [username],
    )) as LoginRow[];
    const user = account?.active ? account : undefined;
    // The entries belong to the area of the account they name, so its auditor sees them.
    const actorAreaPath = account ? ((await this.areas.ref(account.areaCode))?.path ?? null) : null;
    const check = await this.lockout.check(username, user?.passwordHash, dto.password);
    if (check.outcome === 'locked') {
      await this.audit.record({ action: 'auth.login_locked', subjectType: 'User', username, actorAreaPath, ...ids });
      throw new TooManyAttempts(check.secondsLeft);
    }
    if (check.outcome === 'wrong' || !user) {
      await this.audit.record({ action: 'auth.login_failed', subjectType: 'User', username, actorAreaPath, ...ids });
      throw new Unauthorized('Wrong username or password');
    }
    await this.audit.record({
      action: 'auth.login',
      subjectType: 'User',
      subjectId: user.id,
      userId: user.id,
      username: user.username,
      role: user.role,
      actorAreaPath,
      ...ids,
    });
    // jsonwebtoken adds iat and exp.
    const claims: Pick<TokenClaims, 'sub' | 'tv'> = { sub: user.id, tv: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: 'HS256',
      expiresIn: this.config.jwtExpiresInSeconds,
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.jwtExpiresInSeconds,
      passwordChangeRequired: user.mustChangePassword,
      ...(user.mustChangePassword && user.passwordSetBy && user.passwordSetAt
        ? { passwordSetByAdmin: { by: user.passwordSetBy, at: user.passwordSetAt.toISOString() } }
        : {}),
    };
  }
}
