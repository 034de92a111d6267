import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ProblemException, Unauthorized } from '../common/problem';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { LoginDto, TokenResponse } from './dto/login.dto';
import { afterFailure, lockSecondsLeft, ThrottleState } from './lockout';
import { verifyPassword } from './password';

interface LoginRow {
  id: string;
  username: string;
  role: string;
  passwordHash: string;
}

class TooManyAttempts extends ProblemException {
  constructor(seconds: number) {
    super(HttpStatus.TOO_MANY_REQUESTS, `Too many failed logins for this username; try again in ${Math.ceil(seconds / 60)} minute(s)`, undefined, {
      'Retry-After': String(seconds),
    });
  }
}

@Injectable()
export class LoginService {
  constructor(
    private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(dto: LoginDto, requestId: string): Promise<TokenResponse> {
    const username = dto.username.trim().toLowerCase();
    const now = new Date();
    const locked = lockSecondsLeft(await this.throttleState(username), now);
    if (locked > 0) {
      await this.audit.record({ action: 'auth.login_locked', subjectType: 'User', username, requestId });
      throw new TooManyAttempts(locked);
    }
    const [user] = (await this.db.query(
      `SELECT id, username, role, password_hash AS "passwordHash" FROM users WHERE username = $1 AND active`,
      [username],
    )) as LoginRow[];
    const valid = await verifyPassword(user?.passwordHash, dto.password);
    if (!user || !valid) {
      await this.recordFailure(username, now);
      await this.audit.record({ action: 'auth.login_failed', subjectType: 'User', username, requestId });
      throw new Unauthorized('Wrong username or password');
    }
    await this.db.query(`DELETE FROM login_throttle WHERE username = $1`, [username]);
    await this.audit.record({
      action: 'auth.login',
      subjectType: 'User',
      subjectId: user.id,
      userId: user.id,
      username: user.username,
      role: user.role,
      requestId,
    });
    const accessToken = await this.jwt.signAsync(
      { sub: user.id },
      { algorithm: 'HS256', expiresIn: this.config.jwtExpiresInSeconds },
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwtExpiresInSeconds };
  }

  private async throttleState(username: string): Promise<ThrottleState | undefined> {
    const [row] = (await this.db.query(
      `SELECT recent_failures AS "recentFailures", locked_until AS "lockedUntil" FROM login_throttle WHERE username = $1`,
      [username],
    )) as ThrottleState[];
    return row;
  }

  /** Read, update and write the failure window under a row lock, so concurrent failures all count. */
  private async recordFailure(username: string, now: Date): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO login_throttle (username, recent_failures) VALUES ($1, '{}') ON CONFLICT (username) DO NOTHING`,
        [username],
      );
      const [current] = (await manager.query(
        `SELECT recent_failures AS "recentFailures", locked_until AS "lockedUntil"
           FROM login_throttle WHERE username = $1 FOR UPDATE`,
        [username],
      )) as ThrottleState[];
      const next = afterFailure(current, now);
      await manager.query(`UPDATE login_throttle SET recent_failures = $2, locked_until = $3 WHERE username = $1`, [
        username,
        next.recentFailures,
        next.lockedUntil,
      ]);
    });
  }
}
