import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { Principal } from '../access/principal';
import { Unauthorized } from '../common/problem';
import { PrincipalCache } from './principal-cache';

interface TokenClaims {
  sub: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How long a signed-in user is trusted without reading its row again. */
export const PRINCIPAL_TTL_MS = 5000;

/**
 * Turns a bearer token into the caller, read from the database (cached for a few seconds, so a
 * deactivation or role change applies within PRINCIPAL_TTL_MS).
 */
@Injectable()
export class AuthenticationService {
  private readonly cache = new PrincipalCache(PRINCIPAL_TTL_MS);

  constructor(
    private readonly jwt: JwtService,
    private readonly db: DataSource,
  ) {}

  async authenticate(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization ?? '');
    if (!match) throw new Unauthorized();
    let claims: TokenClaims;
    try {
      // Only HS256 is accepted: `alg: none` and algorithm swaps fail here.
      claims = await this.jwt.verifyAsync<TokenClaims>(match[1], { algorithms: ['HS256'] });
    } catch {
      throw new Unauthorized('The token is invalid or has expired');
    }
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) throw new Unauthorized('The token is invalid');
    const cached = this.cache.get(claims.sub);
    if (cached) return cached;
    const [user] = (await this.db.query(
      `SELECT u.id, u.username, u.full_name AS "fullName", u.role, u.area_code AS "areaCode", a.path AS "areaPath"
         FROM users u JOIN areas a ON a.code = u.area_code
        WHERE u.id = $1 AND u.active`,
      [claims.sub],
    )) as Principal[];
    if (!user) throw new Unauthorized('The token does not belong to an active user');
    this.cache.set(user);
    return user;
  }

  /** For changes to a user made here: they apply to its next request. */
  forget(userId: string): void {
    this.cache.forget(userId);
  }
}
