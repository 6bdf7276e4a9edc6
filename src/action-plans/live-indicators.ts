import { type Kysely, sql } from 'kysely';
import { addMonths } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import { isSmall } from '../statistics/suppression.ts';

/**
 * Samtak's own indicators as an action plan follows them: computed from the municipality's live
 * cases and plans each time the plan is shown, over the twelve months to today, so they refresh by
 * themselves. Until the measurement feature's queries (issue 17) are on main, the few a plan needs
 * are computed here from the existing tables, under the catalogue's ids (src/statistics/catalogue.ts)
 * so that they can be handed over. A figure resting on 1–4 cases is suppressed for everyone, since
 * partners read plans too (decision 0091). docs/decisions/0106.
 */

export const liveIndicatorIds = ['initialAssessmentWithin14Days', 'sipsStarted'] as const;
export type LiveIndicatorId = (typeof liveIndicatorIds)[number];

export type LiveFigure =
  | { kind: 'value'; value: number; on: string; from: string; count: number }
  | { kind: 'suppressed'; on: string; from: string }
  | { kind: 'none'; on: string; from: string };

export async function liveFigure(
  db: Kysely<Database>,
  municipalityId: string,
  id: string,
  today: string,
): Promise<LiveFigure> {
  const from = addMonths(today, -12);
  if (id === 'initialAssessmentWithin14Days') {
    // Cases whose initial assessment was decided in the period: the share decided within 14 days.
    const row = await db
      .selectFrom('child_case')
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`count(*) filter (where initial_decided_on <= opened_on + 14)::int`.as('within'),
      ])
      .where('municipality_id', '=', municipalityId)
      .where('initial_decided_on', '>', from)
      .where('initial_decided_on', '<=', today)
      .executeTakeFirstOrThrow();
    const total = Number(row.total);
    const within = Number(row.within);
    if (total === 0) return { kind: 'none', on: today, from };
    if (isSmall(total) || isSmall(within) || isSmall(total - within))
      return { kind: 'suppressed', on: today, from };
    return { kind: 'value', value: Math.round((1000 * within) / total) / 10, on: today, from, count: total };
  }
  if (id === 'sipsStarted') {
    const row = await db
      .selectFrom('sip')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('municipality_id', '=', municipalityId)
      .where('status', '<>', 'requested')
      .where(sql<string>`(created_at at time zone 'Europe/Stockholm')::date`, '>', from)
      .where(sql<string>`(created_at at time zone 'Europe/Stockholm')::date`, '<=', today)
      .executeTakeFirstOrThrow();
    const n = Number(row.n);
    if (isSmall(n)) return { kind: 'suppressed', on: today, from };
    return { kind: 'value', value: n, on: today, from, count: n };
  }
  return { kind: 'none', on: today, from };
}
