import { Principal } from './principal';

/** The signed-in user with the state of its credentials, as read from its row. */
export interface SignedInUser {
  principal: Principal;
  /** The users.token_version a token must carry (`tv`) to be accepted. */
  tokenVersion: number;
  /** Signed in with a one-time password: nothing but POST /auth/password until it is changed. */
  mustChangePassword: boolean;
}

/**
 * The signed-in user, remembered for a few seconds so that a burst of requests does not read the
 * same row each time. A deactivation or a role change takes effect within `ttlMs`; changes made
 * by this instance take effect at once (`forget`).
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { user: SignedInUser; until: number }>();
  /** Moves on at every `forget`. */
  private forgets = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(userId: string): SignedInUser | undefined {
    const entry = this.entries.get(userId);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(userId);
      return undefined;
    }
    return entry.user;
  }

  /** Taken before a row is read, and given back to `set` with it. */
  get epoch(): number {
    return this.forgets;
  }

  /**
   * Remembers a row read at `readAt` (an `epoch`), unless something was forgotten since: the row
   * may then be older than that change (a sign-out committing while it was read) and is not kept.
   */
  set(user: SignedInUser, readAt = this.forgets): void {
    if (readAt !== this.forgets) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(user.principal.id, { user, until: this.now() + this.ttlMs });
  }

  forget(userId: string): void {
    this.forgets++;
    this.entries.delete(userId);
  }
}
