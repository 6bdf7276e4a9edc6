import type { Generated } from 'kysely';

/** What migration 0013 adds (src/installation/migrations/0013_operations.ts). */
export interface RateLimitBucketTable {
  key: string;
  window_started_at: Date;
  hits: number;
}

declare module '../platform/db/schema.ts' {
  interface MunicipalityTable {
    active: Generated<boolean>;
    deactivated_at: Date | null;
  }
  interface UserAccountTable {
    /** When a one-time password from `npm run setup` stops working; null for chosen passwords. */
    password_expires_at: Date | null;
  }
  interface Database {
    rate_limit_bucket: RateLimitBucketTable;
  }
}
