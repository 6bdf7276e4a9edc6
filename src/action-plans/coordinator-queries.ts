import { type Kysely, sql } from 'kysely';
import type { PlanArea, Theme } from '../collaboration/areas.ts';
import { type CoordinatorScope, coordinatorCovers } from '../collaboration/municipalities.ts';
import { addMonths } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import { suppress } from '../statistics/suppression.ts';
import type { MeasureStatus } from './measures.ts';
import {
  aggregateIndicator,
  mattersAcrossMunicipalities,
  type PlanForOverview,
  type SuppressRow,
  workAcrossMunicipalities,
} from './overview.ts';
import type { PlanStatus } from './plan.ts';

/**
 * What the coordinator reads across municipalities (docs/decisions/0108): the municipalities in
 * scope, their plans, visits and matters raised, and Samtak's indicators added up with small
 * numbers suppressed. Plans, visits and matters are about the work; the indicators are counted
 * in the database and only counts come out, never a row about a child.
 */

/** The measurement feature's rule (0091) on one row of counts and its total. */
export const suppressRow: SuppressRow = (counts, total) => {
  const cells: Record<string, number> = { total };
  counts.forEach((n, i) => {
    cells[`c${i}`] = n;
  });
  const hidden = suppress({ cells, lines: [{ members: counts.map((_, i) => `c${i}`), total: 'total' }] });
  return {
    counts: counts.map((n, i) => (hidden.has(`c${i}`) ? null : n)),
    total: hidden.has('total') ? null : total,
  };
};

export async function municipalitiesInScope(db: Kysely<Database>, scope: CoordinatorScope) {
  const rows = await db
    .selectFrom('municipality')
    .select(['id', 'code', 'name'])
    .where('active', '=', true)
    .orderBy('name')
    .execute();
  return rows.filter((m) => coordinatorCovers(scope, m.code));
}
export type ScopedMunicipality = Awaited<ReturnType<typeof municipalitiesInScope>>[number];

/** A plan of a municipality in scope, or undefined (the page is then not found). */
export async function planInScope(db: Kysely<Database>, scope: CoordinatorScope, planId: string) {
  const plan = await db
    .selectFrom('action_plan as p')
    .innerJoin('municipality as m', 'm.id', 'p.municipality_id')
    .selectAll('p')
    .select(['m.code as municipalityCode', 'm.name as municipalityName', 'm.active as municipalityActive'])
    .where('p.id', '=', planId)
    .executeTakeFirst();
  if (!plan || !plan.municipalityActive || !coordinatorCovers(scope, plan.municipalityCode)) return undefined;
  const { municipalityCode, municipalityName, municipalityActive: _, ...row } = plan;
  return { plan: row, municipalityCode, municipalityName };
}

export async function coordinatorOverview(db: Kysely<Database>, scope: CoordinatorScope, today: string) {
  const municipalities = await municipalitiesInScope(db, scope);
  const ids = municipalities.map((m) => m.id);
  const codeOf = new Map(municipalities.map((m) => [m.id, m.code]));
  if (ids.length === 0)
    return {
      municipalities,
      plans: [],
      matters: [],
      visits: [],
      work: workAcrossMunicipalities([], scope),
      raised: [],
      indicators: await indicatorsAcross(db, [], scope, today),
    };
  const [plans, areas, measures, matters, visits] = await Promise.all([
    db
      .selectFrom('action_plan')
      .select(['id', 'municipality_id', 'title', 'version', 'status', 'deadline', 'adopted_on'])
      .where('municipality_id', 'in', ids)
      .orderBy('deadline')
      .execute(),
    db
      .selectFrom('action_plan_area as a')
      .innerJoin('action_plan as p', 'p.id', 'a.plan_id')
      .select(['a.plan_id', 'a.position', 'a.area', 'a.themes'])
      .where('p.municipality_id', 'in', ids)
      .orderBy('a.position')
      .execute(),
    db
      .selectFrom('action_plan_measure as x')
      .innerJoin('action_plan as p', 'p.id', 'x.plan_id')
      .select(['x.plan_id', 'x.area_position', 'x.status'])
      .where('p.municipality_id', 'in', ids)
      .execute(),
    db
      .selectFrom('national_matter')
      .select(['id', 'municipality_id', 'title', 'themes', 'raised_on', 'status', 'answered_on'])
      .where('municipality_id', 'in', ids)
      .orderBy('raised_on', 'desc')
      .execute(),
    db
      .selectFrom('plan_visit as v')
      .innerJoin('action_plan as p', 'p.id', 'v.plan_id')
      .select(['v.id', 'v.municipality_id', 'v.visited_on', 'v.status', 'p.title as planTitle'])
      .where('v.municipality_id', 'in', ids)
      .orderBy('v.visited_on', 'desc')
      .execute(),
  ]);
  const forOverview: PlanForOverview[] = plans.map((p) => {
    const own = areas.filter((a) => a.plan_id === p.id);
    return {
      municipalityId: p.municipality_id,
      municipalityCode: codeOf.get(p.municipality_id) ?? '',
      status: p.status as PlanStatus,
      areas: own.map((a) => ({ area: a.area as PlanArea, themes: a.themes as Theme[] })),
      measures: measures
        .filter((m) => m.plan_id === p.id)
        .map((m) => ({
          areaIndex: own.findIndex((a) => a.position === m.area_position),
          status: m.status as MeasureStatus,
        })),
    };
  });
  return {
    municipalities,
    plans,
    matters,
    visits,
    work: workAcrossMunicipalities(forOverview, scope),
    raised: mattersAcrossMunicipalities(
      matters.map((m) => ({
        municipalityId: m.municipality_id,
        municipalityCode: codeOf.get(m.municipality_id) ?? '',
        themes: m.themes as Theme[],
        status: m.status,
      })),
      scope,
    ),
    indicators: await indicatorsAcross(db, municipalities, scope, today),
  };
}
export type CoordinatorOverview = Awaited<ReturnType<typeof coordinatorOverview>>;

/**
 * Samtak's indicators over the twelve months to today, per municipality and added up, the counts
 * suppressed (numerators and denominators summed, never shares averaged). Two of the catalogue's
 * ids, as the plans follow them (src/action-plans/live-indicators.ts).
 */
async function indicatorsAcross(
  db: Kysely<Database>,
  municipalities: readonly ScopedMunicipality[],
  scope: CoordinatorScope,
  today: string,
) {
  const from = addMonths(today, -12);
  const ids = municipalities.map((m) => m.id);
  const assessed =
    ids.length === 0
      ? []
      : await db
          .selectFrom('child_case')
          .select([
            'municipality_id',
            sql<number>`count(*)::int`.as('total'),
            sql<number>`count(*) filter (where initial_decided_on <= opened_on + 14)::int`.as('within'),
          ])
          .where('municipality_id', 'in', ids)
          .where('initial_decided_on', '>', from)
          .where('initial_decided_on', '<=', today)
          .groupBy('municipality_id')
          .execute();
  const sips =
    ids.length === 0
      ? []
      : await db
          .selectFrom('sip')
          .select(['municipality_id', sql<number>`count(*)::int`.as('n')])
          .where('municipality_id', 'in', ids)
          .where('status', '<>', 'requested')
          .where(sql<string>`(created_at at time zone 'Europe/Stockholm')::date`, '>', from)
          .where(sql<string>`(created_at at time zone 'Europe/Stockholm')::date`, '<=', today)
          .groupBy('municipality_id')
          .execute();
  const within14 = aggregateIndicator(
    municipalities.map((m) => {
      const row = assessed.find((r) => r.municipality_id === m.id);
      return {
        municipalityId: m.id,
        municipalityCode: m.code,
        numerator: Number(row?.within ?? 0),
        denominator: Number(row?.total ?? 0),
      };
    }),
    scope,
    suppressRow,
  );
  const sipCounts = municipalities.map((m) => Number(sips.find((r) => r.municipality_id === m.id)?.n ?? 0));
  const sipRow = suppressRow(
    sipCounts,
    sipCounts.reduce((a, b) => a + b, 0),
  );
  return {
    from,
    to: today,
    within14,
    sipsStarted: {
      perMunicipality: municipalities.map((m, i) => ({
        municipalityId: m.id,
        count: sipRow.counts[i] ?? null,
      })),
      total: sipRow.total,
    },
  };
}
