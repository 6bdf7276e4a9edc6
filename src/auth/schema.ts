/** The login's own table (migration 0007): failed attempts, counted by src/auth/throttle.ts. */

/** Counters of failed login attempts, per account and per address on an account. */
export interface LoginThrottleTable {
  key: string;
  account_key: string;
  failures: number;
  first_failure_at: Date;
  last_failure_at: Date;
  blocked_until: Date | null;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    login_throttle: LoginThrottleTable;
  }
}
