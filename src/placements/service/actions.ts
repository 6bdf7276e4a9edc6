import type { Kysely } from 'kysely';
import { isIsoDate } from '../../deadlines/calendar.ts';
import type { Action } from '../../platform/access/policy.ts';
import { type AccessScope, type RequestContext, withAccess } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import {
  attentionAreas,
  type ContactRecord,
  contactKinds,
  contactPlaces,
  contactRefusals,
  notAloneReasons,
} from '../contacts.ts';
import { homeRefusals } from '../homes.ts';
import { decisionMakerKinds, endOutcomes, type Placement, placementTypes } from '../model.ts';
import { type LoadedPlacement, loadPlacements } from '../queries/facts.ts';
import { loadHomes, municipalityCode } from '../queries/homes.ts';
import { recordableSteps, type StepKind } from '../schema.ts';
import { dateRefusals, placementRefusals } from '../validation.ts';
import { refusalsToFields } from './create.ts';
import {
  authorizeLookup,
  type FieldCodes,
  failed,
  type Outcome,
  placementAudit,
  placementResource,
} from './scope.ts';

/**
 * What is recorded on a placement, each in one transaction with its audit event: visits and talks,
 * dated steps, a move, the end and the follow-up. Each is checked by the core before it is written.
 */

type Values = Record<string, string | string[] | undefined>;
const s = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);
const list = (v: string | string[] | undefined) => [v ?? []].flat();
const oneOf = <T extends string>(values: readonly T[], v: string | undefined): T | null =>
  values.find((x) => x === v) ?? null;

export async function onPlacement(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  action: Action,
  auditAction: string,
  work: (scope: AccessScope, p: LoadedPlacement) => Promise<Outcome>,
): Promise<Outcome | null> {
  return withAccess(db, context, async (scope) => {
    const [p] = await loadPlacements(scope, [id], true);
    if (!p) {
      authorizeLookup(scope);
      return null;
    }
    scope.authorize(action, placementResource(p), { audit: placementAudit(p, auditAction) });
    const outcome = await work(scope, p);
    if (outcome.ok) await scope.audit(placementAudit(p, auditAction));
    return outcome;
  });
}

function dateField(value: string | undefined, today: string): string | null {
  if (!value) return 'required';
  return dateRefusals([['d', value]], today)[0]?.code ?? null;
}

/** A visit or talk (22 kap. 11–12 §§): an attempt never counts as a talk. */
export function recordContact(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  body: Values,
  today: string,
) {
  return onPlacement(
    db,
    context,
    id,
    'placement.recordContact',
    'placementContact.create',
    async (scope, p) => {
      const errors: FieldCodes = {};
      const kind = oneOf(contactKinds, s(body.kind));
      const place = oneOf(contactPlaces, s(body.place));
      const outcome = oneOf(['made', 'attempted'] as const, s(body.outcome));
      if (!kind) errors.kind = 'invalidChoice';
      if (!place) errors.place = 'invalidChoice';
      if (!outcome) errors.outcome = 'invalidChoice';
      const on = s(body.on);
      const dateProblem = on ? (isIsoDate(on) ? null : 'dateInvalid') : 'required';
      if (dateProblem) errors.on = dateProblem;
      const alone = s(body.childAlone);
      const childAlone = alone === 'yes' ? true : alone === 'no' ? false : null;
      const reason = s(body.notAloneReason) ? oneOf(notAloneReasons, s(body.notAloneReason)) : null;
      if (s(body.notAloneReason) && !reason) errors.notAloneReason = 'invalidChoice';
      const areas = list(body.attendedTo);
      const attendedTo = attentionAreas.filter((a) => areas.includes(a));
      if (attendedTo.length !== areas.length) errors.attendedTo = 'invalidChoice';
      if (Object.keys(errors).length || !kind || !place || !outcome || !on) return failed(errors);
      const record: ContactRecord = {
        id: 'new',
        placementId: p.row.id,
        on,
        kind,
        place,
        outcome,
        childAlone,
        notAloneReason: childAlone === false ? reason : null,
        attendedTo,
      };
      const refusals = contactRefusals(record, p.placement, today);
      if (refusals.length) {
        const fields: FieldCodes = {};
        for (const r of refusals) fields[r.at ?? '_form'] ??= r.code;
        return failed(fields);
      }
      await scope.db
        .insertInto('placement_contact')
        .values({
          municipality_id: p.row.municipality_id,
          placement_id: p.row.id,
          on_date: on,
          kind,
          place,
          outcome,
          child_alone: record.childAlone,
          not_alone_reason: record.notAloneReason,
          attended_to: attendedTo,
          note: s(body.note)?.trim() ?? '',
          recorded_by: scope.actor.userId,
          recorded_by_name: scope.actor.displayName,
        })
        .execute();
      return { ok: true };
    },
  );
}

/** A dated step: a plan established, the region told, the court, an agreement with the home. */
export function recordStep(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  body: Values,
  today: string,
) {
  return onPlacement(db, context, id, 'placement.update', 'placement.update', async (scope, p) => {
    const kind = oneOf<StepKind>(recordableSteps, s(body.stepKind));
    const on = s(body.stepOn);
    const errors: FieldCodes = {};
    if (!kind) errors.stepKind = 'invalidChoice';
    const problem = dateField(on, today);
    if (problem) errors.stepOn = problem;
    else if (on! < (p.placement.decisions[0]?.decidedOn ?? on!)) errors.stepOn = 'beforePlacement';
    const extendedTo = s(body.extendedTo) || null;
    if (kind === 'applicationExtended' && (!extendedTo || !isIsoDate(extendedTo)))
      errors.extendedTo = 'dateInvalid';
    if (Object.keys(errors).length || !kind || !on) return failed(errors);
    const period = p.placement.periods.at(-1);
    await insertStep(scope, p, kind, on, {
      extendedTo: kind === 'applicationExtended' ? extendedTo : null,
      homeId: kind === 'fosterAgreementSigned' ? (period?.homeId ?? null) : null,
      note: s(body.stepNote)?.trim() ?? '',
    });
    return { ok: true };
  });
}

function insertStep(
  scope: AccessScope,
  p: LoadedPlacement,
  kind: StepKind,
  on: string,
  extra: { extendedTo?: string | null; homeId?: string | null; note?: string } = {},
) {
  return scope.db
    .insertInto('placement_step')
    .values({
      municipality_id: p.row.municipality_id,
      placement_id: p.row.id,
      kind,
      on_date: on,
      extended_to: extra.extendedTo ?? null,
      home_id: extra.homeId ?? null,
      note: extra.note ?? '',
      recorded_by: scope.actor.userId,
    })
    .execute();
}

/** A move to another home: a new period of the same care, refused like the first home. */
export function movePlacement(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  body: Values,
  today: string,
) {
  return onPlacement(db, context, id, 'placement.update', 'placement.update', async (scope, p) => {
    if (p.placement.end) return failed({ _form: 'alreadyEnded' });
    const errors: FieldCodes = {};
    const form = oneOf(placementTypes, s(body.moveForm));
    const kind = oneOf(decisionMakerKinds, s(body.moveDecidedByKind));
    const name = s(body.moveDecidedByName)?.trim() ?? '';
    if (!form) errors.moveForm = 'invalidChoice';
    if (!kind) errors.moveDecidedByKind = 'invalidChoice';
    if (!name) errors.moveDecidedByName = 'required';
    for (const field of ['moveDecidedOn', 'moveStartedOn'] as const) {
      const v = s(body[field]);
      if (!v) errors[field] = 'required';
      else if (!isIsoDate(v)) errors[field] = 'dateInvalid';
    }
    const [home] = s(body.moveHomeId) ? await loadHomes(scope, [s(body.moveHomeId)!]) : [];
    if (!home) errors.moveHomeId = 'homeNotFound';
    else if (home.row.id === p.placement.periods.at(-1)?.homeId) errors.moveHomeId = 'sameHome';
    if (Object.keys(errors).length || !form || !kind || !home) return failed(errors);
    const decidedOn = s(body.moveDecidedOn)!;
    const startedOn = s(body.moveStartedOn)!;
    const period = { homeId: home.row.id, form, decidedOn, decidedBy: { kind, name }, startedOn };
    const moved: Placement = { ...p.placement, periods: [...p.placement.periods, period] };
    const refusals = placementRefusals(moved, p.facts.child, today);
    const homeProblems = homeRefusals(home.home, {
      form,
      decidedOn,
      municipalityCode: await municipalityCode(scope),
    });
    if (refusals.length || homeProblems.length) {
      const fields = refusalsToFields(refusals, { maker: 'moveDecidedByKind', start: 'moveStartedOn' });
      const renamed: FieldCodes = {};
      for (const [field, code] of Object.entries(fields))
        renamed[field === 'decidedOn' ? 'moveDecidedOn' : field === 'form' ? 'moveStartedOn' : field] = code;
      if (homeProblems[0]) renamed.moveHomeId ??= homeProblems[0].code;
      return failed(renamed);
    }
    await scope.db
      .insertInto('placement_period')
      .values({
        municipality_id: p.row.municipality_id,
        placement_id: p.row.id,
        home_id: home.row.id,
        form,
        decided_on: decidedOn,
        decided_by_kind: kind,
        decided_by_name: name,
        started_on: startedOn,
      })
      .execute();
    return { ok: true };
  });
}

/** The end of the placement with its outcome; its follow-up is then due (23 kap.; 21 b § LVU). */
export function endPlacement(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  body: Values,
  today: string,
) {
  return onPlacement(db, context, id, 'placement.end', 'placement.end', async (scope, p) => {
    if (p.placement.end) return failed({ _form: 'alreadyEnded' });
    const outcome = oneOf(endOutcomes, s(body.endOutcome));
    const endedOn = s(body.endedOn);
    const errors: FieldCodes = {};
    if (!outcome) errors.endOutcome = 'invalidChoice';
    if (!endedOn) errors.endedOn = 'required';
    else if (!isIsoDate(endedOn)) errors.endedOn = 'dateInvalid';
    if (Object.keys(errors).length || !outcome || !endedOn) return failed(errors);
    const reunionPrepared = s(body.reunionPrepared) === 'on';
    const ended: Placement = { ...p.placement, end: { endedOn, outcome, reunionPrepared, reunitedOn: null } };
    const refusals = placementRefusals(ended, p.facts.child, today);
    if (refusals.length) return failed(refusalsToFields(refusals));
    await scope.db
      .updateTable('placement')
      .set({ ended_on: endedOn, end_outcome: outcome, reunion_prepared: reunionPrepared })
      .where('municipality_id', '=', p.row.municipality_id)
      .where('id', '=', p.row.id)
      .execute();
    return { ok: true };
  });
}

/** The follow-up after the end: started, then ended (within six months, 23 kap. SoL). */
export function recordFollowUp(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  body: Values,
  today: string,
) {
  return onPlacement(db, context, id, 'placement.update', 'placement.update', async (scope, p) => {
    const end = p.placement.end;
    if (!end) return failed({ _form: 'notEnded' });
    const on = s(body.followUpOn);
    const problem = dateField(on, today);
    if (problem) return failed({ followUpOn: problem });
    const started = p.facts.followUp?.startedOn ?? null;
    const step = s(body.followUpStep);
    if (step === 'start') {
      if (started) return failed({ _form: 'followUpAlreadyStarted' });
      if (on! < end.endedOn) return failed({ followUpOn: 'beforePlacement' });
      await insertStep(scope, p, 'followUpStarted', on!, { note: s(body.followUpNote)?.trim() ?? '' });
    } else if (step === 'end') {
      if (!started) return failed({ _form: 'followUpNotStarted' });
      if (on! < started) return failed({ followUpOn: 'periodsOutOfOrder' });
      await insertStep(scope, p, 'followUpEnded', on!, { note: s(body.followUpNote)?.trim() ?? '' });
    } else return failed({ followUpStep: 'invalidChoice' });
    return { ok: true };
  });
}

/** The home's address, where the child is: with a reason, audited with it (decision 0075). */
export async function readHomeAddress(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  reason: string,
) {
  return withAccess(db, context, async (scope) => {
    const [p] = await loadPlacements(scope, [id]);
    if (!p) {
      authorizeLookup(scope);
      return null;
    }
    const audit = placementAudit(p, 'placement.readHomeAddress', reason.trim());
    scope.authorize('placement.readHomeAddress', placementResource(p), { reason, audit });
    const homeId = p.placement.periods.at(-1)?.homeId;
    const [home] = homeId ? await loadHomes(scope, [homeId]) : [];
    await scope.audit(audit);
    const r = home?.row;
    return r ? [r.street_address, r.postal_code, r.city].filter(Boolean).join(', ') || null : null;
  });
}
