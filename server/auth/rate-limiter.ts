import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { clearAttempts, countAttempt, deleteEndedWindows, uncountAttempt } from './rate-limit-store';

export interface Limit {
  /** Part of the stored key; distinct per limit. */
  name: string;
  /** Attempts allowed in one window. */
  points: number;
  windowMs: number;
}

const fifteenMinutes = 15 * 60_000;

/**
 * Every abuse limit in one table. A login counts against its client address, the account from that
 * address, and the account overall; the overall count is reached only by attempts the first two let
 * through, so one address can lock out only itself, while a spread-out guess at one account still stops.
 */
export const limits = {
  loginPerAddress: { name: 'login.address', points: 50, windowMs: fifteenMinutes },
  loginPerAccountFromAddress: { name: 'login.account-address', points: 10, windowMs: fifteenMinutes },
  loginPerAccount: { name: 'login.account', points: 100, windowMs: fifteenMinutes },
  passwordCheckPerUser: { name: 'password-change.user', points: 10, windowMs: fifteenMinutes },
  verifyPerAddress: { name: 'verify.address', points: 30, windowMs: 60_000 },
  // Each start writes a login request and asks the IdP: anonymous, so bounded per address.
  ssoStartPerAddress: { name: 'sso.address', points: 30, windowMs: 60_000 },
} as const satisfies Record<string, Limit>;

/** What one login attempt counts against, in the order counted: the address, the account from it, the account. */
export function loginLimits(email: string, address: string): [Limit, string][] {
  return [[limits.loginPerAddress, address], [limits.loginPerAccountFromAddress, `${email} ${address}`], [limits.loginPerAccount, email]];
}

/** The subject is hashed: the table then holds no e-mail address a person typed, right or wrong. */
function keyOf(limit: Limit, subject: string): string {
  return `${limit.name}:${createHash('sha256').update(subject).digest('base64url')}`;
}

/** Atomic counters in Sigill's database: each attempt is counted before the work it guards is done. */
export class RateLimiter {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date = () => new Date()) {}

  /**
   * Counts the attempt against each limit in turn and stops at the first one it exceeds, answering the
   * seconds until that window ends (0: allowed). Later limits are then not counted, so a blocked sender
   * cannot use up someone else's allowance.
   */
  async consume(checks: readonly (readonly [Limit, string])[]): Promise<number> {
    for (const [limit, subject] of checks) {
      const now = this.now();
      const { points, resetsAt } = await countAttempt(this.db, keyOf(limit, subject), limit.windowMs, now);
      // A fresh window is the moment to sweep ended ones, so the table stays as small as the live counters.
      if (points === 1) await deleteEndedWindows(this.db, now);
      if (points > limit.points) return Math.max(1, Math.ceil((Date.parse(resetsAt) - now.getTime()) / 1000));
    }
    return 0;
  }

  /** Gives back an attempt that turned out legitimate. */
  async refund(limit: Limit, subject: string): Promise<void> {
    await uncountAttempt(this.db, keyOf(limit, subject));
  }

  async reset(limit: Limit, subject: string): Promise<void> {
    await clearAttempts(this.db, keyOf(limit, subject));
  }

  /** A successful login clears its account's failures from that address and gives back its own count. */
  async loginSucceeded(email: string, address: string): Promise<void> {
    await this.reset(limits.loginPerAccountFromAddress, `${email} ${address}`);
    await this.refund(limits.loginPerAddress, address);
    await this.refund(limits.loginPerAccount, email);
  }
}
