import type { Generated } from 'kysely';

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

declare module '../platform/db/schema.ts' {
  interface Database {
    retention_run: RetentionRunTable;
    retention_run_file: RetentionRunFileTable;
  }
}
