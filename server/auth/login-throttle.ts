/**
 * Counts failed logins per account and per client address in a sliding window; past the limit
 * further attempts are refused before the password is even checked.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits = { perAccount: 10, perAddress: 50, windowMs: 15 * 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until a new attempt is allowed, or 0 when it is allowed now. */
  retryAfterSeconds(email: string, address: string): number {
    const account = this.recent(`account:${email}`);
    const client = this.recent(`address:${address}`);
    const blockedBy = [
      account.length >= this.limits.perAccount ? account : undefined,
      client.length >= this.limits.perAddress ? client : undefined,
    ].filter((times) => times !== undefined);
    if (blockedBy.length === 0) return 0;
    const oldest = Math.max(...blockedBy.map((times) => times[0]!));
    return Math.max(1, Math.ceil((oldest + this.limits.windowMs - this.now()) / 1000));
  }

  recordFailure(email: string, address: string): void {
    for (const key of [`account:${email}`, `address:${address}`]) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  recordSuccess(email: string): void {
    this.failures.delete(`account:${email}`);
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.limits.windowMs;
    const times = (this.failures.get(key) ?? []).filter((time) => time > cutoff);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }
}
