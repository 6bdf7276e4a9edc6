import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';
import type { DeviationCategory, DeviationStatus } from './deviations.ts';

type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

/** Collaboration deviations (migration 0020_collaboration_deviations). */
export interface ForumDeviationTable {
  id: Generated<string>;
  forum_id: string;
  municipality_id: string;
  reporting_organisation_id: string;
  counterpart_organisation_id: string;
  occurred_on: DateColumn;
  reported_on: DateColumn;
  category: DeviationCategory;
  description: string;
  suggestion: Generated<string>;
  status: DeviationStatus;
  answer: Generated<string>;
  answered_on: NullableDate;
  reviewed_on: NullableDate;
  reported_by: string;
  answered_by: string | null;
  created_at: CreatedAt;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    forum_deviation: ForumDeviationTable;
  }
}
