import type { Kysely } from 'kysely';
import type { IsoDate } from '../deadlines/calendar.ts';
import { todayInSweden } from '../platform/dates.ts';
import type { Database } from '../platform/db/schema.ts';

/**
 * What the municipality submitted to the state (IVO's reports on decisions not carried out,
 * Socialstyrelsen's register files; one table since migration 0025). They are append-only and are not
 * culled by the culling job: each is the municipality's record of what it reported, not an entry
 * in a person's file (decision 0126). The dry run lists them as kept under `stateSubmission`,
 * by id, kind, period and day only: their content is not read.
 */
export interface KeptSubmission {
  /** The one store of submissions since migration 0025 (decision 0119). */
  table: 'statistics_submission';
  kind: 'ivo' | 'register';
  id: string;
  period: string;
  submittedOn: IsoDate;
  ruleId: 'stateSubmission';
}

export async function stateSubmissions(
  db: Kysely<Database>,
  municipalityId: string,
): Promise<KeptSubmission[]> {
  const reports = await db
    .selectFrom('statistics_submission')
    .select(['id', 'kind', 'period_key', 'submitted_at'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  const on = (at: Date | string) => (typeof at === 'string' ? at.slice(0, 10) : todayInSweden(at));
  return reports
    .map((r) => ({
      table: 'statistics_submission' as const,
      kind: r.kind,
      id: r.id,
      period: r.period_key,
      submittedOn: on(r.submitted_at),
      ruleId: 'stateSubmission' as const,
    }))
    .sort((a, b) => a.submittedOn.localeCompare(b.submittedOn) || a.id.localeCompare(b.id));
}
