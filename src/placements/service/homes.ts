import type { Kysely } from 'kysely';
import { isIsoDate } from '../../deadlines/calendar.ts';
import { decide, type Resource } from '../../platform/access/policy.ts';
import { type AccessScope, type RequestContext, withAccess } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import { homeAlerts, registers } from '../homes.ts';
import { ivoPlacementNotice } from '../ivo-notice.ts';
import { isPrivateHome, type PlacementType, placementTypes } from '../model.ts';
import { homeFindingUnitIds, loadHomes, placementSettings } from '../queries/homes.ts';
import { type FieldCodes, failed, type Outcome } from './scope.ts';

/**
 * The register of homes (22 kap. 2–4 §§ SoL; SoF 3 kap. 3 §): the home-finding team records
 * homes, their investigation, the carers' register extracts (that they were read and the
 * assessment, never their content) and training; every social worker and manager may choose a
 * home when placing a child (docs/decisions/0077).
 */

async function homeRegister(scope: AccessScope): Promise<Resource> {
  return {
    type: 'homeRegister',
    municipalityId: scope.actor.municipalityId,
    homeFindingUnitIds: await homeFindingUnitIds(scope),
  };
}

const homeAudit = (id: string, action: string) => ({ action, recordType: 'placementHome', recordId: id });

/** Every home with what is to renew (the home-finding team's worklist). */
export async function listHomes(db: Kysely<Database>, context: RequestContext, today: string) {
  return withAccess(db, context, async (scope) => {
    const resource = await homeRegister(scope);
    scope.authorize('home.list', resource);
    const [homes, settings] = await Promise.all([loadHomes(scope), placementSettings(scope)]);
    await scope.audit({ action: 'home.list', recordType: 'placementHome' });
    return {
      homes: homes.map((h) => ({
        ...h,
        alerts: homeAlerts(h.home, today, settings.registerExtractMaxAgeMonths),
      })),
      mayManage: mayManage(scope, resource),
    };
  });
}

/** A second question to the policy, only to show or hide the forms: nothing is audited. */
const mayManage = (scope: AccessScope, resource: Resource) =>
  decide(scope.actor, 'home.manage', resource).allowed;

/** One home with its children placed now (each audited as seen) and what is to renew. */
export async function readHome(db: Kysely<Database>, context: RequestContext, id: string, today: string) {
  return withAccess(db, context, async (scope) => {
    const resource = await homeRegister(scope);
    scope.authorize('home.read', resource);
    const [home] = await loadHomes(scope, [id]);
    if (!home) return null;
    const settings = await placementSettings(scope);
    const children = await scope.db
      .selectFrom('placement_period as pp')
      .innerJoin('placement as p', (j) =>
        j.onRef('p.municipality_id', '=', 'pp.municipality_id').onRef('p.id', '=', 'pp.placement_id'),
      )
      .innerJoin('person as c', (j) =>
        j.onRef('c.municipality_id', '=', 'p.municipality_id').onRef('c.id', '=', 'p.child_id'),
      )
      .select([
        'p.id as placementId',
        'c.id as childId',
        'c.given_name',
        'c.family_name',
        'pp.started_on',
        'c.protected_identity',
      ])
      .where('pp.municipality_id', '=', scope.actor.municipalityId)
      .where('pp.home_id', '=', id)
      .where('p.ended_on', 'is', null)
      // Only the child's latest period: a child who moved on is not placed here any more.
      .where((eb) =>
        eb(
          'pp.started_on',
          '=',
          eb
            .selectFrom('placement_period as last')
            .select((e) => e.fn.max('last.started_on').as('s'))
            .whereRef('last.placement_id', '=', 'pp.placement_id'),
        ),
      )
      .orderBy('pp.started_on')
      .execute();
    await scope.audit(
      homeAudit(id, 'home.read'),
      ...children.map((c) => ({
        action: 'placement.list',
        subjectPersonId: c.childId,
        recordType: 'placement',
        recordId: c.placementId,
      })),
    );
    return {
      ...home,
      alerts: homeAlerts(home.home, today, settings.registerExtractMaxAgeMonths),
      ivoNotice: ivoPlacementNotice(home.home, children.length, today),
      children,
      mayManage: mayManage(scope, resource),
    };
  });
}
export type HomeView = NonNullable<Awaited<ReturnType<typeof readHome>>>;

export interface HomeInput {
  kind?: string | undefined;
  name?: string | undefined;
  forms?: string[] | undefined;
  municipalityCode?: string | undefined;
  streetAddress?: string | undefined;
  postalCode?: string | undefined;
  city?: string | undefined;
  ownership?: string | undefined;
  ivoPermitReference?: string | undefined;
  ivoPermitGrantedOn?: string | undefined;
  ivoNotifiedOn?: string | undefined;
  carerNames?: string | undefined;
}

/** Checks a home's form; the forms must fit the kind (a family home is not an HVB). */
function homeErrors(input: HomeInput, today: string): FieldCodes {
  const errors: FieldCodes = {};
  const kind = input.kind;
  if (kind !== 'privateHome' && kind !== 'provider') errors.kind = 'invalidChoice';
  if (!input.name?.trim()) errors.name = 'required';
  const forms = (input.forms ?? []).filter((f): f is PlacementType =>
    (placementTypes as readonly string[]).includes(f),
  );
  if (forms.length === 0 || forms.length !== (input.forms ?? []).length) errors.forms = 'invalidChoice';
  else if (kind && forms.some((f) => isPrivateHome(f) !== (kind === 'privateHome')))
    errors.forms = 'homeFormMismatch';
  if (!/^[0-9]{4}$/.test(input.municipalityCode ?? '')) errors.municipalityCode = 'invalidChoice';
  if (kind === 'provider' && !['private', 'public', 'state'].includes(input.ownership ?? ''))
    errors.ownership = 'invalidChoice';
  for (const field of ['ivoPermitGrantedOn', 'ivoNotifiedOn'] as const) {
    const value = input[field];
    if (!value) continue;
    if (!isIsoDate(value)) errors[field] = 'dateInvalid';
    else if (value > today) errors[field] = 'dateInFuture';
  }
  return errors;
}

export async function createHome(
  db: Kysely<Database>,
  context: RequestContext,
  input: HomeInput,
  today: string,
): Promise<Outcome<{ id: string }>> {
  return withAccess(db, context, async (scope) => {
    scope.authorize('home.manage', await homeRegister(scope));
    const errors = homeErrors(input, today);
    if (Object.keys(errors).length) return failed(errors);
    const provider = input.kind === 'provider';
    const forms = (input.forms ?? []) as PlacementType[];
    const row = await scope.db
      .insertInto('placement_home')
      .values({
        municipality_id: scope.actor.municipalityId,
        kind: provider ? 'provider' : 'privateHome',
        name: input.name!.trim(),
        forms,
        home_municipality_code: input.municipalityCode!,
        street_address: input.streetAddress?.trim() || null,
        postal_code: input.postalCode?.trim() || null,
        city: input.city?.trim() || null,
        ownership: provider ? (input.ownership as 'private' | 'public' | 'state') : null,
        ivo_permit_reference: provider ? input.ivoPermitReference?.trim() || null : null,
        ivo_permit_granted_on: provider ? input.ivoPermitGrantedOn || null : null,
        ivo_permit_forms: provider && input.ivoPermitGrantedOn ? forms : [],
        ivo_notified_on: provider ? input.ivoNotifiedOn || null : null,
        created_by: scope.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const names = (input.carerNames ?? '')
      .split('\n')
      .map((n) => n.trim())
      .filter(Boolean);
    if (!provider && names.length) {
      await scope.db
        .insertInto('placement_home_carer')
        .values(names.map((name) => ({ municipality_id: scope.actor.municipalityId, home_id: row.id, name })))
        .execute();
    }
    await scope.audit(homeAudit(row.id, 'home.update'));
    return { ok: true, id: row.id };
  });
}

export interface HomeRecordInput {
  what?: string | undefined;
  carerId?: string | undefined;
  carerName?: string | undefined;
  on?: string | undefined;
  result?: string | undefined;
  register?: string | undefined;
  assessment?: string | undefined;
}

/** One record on a home: a carer, the investigation, a register extract, a training. */
export async function recordOnHome(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  input: HomeRecordInput,
  today: string,
): Promise<Outcome | null> {
  return withAccess(db, context, async (scope) => {
    scope.authorize('home.manage', await homeRegister(scope));
    const [home] = await loadHomes(scope, [id]);
    if (!home) return null;
    const m = scope.actor.municipalityId;
    const errors: FieldCodes = {};
    if (input.what === 'carer') {
      const name = input.carerName?.trim();
      if (!name) return failed({ carerName: 'required' });
      await scope.db
        .insertInto('placement_home_carer')
        .values({ municipality_id: m, home_id: id, name })
        .execute();
    } else {
      if (!input.on) errors.on = 'required';
      else if (!isIsoDate(input.on)) errors.on = 'dateInvalid';
      else if (input.on > today) errors.on = 'dateInFuture';
      const carer = home.carers.find((c) => c.id === input.carerId);
      if (input.what !== 'investigation' && !carer) errors.carerId = 'invalidChoice';
      if (input.what === 'investigation' && input.result !== 'approved' && input.result !== 'notApproved')
        errors.result = 'invalidChoice';
      const register = registers.find((r) => r === input.register);
      if (input.what === 'extract' && !register) errors.register = 'invalidChoice';
      if (!['investigation', 'extract', 'training'].includes(input.what ?? ''))
        errors._form = 'invalidChoice';
      if (Object.keys(errors).length) return failed(errors);
      const on = input.on!;
      if (input.what === 'investigation') {
        await scope.db
          .insertInto('placement_home_investigation')
          .values({
            municipality_id: m,
            home_id: id,
            completed_on: on,
            result: input.result as 'approved' | 'notApproved',
            recorded_by: scope.actor.userId,
          })
          .execute();
      } else if (input.what === 'extract') {
        await scope.db
          .insertInto('placement_home_register_extract')
          .values({
            municipality_id: m,
            home_id: id,
            carer_id: carer!.id,
            register: register!,
            obtained_on: on,
            assessment: input.assessment?.trim() ?? '',
            recorded_by: scope.actor.userId,
          })
          .execute();
      } else {
        await scope.db
          .insertInto('placement_home_training')
          .values({ municipality_id: m, home_id: id, carer_id: carer!.id, completed_on: on })
          .execute();
      }
    }
    await scope.audit(homeAudit(id, 'home.update'));
    return { ok: true };
  });
}
