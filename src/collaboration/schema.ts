import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';

/**
 * What the collaboration layer adds to the shared tables and its visible history (migration
 * 0015_collaboration). The forums', plans' and examples' own tables are in their folders.
 */

export interface CollaborationChangeTable {
  id: Generated<string>;
  record_type: string;
  record_id: string;
  action: string;
  fields: ColumnType<string[], string[] | undefined, never>;
  confirmed_warnings: ColumnType<unknown, string | undefined, never>;
  note: ColumnType<string, string | undefined, never>;
  actor_user_id: string | null;
  actor_name: string;
  occurred_at: CreatedAt;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    collaboration_change: CollaborationChangeTable;
  }
  interface UserAccountTable {
    /** Reviews good examples and moderates their comments (docs/decisions/0103). */
    good_practice_editor: Generated<boolean>;
  }
  interface MunicipalityTable {
    /** Inhabitants on the last count: the good examples' size facet. */
    population: ColumnType<number | null, number | null | undefined, number | null>;
  }
}
