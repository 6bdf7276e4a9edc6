import type { Generated } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';

/**
 * The tables of migration 0019_statistics_reporting (Kolada, export jobs). Its register submissions
 * moved to `statistics_submission` in migration 0025 (decision 0119).
 */

/** What is kept of each line to compare a year's submission with the one before. */
export interface SubmittedRegisterRow {
  key: string;
  row: number;
  basis: string;
  form: string;
  decidedOn: string;
  startedOn: string;
  endedOn: string;
}

export interface ComparisonImportTable {
  municipality_id: string;
  id: Generated<string>;
  file_name: string;
  indicator_id: string | null;
  value_count: number;
  imported_at: CreatedAt;
  imported_by: string;
  imported_by_name: string;
}

export interface ComparisonValueTable {
  municipality_id: string;
  import_id: string;
  kpi_id: string;
  kpi_title: string | null;
  area_code: string;
  year: number;
  gender: 'T' | 'K' | 'M';
  value: number;
}

export interface ExportJobTable {
  municipality_id: string;
  id: Generated<string>;
  user_id: string;
  format: 'csv' | 'xlsx';
  table_key: string;
  period_key: string;
  unit_id: string | null;
  status: Generated<'running' | 'done' | 'failed'>;
  done: Generated<number>;
  total: Generated<number>;
  file: Buffer | null;
  file_name: string | null;
  created_at: CreatedAt;
  finished_at: Date | null;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    statistics_comparison_import: ComparisonImportTable;
    statistics_comparison_value: ComparisonValueTable;
    statistics_export_job: ExportJobTable;
  }
}
