import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  createReader,
  type FieldWarning,
  type Outcome,
  refused,
  type TextGuard,
} from '../collaboration/form.ts';
import { recordChange } from '../collaboration/history.ts';
import {
  currentValue,
  type IndicatorInput,
  type IndicatorValue,
  type MeasuredValue,
  progress,
  validateIndicator,
  validateManualValue,
} from '../collaboration/indicators.ts';
import { changesOf } from '../good-practice/queries.ts';
import type { Resource } from '../platform/access/policy.ts';
import { type AccessScope, type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { Database } from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import { type LiveFigure, liveFigure, liveIndicatorIds } from './live-indicators.ts';
import { type MeasureInput, type MeasureStatus, statusChangeRefusal, validateMeasure } from './measures.ts';
import { type MatterInput, validateMatter } from './national-matters.ts';
import { type PlanInput, planStepRefusal, validatePlan } from './plan.ts';
import {
  areasOf,
  indicatorsOf,
  mattersOf,
  measuresOf,
  organisationsOf,
  planOrganisationIds,
  planRow,
  plansOf,
  publishedAmong,
  publishedExampleTitles,
} from './queries.ts';
import { visitsOfPlan } from './visit-queries.ts';

/**
 * What a municipality does with its action plans. Each call is one transaction: the policy
 * decides, the change is written with its visible history, the audit trail records it. Plans hold
 * no one's personal data; reading them is not audited (docs/decisions/0106).
 */

const planResource = (
  context: RequestContext,
  organisationIds: readonly string[],
  measureOwnerId: string | null = null,
): Resource => ({
  type: 'actionPlan',
  municipalityId: context.actor?.municipalityId ?? '',
  organisationIds,
  measureOwnerId,
});

/** The resource for the municipality's plans as a whole: a partner asks as its own organisation. */
const wholeResource = (context: RequestContext) =>
  planResource(context, context.actor?.partnerOrganisationId ? [context.actor.partnerOrganisationId] : []);

export async function listPlans(db: Kysely<Database>, context: RequestContext) {
  return withAccess(db, context, async (scope) => {
    scope.authorize('plan.read', wholeResource(context));
    return plansOf(scope.db, scope.actor.municipalityId, scope.actor.partnerOrganisationId ?? null);
  });
}

export async function planFormOptions(db: Kysely<Database>, context: RequestContext) {
  return withAccess(db, context, async (scope) => {
    scope.authorize('plan.write', wholeResource(context));
    return { organisations: await organisationsOf(scope.db, scope.actor.municipalityId) };
  });
}

async function knownNames(scope: AccessScope): Promise<string[]> {
  const orgs = await organisationsOf(scope.db, scope.actor.municipalityId);
  return orgs.map((o) => o.name);
}

type Saved = { ok: true; id: string };

export async function createPlan(
  db: Kysely<Database>,
  context: RequestContext,
  input: PlanInput,
  confirmed: boolean,
  today: string,
): Promise<Saved | Extract<Outcome<unknown, string>, { ok: false }>> {
  return withAccess(db, context, async (scope) => {
    scope.authorize('plan.write', wholeResource(context));
    const organisations = await organisationsOf(scope.db, scope.actor.municipalityId);
    const outcome = validatePlan(input, {
      guard: { today, confirmed, knownNames: organisations.map((o) => o.name) },
      organisationIds: organisations.map((o) => o.id),
    });
    if (!outcome.ok) return outcome;
    const v = outcome.value;
    const plan = await scope.db
      .insertInto('action_plan')
      .values({
        municipality_id: scope.actor.municipalityId,
        series_id: randomUUID(),
        version: 1,
        status: 'draft',
        title: v.title,
        adopted_by_body: v.adoptedByBody,
        adopted_on: v.adoptedOn,
        deadline: v.deadline,
        summary: v.summary,
        created_by: scope.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (v.organisationIds.length)
      await scope.db
        .insertInto('action_plan_organisation')
        .values(v.organisationIds.map((id) => ({ plan_id: plan.id, organisation_id: id })))
        .execute();
    await scope.db
      .insertInto('action_plan_area')
      .values(
        v.areas.map((a, position) => ({
          plan_id: plan.id,
          position,
          area: a.area,
          title: a.title,
          rationale: a.rationale,
          themes: a.themes,
        })),
      )
      .execute();
    await recordChange(scope.db, scope.actor, {
      recordType: 'actionPlan',
      recordId: plan.id,
      action: 'created',
      confirmedWarnings: outcome.warnings,
    });
    await scope.audit({ action: 'plan.create', recordType: 'actionPlan', recordId: plan.id });
    return { ok: true, id: plan.id };
  });
}

/** Loads a plan of the actor's municipality (404 otherwise) and authorises the action on it. */
async function openPlan(
  scope: AccessScope,
  context: RequestContext,
  planId: string,
  action: 'plan.read' | 'plan.write' | 'plan.updateMeasure' | 'matter.raise',
  measureOwnerId: string | null = null,
) {
  const plan = await planRow(scope.db, scope.actor.municipalityId, planId);
  if (!plan) throw notFound();
  const organisationIds = await planOrganisationIds(scope.db, planId);
  scope.authorize(action, planResource(context, organisationIds, measureOwnerId));
  return { plan, organisationIds };
}

export interface IndicatorShown {
  id: string;
  areaPosition: number;
  indicator: IndicatorValue;
  manual: MeasuredValue[];
  live: LiveFigure | null;
  current: MeasuredValue | null;
  progress: ReturnType<typeof progress>;
}

export async function planPage(db: Kysely<Database>, context: RequestContext, planId: string, today: string) {
  return withAccess(db, context, async (scope) => {
    const { plan, organisationIds } = await openPlan(scope, context, planId, 'plan.read');
    const actor = scope.actor;
    const canWrite = actor.role === 'manager';
    // Only the measure form lists the examples a measure may cite, and only a draft has it.
    const contents = await planContents(scope.db, plan, organisationIds, today, {
      examples: canWrite && plan.status === 'draft',
    });
    const visitWork = await visitsOfPlan(scope.db, planId);
    return {
      ...contents,
      visitWork,
      canWrite,
      /** The organisation whose measures this user may move (a partner's own; a manager's all). */
      movesMeasuresOf: canWrite ? 'all' : (actor.partnerOrganisationId ?? null),
    };
  });
}

type PlanRow = NonNullable<Awaited<ReturnType<typeof planRow>>>;

/**
 * Everything a plan's page shows, read once the reader was let in: by the policy for the
 * municipality's own staff and partners, by the coordinator's scope for the coordinator (0108).
 */
export async function planContents(
  db: Kysely<Database>,
  plan: PlanRow,
  organisationIds: string[],
  today: string,
  /**
   * Whether to read the published examples a measure may cite: every published example of the
   * installation, a list that grows with it, so read only for the form that offers them.
   */
  options: { examples: boolean } = { examples: false },
) {
  const planId = plan.id;
  const [organisations, areas, measures, rows, matters, changes, examples] = await Promise.all([
    organisationsOf(db, plan.municipality_id),
    areasOf(db, planId),
    measuresOf(db, planId),
    indicatorsOf(db, planId),
    mattersOf(db, planId),
    changesOf(db, 'actionPlan', planId),
    options.examples ? publishedExampleTitles(db) : [],
  ]);
  const indicators: IndicatorShown[] = [];
  // Each of Samtak's indicators is computed once, however many of the plan's areas follow it.
  const figures = new Map<string, LiveFigure>();
  const figureOf = async (id: string) => {
    const known = figures.get(id);
    if (known) return known;
    const figure = await liveFigure(db, plan.municipality_id, id, today);
    figures.set(id, figure);
    return figure;
  };
  for (const row of rows) {
    const live =
      row.indicator.source.kind === 'samtak' ? await figureOf(row.indicator.source.indicatorId) : null;
    const liveValue = live?.kind === 'value' ? { value: live.value, on: live.on, source: 'Samtak' } : null;
    const current = currentValue(row.indicator, { manual: row.manual, live: liveValue });
    indicators.push({ ...row, live, current, progress: progress(row.indicator, current) });
  }
  return { plan, organisationIds, organisations, areas, measures, indicators, matters, changes, examples };
}
export type PlanPage = Awaited<ReturnType<typeof planPage>>;

type Failure = {
  ok: false;
  errors: { field: string; code: string; max?: number; advice?: 'useSip' }[];
  warnings: FieldWarning[];
};

function editRefusal(status: string): Failure | null {
  const refusal = planStepRefusal(
    'edit',
    { status: status as 'draft', adoptedByBody: '', adoptedOn: null, measures: 0, newerDraft: false },
    '9999-12-31',
  );
  return refusal ? (refused('_form', refusal as never) as Failure) : null;
}

export async function addMeasure(
  db: Kysely<Database>,
  context: RequestContext,
  planId: string,
  input: MeasureInput,
  confirmed: boolean,
  today: string,
): Promise<Saved | Failure> {
  return withAccess(db, context, async (scope) => {
    const { plan, organisationIds } = await openPlan(scope, context, planId, 'plan.write');
    const locked = editRefusal(plan.status);
    if (locked) return locked;
    const areas = await areasOf(scope.db, planId);
    const outcome = validateMeasure(input, {
      guard: { today, confirmed, knownNames: await knownNames(scope) },
      areaCount: areas.length,
      planOrganisationIds: organisationIds,
      publishedExampleIds: await publishedAmong(scope.db, input.citedExampleIds ?? []),
    });
    if (!outcome.ok) return outcome;
    const v = outcome.value;
    const measure = await scope.db
      .insertInto('action_plan_measure')
      .values({
        plan_id: planId,
        area_position: areas[v.areaIndex]!.position,
        title: v.title,
        description: v.description,
        owner_organisation_id: v.ownerOrganisationId,
        owner_role: v.ownerRole,
        starts_on: v.startsOn,
        due_on: v.dueOn,
        status: 'planned',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (v.partnerOrganisationIds.length)
      await scope.db
        .insertInto('action_plan_measure_partner')
        .values(v.partnerOrganisationIds.map((id) => ({ measure_id: measure.id, organisation_id: id })))
        .execute();
    if (v.citedExampleIds.length)
      await scope.db
        .insertInto('action_plan_measure_example')
        .values(v.citedExampleIds.map((id) => ({ measure_id: measure.id, example_id: id })))
        .execute();
    await scope.db
      .insertInto('action_plan_measure_status')
      .values({
        measure_id: measure.id,
        from_status: null,
        to_status: 'planned',
        changed_on: today,
        changed_by: scope.actor.userId,
      })
      .execute();
    await recordChange(scope.db, scope.actor, {
      recordType: 'actionPlan',
      recordId: planId,
      action: 'measureAdded',
      note: v.title,
      confirmedWarnings: outcome.warnings,
    });
    await scope.audit({ action: 'plan.addMeasure', recordType: 'measure', recordId: measure.id });
    return { ok: true, id: measure.id };
  });
}

export async function changeMeasureStatus(
  db: Kysely<Database>,
  context: RequestContext,
  planId: string,
  measureId: string,
  change: { to: string; on: string; evidence: string; reason: string },
  today: string,
): Promise<Saved | Failure> {
  return withAccess(db, context, async (scope) => {
    const measure = await scope.db
      .selectFrom('action_plan_measure')
      .select(['id', 'status', 'owner_organisation_id'])
      .where('id', '=', measureId)
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    if (!measure) throw notFound();
    const { plan } = await openPlan(
      scope,
      context,
      planId,
      'plan.updateMeasure',
      measure.owner_organisation_id,
    );
    if (plan.status !== 'draft' && plan.status !== 'adopted')
      return refused('_form', 'wrongStatus' as never) as Failure;
    const form = {
      to: change.to as MeasureStatus,
      on: change.on.trim(),
      evidence: change.evidence.trim(),
      reason: change.reason.trim(),
    };
    const guard: TextGuard = { today, confirmed: true, knownNames: await knownNames(scope) };
    // The evidence and the reason are free text: the guard reads them like any other.
    const checked = guardTexts(form.evidence, form.reason, guard);
    if (checked) return checked;
    if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(form.on)) return refused('on', 'dateInvalid') as Failure;
    const refusal = statusChangeRefusal(measure.status, form, today);
    if (refusal) return refused('to', refusal as never) as Failure;
    await scope.db
      .updateTable('action_plan_measure')
      .set({ status: form.to, evidence: form.evidence, drop_reason: form.reason })
      .where('id', '=', measureId)
      .execute();
    await scope.db
      .insertInto('action_plan_measure_status')
      .values({
        measure_id: measureId,
        from_status: measure.status,
        to_status: form.to,
        changed_on: form.on,
        changed_by: scope.actor.userId,
        evidence: form.evidence,
        reason: form.reason,
      })
      .execute();
    await recordChange(scope.db, scope.actor, {
      recordType: 'actionPlan',
      recordId: planId,
      action: 'measureStatus',
      note: `${measure.status} → ${form.to}`,
    });
    await scope.audit({
      action: 'plan.measureStatus',
      recordType: 'measure',
      recordId: measureId,
      reason: form.to,
    });
    return { ok: true, id: measureId };
  });
}

/** The evidence and the reason are free text: the guard refuses an identity number in them. */
function guardTexts(evidence: string, reason: string, guard: TextGuard): Failure | null {
  const form = createReader(guard);
  form.text('evidence', evidence, { max: 4000, multiline: true });
  form.text('reason', reason, { max: 2000, multiline: true });
  const outcome = form.done(() => null);
  return outcome.ok ? null : outcome;
}

export async function addIndicator(
  db: Kysely<Database>,
  context: RequestContext,
  planId: string,
  input: IndicatorInput & { areaIndex?: string },
  confirmed: boolean,
  today: string,
): Promise<Saved | Failure> {
  return withAccess(db, context, async (scope) => {
    const { plan } = await openPlan(scope, context, planId, 'plan.write');
    const locked = editRefusal(plan.status);
    if (locked) return locked;
    const areas = await areasOf(scope.db, planId);
    const outcome = validateIndicator(input, {
      guard: { today, confirmed, knownNames: await knownNames(scope) },
      samtakIndicatorIds: liveIndicatorIds,
    });
    const areaIndex = Number(input.areaIndex);
    const area = Number.isInteger(areaIndex) ? areas[areaIndex] : undefined;
    if (!outcome.ok || !area) {
      const errors = outcome.ok ? [] : outcome.errors;
      return {
        ok: false,
        errors: area ? errors : [...errors, { field: 'areaIndex', code: 'invalid' }],
        warnings: outcome.warnings,
      };
    }
    const v = outcome.value;
    const row = await scope.db
      .insertInto('plan_indicator')
      .values({
        plan_id: planId,
        area_position: area.position,
        name: v.name,
        definition: v.definition,
        unit: v.unit,
        direction: v.direction,
        baseline_value: v.baseline.value,
        baseline_on: v.baseline.on,
        target_value: v.target.value,
        target_by: v.target.by,
        source_kind: v.source.kind,
        samtak_indicator_id: v.source.kind === 'samtak' ? v.source.indicatorId : null,
        source_description: v.source.kind === 'manual' ? v.source.description : '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordChange(scope.db, scope.actor, {
      recordType: 'actionPlan',
      recordId: planId,
      action: 'indicatorAdded',
      note: v.name,
      confirmedWarnings: outcome.warnings,
    });
    await scope.audit({ action: 'plan.addIndicator', recordType: 'indicator', recordId: row.id });
    return { ok: true, id: row.id };
  });
}

export async function addIndicatorValue(
  db: Kysely<Database>,
  context: RequestContext,
  planId: string,
  indicatorId: string,
  input: { value?: string; on?: string; source?: string },
  today: string,
): Promise<Saved | Failure> {
  return withAccess(db, context, async (scope) => {
    await openPlan(scope, context, planId, 'plan.write');
    const indicator = (await indicatorsOf(scope.db, planId)).find((i) => i.id === indicatorId);
    if (!indicator) throw notFound();
    const outcome = validateManualValue(input, {
      guard: { today, confirmed: true, knownNames: await knownNames(scope) },
      today,
      indicator: indicator.indicator,
    });
    if (!outcome.ok) return outcome;
    const row = await scope.db
      .insertInto('plan_indicator_value')
      .values({
        indicator_id: indicatorId,
        measured_on: outcome.value.on,
        value: outcome.value.value,
        source: outcome.value.source,
        entered_by: scope.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordChange(scope.db, scope.actor, {
      recordType: 'actionPlan',
      recordId: planId,
      action: 'valueAdded',
      note: indicator.indicator.name,
    });
    await scope.audit({ action: 'plan.indicatorValue', recordType: 'indicatorValue', recordId: row.id });
    return { ok: true, id: row.id };
  });
}

export async function adoptPlan(
  db: Kysely<Database>,
  context: RequestContext,
  planId: string,
  input: { adoptedByBody: string; adoptedOn: string },
  today: string,
): Promise<Saved | Failure> {
  return withAccess(db, context, async (scope) => {
    const { plan } = await openPlan(scope, context, planId, 'plan.write');
    const body = input.adoptedByBody.replace(/\s+/g, ' ').trim().slice(0, 200);
    const on = input.adoptedOn.trim();
    if (on && !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(on)) return refused('adoptedOn', 'dateInvalid') as Failure;
    const measures = (await measuresOf(scope.db, planId)).length;
    const refusal = planStepRefusal(
      'adopt',
      { status: plan.status, adoptedByBody: body, adoptedOn: on || null, measures, newerDraft: false },
      today,
    );
    if (refusal) return refused('adoptedByBody', refusal as never) as Failure;
    await scope.db
      .updateTable('action_plan')
      .set({ status: 'adopted', adopted_by_body: body, adopted_on: on })
      .where('id', '=', planId)
      .execute();
    await recordChange(scope.db, scope.actor, {
      recordType: 'actionPlan',
      recordId: planId,
      action: 'adopted',
      note: `${body} ${on}`,
    });
    await scope.audit({ action: 'plan.adopt', recordType: 'actionPlan', recordId: planId });
    return { ok: true, id: planId };
  });
}

export async function raiseMatter(
  db: Kysely<Database>,
  context: RequestContext,
  planId: string,
  input: MatterInput,
  confirmed: boolean,
  today: string,
): Promise<Saved | Failure> {
  return withAccess(db, context, async (scope) => {
    const { plan } = await openPlan(scope, context, planId, 'matter.raise');
    const outcome = validateMatter(input, {
      guard: { today, confirmed, knownNames: await knownNames(scope) },
      today,
    });
    if (!outcome.ok) return outcome;
    const row = await scope.db
      .insertInto('national_matter')
      .values({
        municipality_id: plan.municipality_id,
        plan_id: planId,
        title: outcome.value.title,
        description: outcome.value.description,
        themes: outcome.value.themes,
        raised_on: outcome.value.raisedOn,
        status: 'raised',
        raised_by: scope.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordChange(scope.db, scope.actor, {
      recordType: 'actionPlan',
      recordId: planId,
      action: 'matterRaised',
      note: outcome.value.title,
      confirmedWarnings: outcome.warnings,
    });
    await scope.audit({ action: 'matter.raise', recordType: 'nationalMatter', recordId: row.id });
    return { ok: true, id: row.id };
  });
}
