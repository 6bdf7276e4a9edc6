import type { Kysely } from 'kysely';
import type { IndicatorValue, MeasuredValue } from '../collaboration/indicators.ts';
import type { Database } from '../platform/db/schema.ts';
import type { MeasureStatus } from './measures.ts';

/** The action plans' reads: one municipality's plans, whole, for its page. */

export async function organisationsOf(db: Kysely<Database>, municipalityId: string) {
  return db
    .selectFrom('partner_organisation')
    .select(['id', 'name', 'kind'])
    .where('municipality_id', '=', municipalityId)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}

export async function plansOf(db: Kysely<Database>, municipalityId: string, organisationId: string | null) {
  let query = db
    .selectFrom('action_plan as p')
    .select(['p.id', 'p.title', 'p.version', 'p.status', 'p.deadline', 'p.adopted_on as adoptedOn'])
    .where('p.municipality_id', '=', municipalityId);
  if (organisationId)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('action_plan_organisation as o')
          .select('o.plan_id')
          .whereRef('o.plan_id', '=', 'p.id')
          .where('o.organisation_id', '=', organisationId),
      ),
    );
  return query.orderBy('p.created_at', 'desc').execute();
}

export async function planRow(db: Kysely<Database>, municipalityId: string, planId: string) {
  return db
    .selectFrom('action_plan')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', planId)
    .executeTakeFirst();
}

export async function planOrganisationIds(db: Kysely<Database>, planId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('action_plan_organisation')
    .select('organisation_id')
    .where('plan_id', '=', planId)
    .execute();
  return rows.map((r) => r.organisation_id);
}

export async function areasOf(db: Kysely<Database>, planId: string) {
  return db
    .selectFrom('action_plan_area')
    .select(['position', 'area', 'title', 'rationale', 'themes'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
}

export interface MeasureRow {
  id: string;
  areaPosition: number;
  title: string;
  description: string;
  ownerOrganisationId: string;
  ownerRole: string;
  startsOn: string | null;
  dueOn: string;
  status: MeasureStatus;
  evidence: string;
  dropReason: string;
  partnerIds: string[];
  examples: { id: string; title: string }[];
  history: { from: MeasureStatus | null; to: MeasureStatus; on: string; evidence: string; reason: string }[];
}

export async function measuresOf(db: Kysely<Database>, planId: string): Promise<MeasureRow[]> {
  const rows = await db
    .selectFrom('action_plan_measure')
    .select([
      'id',
      'area_position as areaPosition',
      'title',
      'description',
      'owner_organisation_id as ownerOrganisationId',
      'owner_role as ownerRole',
      'starts_on as startsOn',
      'due_on as dueOn',
      'status',
      'evidence',
      'drop_reason as dropReason',
    ])
    .where('plan_id', '=', planId)
    .orderBy('area_position')
    .orderBy('due_on')
    .orderBy('title')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [partners, examples, history] = await Promise.all([
    db
      .selectFrom('action_plan_measure_partner')
      .select(['measure_id', 'organisation_id'])
      .where('measure_id', 'in', ids)
      .execute(),
    db
      .selectFrom('action_plan_measure_example as e')
      .innerJoin('good_practice_revision as r', (join) =>
        join.onRef('r.example_id', '=', 'e.example_id').on('r.state', '=', 'published'),
      )
      .select(['e.measure_id', 'e.example_id', 'r.title'])
      .where('e.measure_id', 'in', ids)
      .execute(),
    db
      .selectFrom('action_plan_measure_status')
      .select(['measure_id', 'from_status', 'to_status', 'changed_on', 'evidence', 'reason'])
      .where('measure_id', 'in', ids)
      .orderBy('id')
      .execute(),
  ]);
  return rows.map((r) => ({
    ...r,
    partnerIds: partners.filter((p) => p.measure_id === r.id).map((p) => p.organisation_id),
    examples: examples
      .filter((e) => e.measure_id === r.id)
      .map((e) => ({ id: e.example_id, title: e.title })),
    history: history
      .filter((h) => h.measure_id === r.id)
      .map((h) => ({
        from: h.from_status,
        to: h.to_status,
        on: h.changed_on,
        evidence: h.evidence,
        reason: h.reason,
      })),
  }));
}

export interface IndicatorRow {
  id: string;
  areaPosition: number;
  indicator: IndicatorValue;
  manual: MeasuredValue[];
}

export async function indicatorsOf(db: Kysely<Database>, planId: string): Promise<IndicatorRow[]> {
  const rows = await db
    .selectFrom('plan_indicator')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .execute();
  if (rows.length === 0) return [];
  const values = await db
    .selectFrom('plan_indicator_value')
    .select(['indicator_id', 'measured_on', 'value', 'source'])
    .where(
      'indicator_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('measured_on')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    areaPosition: r.area_position,
    indicator: {
      name: r.name,
      definition: r.definition,
      unit: r.unit,
      direction: r.direction,
      baseline: { value: Number(r.baseline_value), on: r.baseline_on },
      target: { value: Number(r.target_value), by: r.target_by },
      source:
        r.source_kind === 'samtak'
          ? { kind: 'samtak', indicatorId: r.samtak_indicator_id ?? '' }
          : { kind: 'manual', description: r.source_description },
    },
    manual: values
      .filter((v) => v.indicator_id === r.id)
      .map((v) => ({ value: Number(v.value), on: v.measured_on, source: v.source })),
  }));
}

export async function mattersOf(db: Kysely<Database>, planId: string) {
  return db
    .selectFrom('national_matter')
    .select([
      'id',
      'title',
      'description',
      'themes',
      'raised_on as raisedOn',
      'status',
      'answer',
      'answered_by_name as answeredBy',
      'answered_on as answeredOn',
    ])
    .where('plan_id', '=', planId)
    .orderBy('raised_on', 'desc')
    .execute();
}

/** Published examples a measure may cite. */
export async function publishedExampleTitles(db: Kysely<Database>) {
  return db
    .selectFrom('good_practice_revision')
    .select(['example_id as id', 'title'])
    .where('state', '=', 'published')
    .orderBy('title')
    .execute();
}

/** Which of these examples are published: what a new measure may cite. */
export async function publishedAmong(db: Kysely<Database>, exampleIds: readonly string[]) {
  const ids = [...new Set(exampleIds)].filter((id) => UUID.test(id));
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('good_practice_revision')
    .select('example_id')
    .distinct()
    .where('state', '=', 'published')
    .where('example_id', 'in', ids)
    .execute();
  return rows.map((r) => r.example_id);
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The adopted plans whose measures cite an example: for the example's public page. */
export async function plansCitingExample(db: Kysely<Database>, exampleId: string) {
  return db
    .selectFrom('action_plan_measure_example as e')
    .innerJoin('action_plan_measure as m', 'm.id', 'e.measure_id')
    .innerJoin('action_plan as p', 'p.id', 'm.plan_id')
    .innerJoin('municipality as k', 'k.id', 'p.municipality_id')
    .select(['p.title as planTitle', 'k.name as municipalityName'])
    .distinct()
    .where('e.example_id', '=', exampleId)
    .where('p.status', '=', 'adopted')
    .orderBy('k.name')
    .execute();
}
