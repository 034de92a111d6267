import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AreaRepository } from '../area-tree/area-repository';
import { Principal } from './principal';
import { Unauthorized } from '../common/problem';
import { PrincipalCache, SignedInUser } from './principal-cache';

/** What a token says: whose it is and which version of that user's credentials it was issued under. */
export interface TokenClaims {
  sub: string;
  /** users.token_version when the token was signed. */
  tv: number;
  iat: number;
  exp: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every claim present and well formed: a token without `exp` would never expire, so it is refused. */
function hasRequiredClaims(claims: Partial<TokenClaims>): claims is TokenClaims {
  return (
    typeof claims.sub === 'string' &&
    UUID.test(claims.sub) &&
    Number.isInteger(claims.tv) &&
    Number.isInteger(claims.iat) &&
    Number.isInteger(claims.exp)
  );
}

/** How long a signed-in user is trusted without reading its row again. */
export const PRINCIPAL_TTL_MS = 5000;

/**
 * Turns a bearer token into the caller, read from the database (cached for a few seconds, so a
 * deactivation or role change made by another instance applies within PRINCIPAL_TTL_MS; one made
 * here applies at once). A token whose `tv` is not the user's current token version is dead.
 */
@Injectable()
export class AuthenticationService {
  private readonly cache = new PrincipalCache(PRINCIPAL_TTL_MS);

  constructor(
    private readonly jwt: JwtService,
    private readonly db: DataSource,
    private readonly areas: AreaRepository,
  ) {}

  async authenticate(authorization: string | undefined): Promise<SignedInUser> {
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization ?? '');
    if (!match) throw new Unauthorized();
    let claims: Partial<TokenClaims>;
    try {
      // Only HS256 is accepted: `alg: none` and algorithm swaps fail here.
      claims = await this.jwt.verifyAsync<Partial<TokenClaims>>(match[1], { algorithms: ['HS256'] });
    } catch {
      throw new Unauthorized('The token is invalid or has expired');
    }
    if (!hasRequiredClaims(claims)) throw new Unauthorized('The token is invalid');
    const cached = this.cache.get(claims.sub);
    // A cached row of another version may be older than the token: read the row again.
    const user = cached?.tokenVersion === claims.tv ? cached : await this.load(claims.sub);
    if (!user) throw new Unauthorized('The token does not belong to an active user');
    if (user.tokenVersion !== claims.tv)
      throw new Unauthorized('The token was issued before a password change or a deactivation; sign in again');
    return user;
  }

  /** For changes to a user made here: they apply to its next request. */
  forget(userId: string): void {
    this.cache.forget(userId);
  }

  private async load(userId: string): Promise<SignedInUser | undefined> {
    const readAt = this.cache.epoch;
    const [row] = (await this.db.query(
      `SELECT id, username, full_name AS "fullName", role, area_code AS "areaCode",
              token_version AS "tokenVersion", must_change_password AS "mustChangePassword"
         FROM users WHERE id = $1 AND active`,
      [userId],
    )) as (Omit<Principal, 'areaPath'> & Omit<SignedInUser, 'principal'>)[];
    const area = row && (await this.areas.ref(row.areaCode));
    if (!row || !area) return undefined;
    const { tokenVersion, mustChangePassword, ...account } = row;
    const user = { principal: { ...account, areaPath: area.path }, tokenVersion, mustChangePassword };
    this.cache.set(user, readAt);
    return user;
  }
}
