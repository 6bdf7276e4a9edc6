import type { Kysely } from 'kysely';
import { isIsoDate } from '../../deadlines/calendar.ts';
import type { Resource } from '../../platform/access/policy.ts';
import { type AccessScope, type RequestContext, withAccess } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import { homeRefusals } from '../homes.ts';
import {
  type DecisionMakerKind,
  decisionMakerKinds,
  isLvuCare,
  type LegalBasis,
  legalBases,
  type Placement,
  type PlacementType,
  placementTypes,
} from '../model.ts';
import { loadHomes, municipalityCode } from '../queries/homes.ts';
import { placementRefusals, type Refusal } from '../validation.ts';
import { authorizeLookup, type FieldCodes, failed, type Outcome } from './scope.ts';

/**
 * A placement from the case's decision: a decided intervention of placement type, in a home from
 * the register, refused with the law's reasons (homeRefusals, placementRefusals) before anything
 * is written (docs/decisions/0076).
 */

export interface PlacementInput {
  interventionTypeId?: string | undefined;
  basis?: string | undefined;
  form?: string | undefined;
  homeId?: string | undefined;
  decidedOn?: string | undefined;
  decidedByKind?: string | undefined;
  decidedByName?: string | undefined;
  protocolReference?: string | undefined;
  executedOn?: string | undefined;
  designatedWorkerId?: string | undefined;
  specialReasons?: string | undefined;
  withGuardian?: string | undefined;
  consultedOn?: string | undefined;
}

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | null =>
  values.find((v) => v === value) ?? null;

/** Where a core refusal shows on the form. */
export function fieldOf(refusal: Refusal, fields: { maker: string; start: string }): string {
  const at = refusal.at ?? '';
  if (at.endsWith('decidedBy')) return fields.maker;
  if (at.endsWith('startedOn') || at.endsWith('executedOn')) return fields.start;
  if (at.endsWith('decidedOn')) return 'decidedOn';
  if (at.endsWith('specialReasons')) return 'specialReasons';
  if (at.endsWith('withGuardian')) return 'withGuardian';
  if (at.startsWith('periods')) return 'form';
  if (at.startsWith('end')) return 'endedOn';
  return at.startsWith('decisions') ? 'basis' : '_form';
}

export const refusalsToFields = (
  refusals: readonly Refusal[],
  fields = { maker: 'decidedByKind', start: 'executedOn' },
) => {
  const errors: FieldCodes = {};
  for (const r of refusals) errors[fieldOf(r, fields)] ??= r.code;
  return errors;
};

/** The case a placement comes from, and its decided interventions of placement type. */
export async function placementInterventionsOfCase(scope: AccessScope, caseId: string) {
  return scope.db
    .selectFrom('case_intervention as ci')
    .innerJoin('placement_intervention_type as pit', (j) =>
      j
        .onRef('pit.municipality_id', '=', 'ci.municipality_id')
        .onRef('pit.intervention_type_id', '=', 'ci.intervention_type_id'),
    )
    .innerJoin('intervention_type as it', (j) =>
      j.onRef('it.municipality_id', '=', 'ci.municipality_id').onRef('it.id', '=', 'ci.intervention_type_id'),
    )
    .select(['it.id', 'it.name', 'pit.form'])
    .where('ci.municipality_id', '=', scope.actor.municipalityId)
    .where('ci.case_id', '=', caseId)
    .orderBy('it.name')
    .execute();
}

export async function caseForPlacement(scope: AccessScope, caseId: string, forUpdate = false) {
  let q = scope.db
    .selectFrom('child_case as c')
    .innerJoin('person as p', (j) =>
      j.onRef('p.municipality_id', '=', 'c.municipality_id').onRef('p.id', '=', 'c.child_id'),
    )
    .select([
      'c.id',
      'c.municipality_id',
      'c.child_id',
      'c.unit_id',
      'c.responsible_user_id',
      'c.decision_outcome',
      'c.decided_on',
      'p.given_name',
      'p.family_name',
      'p.birth_date',
    ])
    .where('c.municipality_id', '=', scope.actor.municipalityId)
    .where('c.id', '=', caseId);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}
type CaseForPlacement = NonNullable<Awaited<ReturnType<typeof caseForPlacement>>>;

export const createResource = (c: CaseForPlacement): Resource => ({
  type: 'placement',
  municipalityId: c.municipality_id,
  placement: { unitIds: [c.unit_id], responsibleUserId: c.responsible_user_id, designatedWorkerId: null },
});
const caseReadAudit = (c: CaseForPlacement) => ({
  action: 'case.read',
  subjectPersonId: c.child_id,
  recordType: 'case',
  recordId: c.id,
});

/** What the form needs: the case, its placement interventions, the homes and the social workers. */
export async function placementForm(db: Kysely<Database>, context: RequestContext, caseId: string) {
  return withAccess(db, context, async (scope) => {
    const c = await caseForPlacement(scope, caseId);
    if (!c) {
      authorizeLookup(scope);
      return null;
    }
    scope.authorize('placement.create', createResource(c), { audit: caseReadAudit(c) });
    const [interventions, homes, workers] = await Promise.all([
      placementInterventionsOfCase(scope, caseId),
      loadHomes(scope),
      socialWorkers(scope),
    ]);
    await scope.audit(caseReadAudit(c));
    return { case: c, interventions, homes, workers };
  });
}
export type PlacementForm = NonNullable<Awaited<ReturnType<typeof placementForm>>>;

export function socialWorkers(scope: AccessScope) {
  return scope.db
    .selectFrom('user_account')
    .select(['id', 'display_name'])
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('role', '=', 'socialWorker')
    .where('active', '=', true)
    .orderBy('display_name')
    .execute();
}

/** The decision-makers of the first care decision and of the choice of home (LVU care is the court's). */
export function makersOf(basis: LegalBasis, kind: DecisionMakerKind, name: string, courtName: string) {
  const home = { kind, name };
  return { care: isLvuCare(basis) ? { kind: 'court' as const, name: courtName } : home, home };
}

export async function createPlacement(
  db: Kysely<Database>,
  context: RequestContext,
  caseId: string,
  input: PlacementInput,
  today: string,
  courtName: string,
): Promise<Outcome<{ id: string }> | null> {
  return withAccess(db, context, async (scope) => {
    const c = await caseForPlacement(scope, caseId, true);
    if (!c) {
      authorizeLookup(scope);
      return null;
    }
    const audit = {
      action: 'placement.create',
      subjectPersonId: c.child_id,
      recordType: 'case',
      recordId: c.id,
    };
    scope.authorize('placement.create', createResource(c), { audit });
    const errors: FieldCodes = {};
    const interventions = await placementInterventionsOfCase(scope, caseId);
    const intervention = interventions.find((i) => i.id === input.interventionTypeId);
    if (c.decision_outcome !== 'interventions' || !intervention)
      errors.interventionTypeId = 'notPlacementIntervention';
    const basis = oneOf(legalBases, input.basis);
    const form = oneOf<PlacementType>(placementTypes, input.form);
    const kind = oneOf(decisionMakerKinds, input.decidedByKind);
    const name = input.decidedByName?.trim() ?? '';
    if (!basis) errors.basis = 'invalidChoice';
    if (!form) errors.form = 'invalidChoice';
    // The administrator may tie the intervention to one form (decision 0121): the decision granted that.
    else if (intervention?.form && form !== intervention.form) errors.form = 'formNotOfIntervention';
    if (!kind) errors.decidedByKind = 'invalidChoice';
    if (!name) errors.decidedByName = 'required';
    for (const field of ['decidedOn', 'executedOn'] as const) {
      const value = input[field];
      if (!value) errors[field] = 'required';
      else if (!isIsoDate(value)) errors[field] = 'dateInvalid';
    }
    if (input.consultedOn && !isIsoDate(input.consultedOn)) errors.consultedOn = 'dateInvalid';
    const workers = await socialWorkers(scope);
    const designated = input.designatedWorkerId || null;
    if (designated && !workers.some((w) => w.id === designated)) errors.designatedWorkerId = 'invalidChoice';
    const [home] = input.homeId ? await loadHomes(scope, [input.homeId]) : [];
    if (!home) errors.homeId = 'homeNotFound';
    if (!c.birth_date) errors._form = 'notChild';
    if (Object.keys(errors).length || !basis || !form || !kind || !home || !c.birth_date)
      return failed(errors);
    const decidedOn = input.decidedOn!;
    const executedOn = input.executedOn!;
    const makers = makersOf(basis, kind, name, courtName);
    const placement: Placement = {
      id: 'new',
      childId: c.child_id,
      caseId: c.id,
      decisions: [{ basis, decidedOn, decidedBy: makers.care, executedOn }],
      periods: [
        {
          homeId: home.row.id,
          form,
          decidedOn,
          decidedBy: makers.home,
          startedOn: executedOn,
          specialReasons: input.specialReasons?.trim() || null,
          withGuardian: input.withGuardian === 'on',
        },
      ],
      end: null,
      designatedWorkerId: designated,
    };
    const refusals = placementRefusals(placement, { birthDate: c.birth_date }, today);
    const homeProblems = homeRefusals(home.home, {
      form,
      decidedOn,
      municipalityCode: await municipalityCode(scope),
      consultedOn: input.consultedOn || null,
    });
    if (refusals.length || homeProblems.length) {
      const fields = refusalsToFields(refusals);
      if (homeProblems[0]) fields.homeId ??= homeProblems[0].code;
      return failed(fields);
    }
    const m = scope.actor.municipalityId;
    const row = await scope.db
      .insertInto('placement')
      .values({
        municipality_id: m,
        child_id: c.child_id,
        case_id: c.id,
        intervention_type_id: intervention!.id,
        unit_id: c.unit_id,
        designated_worker_id: designated,
        investigation_closed_on: c.decided_on,
        created_by: scope.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await scope.db
      .insertInto('placement_decision')
      .values({
        municipality_id: m,
        placement_id: row.id,
        basis,
        decided_on: decidedOn,
        decided_by_kind: makers.care.kind,
        decided_by_name: makers.care.name,
        protocol_reference: input.protocolReference?.trim() ?? '',
        executed_on: executedOn,
      })
      .execute();
    await scope.db
      .insertInto('placement_period')
      .values({
        municipality_id: m,
        placement_id: row.id,
        home_id: home.row.id,
        form,
        decided_on: decidedOn,
        decided_by_kind: makers.home.kind,
        decided_by_name: makers.home.name,
        started_on: executedOn,
        special_reasons: placement.periods[0]!.specialReasons ?? null,
        with_guardian: placement.periods[0]!.withGuardian ?? false,
      })
      .execute();
    await scope.audit({ ...audit, recordType: 'placement', recordId: row.id });
    return { ok: true, id: row.id };
  });
}
