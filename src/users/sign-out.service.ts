import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { AuthenticationService } from '../auth/authentication.service';

/**
 * Signing out (POST /auth/logout): the user's token version moves on, so the token the call carries
 * never works again. Tokens say only whose they are and under which version, so every token the
 * user holds ends with it (every tab and device signs in again). The cached row is dropped after
 * the commit, so this instance refuses the token from the next request on.
 */
@Injectable()
export class SignOutService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly authentication: AuthenticationService,
  ) {}

  async signOut(caller: Caller): Promise<void> {
    const { id } = caller.user;
    await this.db.transaction(async (manager) => {
      await manager.query(`UPDATE users SET token_version = token_version + 1, updated_at = now() WHERE id = $1`, [id]);
      await this.audit.recordBy(caller, { action: 'auth.logout', subjectType: 'User', subjectId: id }, manager);
    });
    this.authentication.forget(id);
  }
}
