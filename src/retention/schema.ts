import type { ColumnType, Generated } from 'kysely';

/** What migration 0017 adds (src/retention/migrations/0017_retention.ts; decision 0125). */
export interface RetentionRunTable {
  id: Generated<string>;
  municipality_id: string;
  state: Generated<'approved' | 'running' | 'done'>;
  assessed_on: string;
  approved_by: string;
  approved_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface RetentionRunFileTable {
  municipality_id: string;
  run_id: string;
  person_id: string;
  last_entry_on: string;
  records_to_cull: number;
  state: Generated<'pending' | 'culled' | 'skipped'>;
  skip_reason: string | null;
  records_culled: Generated<number>;
  done_at: Date | null;
}

/** What migration 0024 adds (decisions 0081 rule 2, 0116, 0117). */
export interface ProtectedDetailsAccessTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  user_id: string;
  reason: string;
  occurred_at: Generated<Date>;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    retention_run: RetentionRunTable;
    retention_run_file: RetentionRunFileTable;
    protected_details_access: ProtectedDetailsAccessTable;
  }
  interface PersonTable {
    /** The day the file was archived: only kept records left after culling (decision 0117). */
    archived_on: ColumnType<string | null, string | null | undefined, string | null>;
  }
}
