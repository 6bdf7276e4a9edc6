import type { Generated } from 'kysely';

/** What migration 0013 adds (src/installation/migrations/0013_operations.ts). */
export interface RateLimitBucketTable {
  key: string;
  window_started_at: Date;
  hits: number;
}

/** The installation operator (decision 0086): outside every municipality. */
export interface OperatorAccountTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  password_expires_at: Date | null;
  totp_secret_enc: string | null;
  totp_last_step: number | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface OperatorSessionTable {
  id_hash: string;
  operator_id: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  second_factor_done: Generated<boolean>;
}

/** One culled record (decision 0082): what it was, when, under which rule; no content. */
export interface RetentionCulledTable {
  municipality_id: string;
  record_type: string;
  record_id: string;
  culled_on: string;
  rule_id: string;
  culled_at: Generated<Date>;
  /** The approved run that culled it (migration 0017_retention). */
  run_id: Generated<string | null>;
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
    operator_account: OperatorAccountTable;
    operator_session: OperatorSessionTable;
    retention_culled: RetentionCulledTable;
  }
}
