import type { Kysely } from 'kysely';
import { addDays, addMonths } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import type { IndicatorData } from './compute.ts';
import type {
  CarePlanRow,
  CareRow,
  PlacementForm,
  PlacementPeriodRow,
  PrivateTalkRow,
  ReconsiderationRow,
} from './inputs.ts';
import { groupBy } from './once-per-list.ts';
import { type DateRange, earlier, later } from './periods.ts';

/**
 * The placements feature's records (src/placements, migration 0012) as the rows the placement
 * indicators take (decision 0095). A placement is one care with one legal basis after another:
 * each decision is a `CareRow` from the day it was carried out until the next decision or the
 * end; each home period is split at the decisions, so every care has the periods it covers.
 * Plans belong to the placement and count for each of its cares; a reconsideration and a
 * private talk (a talk with the child, held, the child alone) belong to the care of their day.
 */

type Db = Kysely<Database>;

const formOf = (form: string): PlacementForm =>
  form === 'residentialCareHome' ? 'residentialCare' : (form as PlacementForm);

export async function placementsTouching(
  db: Db,
  municipalityId: string,
  period: DateRange,
): Promise<NonNullable<IndicatorData['placements']>> {
  // Reconsiderations look back a window of six months; plans are valid for two years.
  const since = addMonths(period.from, -25);
  // The placements as a subquery, not a list of their ids: a city has thousands of them.
  const touching = db
    .selectFrom('placement')
    .where('municipality_id', '=', municipalityId)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', since)]));
  const placements = await touching.select(['id', 'child_id', 'unit_id', 'ended_on']).execute();
  const ids = touching.select('id');
  if (placements.length === 0)
    return { cares: [], periods: [], plans: [], reconsiderations: [], privateTalks: [] };
  const decisions = await db
    .selectFrom('placement_decision')
    .where('municipality_id', '=', municipalityId)
    .where('placement_id', 'in', ids)
    .select(['id', 'placement_id', 'basis', 'decided_on', 'executed_on'])
    .where('decided_on', '<=', period.to)
    .orderBy('decided_on')
    .execute();
  const periods = await db
    .selectFrom('placement_period')
    .select(['id', 'placement_id', 'form', 'started_on'])
    .where('municipality_id', '=', municipalityId)
    .where('placement_id', 'in', ids)
    .orderBy('started_on')
    .execute();
  const steps = await db
    .selectFrom('placement_step')
    .select(['placement_id', 'kind', 'on_date'])
    .where('municipality_id', '=', municipalityId)
    .where('placement_id', 'in', ids)
    .where('kind', 'in', ['carePlanEstablished', 'carePlanRevised', 'implementationPlanEstablished'])
    .execute();
  const considerations = await db
    .selectFrom('placement_consideration')
    .select(['placement_id', 'kind', 'decided_on'])
    .where('municipality_id', '=', municipalityId)
    .where('placement_id', 'in', ids)
    .where('kind', 'in', ['reconsideration', 'lvuReview'])
    .execute();
  const talks = await db
    .selectFrom('placement_contact')
    .select(['placement_id', 'on_date'])
    .where('municipality_id', '=', municipalityId)
    .where('placement_id', 'in', ids)
    .where('kind', '=', 'talkWithChild')
    .where('outcome', '=', 'made')
    .where('child_alone', '=', true)
    .execute();

  const cares: CareRow[] = [];
  const careSpans = new Map<string, { care: CareRow; from: string; to: string | null }[]>();
  const decisionsOf = groupBy(decisions, (d) => d.placement_id);
  const periodsOf = groupBy(periods, (x) => x.placement_id);
  for (const p of placements) {
    const own = decisionsOf.get(p.id) ?? [];
    const spans: { care: CareRow; from: string; to: string | null }[] = [];
    own.forEach((d, i) => {
      const next = own[i + 1];
      const from = d.executed_on ?? d.decided_on;
      const to = next ? addDays(next.executed_on ?? next.decided_on, -1) : p.ended_on;
      const care: CareRow = {
        id: d.id,
        childId: p.child_id,
        unitId: p.unit_id,
        basis: d.basis,
        decidedOn: d.decided_on,
        startedOn: d.executed_on,
        endedOn: next ? later(to!, from) : p.ended_on,
      };
      cares.push(care);
      spans.push({ care, from, to: care.endedOn });
    });
    careSpans.set(p.id, spans);
  }
  const careOn = (placementId: string, day: string) =>
    (careSpans.get(placementId) ?? []).find((s) => s.from <= day && (s.to === null || day <= s.to))?.care ??
    careSpans.get(placementId)?.[0]?.care;

  const periodRows: PlacementPeriodRow[] = [];
  for (const p of placements) {
    const own = periodsOf.get(p.id) ?? [];
    own.forEach((x, i) => {
      const next = own[i + 1];
      const end = next ? addDays(next.started_on, -1) : p.ended_on;
      for (const span of careSpans.get(p.id) ?? []) {
        const from = later(x.started_on, span.from);
        const to = end === null ? span.to : span.to === null ? end : earlier(end, span.to);
        if (to !== null && to < from) continue;
        periodRows.push({
          id: `${x.id}:${span.care.id}`,
          careId: span.care.id,
          form: formOf(x.form),
          startedOn: from,
          endedOn: to,
        });
      }
    });
  }
  const plans: CarePlanRow[] = steps.flatMap((s) =>
    (careSpans.get(s.placement_id) ?? []).map(({ care }) => ({
      careId: care.id,
      kind:
        s.kind === 'implementationPlanEstablished' ? ('implementationPlan' as const) : ('carePlan' as const),
      establishedOn: s.on_date,
      followUpOn: null,
    })),
  );
  const reconsiderations: ReconsiderationRow[] = considerations.flatMap((c) => {
    const care = careOn(c.placement_id, c.decided_on);
    return care ? [{ careId: care.id, heldOn: c.decided_on }] : [];
  });
  const privateTalks: PrivateTalkRow[] = talks.flatMap((t) => {
    const care = careOn(t.placement_id, t.on_date);
    return care ? [{ careId: care.id, heldOn: t.on_date }] : [];
  });
  return { cares, periods: periodRows, plans, reconsiderations, privateTalks };
}
