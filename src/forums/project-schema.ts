import type { ColumnType, Generated } from 'kysely';
import type { ValueKind } from './project-values.ts';

type DateColumn = ColumnType<string, string, string>;

/** A joint project's values by period (migration 0027_joint_project_values, decision 0138). */
export interface ForumProjectValueTable {
  id: Generated<string>;
  project_id: string;
  goal_id: string;
  period_key: string;
  period_from: DateColumn;
  period_to: DateColumn;
  kind: ValueKind;
  value: number | null;
  suppressed: Generated<boolean>;
  source: Generated<string>;
  recorded_by: string;
  recorded_at: ColumnType<Date, never, never>;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    forum_project_value: ForumProjectValueTable;
  }
}
