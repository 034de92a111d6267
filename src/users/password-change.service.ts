import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { invalidField } from '../common/problem';
import { AuthenticationService } from '../auth/authentication.service';
import { ChangePasswordDto } from './dto/password.dto';
import { LoginLockout, TooManyAttempts } from '../auth/login-lockout';
import { hashPassword } from '../auth/password';

/**
 * The user sets its own password (the way out of a one-time password, or any time). The current
 * password is checked under the login lockout, so a stolen token cannot guess it either; the
 * change ends every token issued before it, the caller's included.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly lockout: LoginLockout,
    private readonly authentication: AuthenticationService,
  ) {}

  async change(caller: Caller, dto: ChangePasswordDto): Promise<void> {
    if (dto.newPassword === dto.currentPassword)
      throw invalidField('newPassword', 'must differ from the current password');
    const { id, username } = caller.user;
    const [row] = (await this.db.query(`SELECT password_hash AS "passwordHash" FROM users WHERE id = $1`, [id])) as {
      passwordHash: string;
    }[];
    const check = await this.lockout.check(username, row?.passwordHash, dto.currentPassword);
    if (check.outcome === 'locked') {
      await this.audit.recordBy(caller, { action: 'auth.password_change_locked', subjectType: 'User', subjectId: id });
      throw new TooManyAttempts(check.secondsLeft);
    }
    if (check.outcome === 'wrong') {
      await this.audit.recordBy(caller, { action: 'auth.password_change_failed', subjectType: 'User', subjectId: id });
      throw invalidField('currentPassword', 'is not the current password');
    }
    const passwordHash = await hashPassword(dto.newPassword);
    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE users SET password_hash = $2, must_change_password = false, password_set_by = NULL, password_set_at = NULL,
                token_version = token_version + 1, updated_at = now()
          WHERE id = $1`,
        [id, passwordHash],
      );
      await this.audit.recordBy(
        caller,
        { action: 'user.password_change', subjectType: 'User', subjectId: id },
        manager,
      );
    });
    this.authentication.forget(id);
  }
}
