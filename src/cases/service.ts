import type { Kysely } from 'kysely';
import { computeDeadline } from '../deadlines/deadlines.ts';
import type { Action, Resource } from '../platform/access/policy.ts';
import { type AccessScope, type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { Database } from '../platform/db/schema.ts';
import { loadSections } from '../platform/features.ts';
import {
  type CaseDeadline,
  caseContextOf,
  conclusionRefusal,
  deadlinesOf,
  decisionRefusal,
  requireDate,
  requireText,
  type StepError,
  type StepRefusal,
} from './domain.ts';
import {
  activeInterventionTypes,
  caseById,
  childSummary,
  childsVoicesOf,
  continuityCandidates,
  extensionsOf,
  historyOfChild,
  interventionsOfCase,
  investigationUnits,
  notesOf,
  reportsOfCase,
  userName,
} from './queries.ts';
import type { ChildCase, DecisionOutcome } from './schema.ts';
import type { CaseSection } from './sections.ts';

/** The child's case, step by step: each step is authorised, validated, written and audited together. */

export const caseResource = (c: ChildCase): Resource => ({
  type: 'case',
  municipalityId: c.municipality_id,
  case: caseContextOf(c),
});

const caseAudit = (c: ChildCase, action: string) => ({
  action,
  subjectPersonId: c.child_id,
  recordType: 'case',
  recordId: c.id,
});

/** Not found: still a decision by the policy (may this user look for cases at all?), then null. */
function authorizeLookup(scope: AccessScope) {
  scope.authorize('worklist.read', {
    type: 'worklist',
    municipalityId: scope.actor.municipalityId,
    unitId: scope.actor.unitId,
  });
}

export type StepOutcome =
  | { ok: true }
  | { ok: false; errors: StepError[] }
  | { ok: false; refusal: StepRefusal };
const refused = (refusal: StepRefusal): StepOutcome => ({ ok: false, refusal });

/**
 * Runs one step on a case: loads it locked, asks the policy, lets the step validate and write,
 * and audits it, all in one transaction. Null when the case does not exist (404).
 */
async function onCase(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  action: Action,
  step: (scope: AccessScope, c: ChildCase) => Promise<StepOutcome>,
): Promise<StepOutcome | null> {
  return withAccess(db, context, async (scope) => {
    const c = await caseById(scope, id, true);
    if (!c) {
      authorizeLookup(scope);
      return null;
    }
    scope.authorize(action, caseResource(c), { audit: caseAudit(c, action) });
    const outcome = await step(scope, c);
    if (outcome.ok) await scope.audit(caseAudit(c, action));
    return outcome;
  });
}

function updateCase(scope: AccessScope, c: ChildCase) {
  return scope.db
    .updateTable('child_case')
    .where('municipality_id', '=', c.municipality_id)
    .where('id', '=', c.id);
}

// ---- Reading ----

/** The case page's data; the sections other features put on it load in the same scope. */
export async function readCase(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  sections: readonly CaseSection[] = [],
) {
  return withAccess(db, context, async (scope) => {
    const c = await caseById(scope, id);
    if (!c) {
      authorizeLookup(scope);
      return null;
    }
    scope.authorize('case.read', caseResource(c), { audit: caseAudit(c, 'case.read') });
    const [child, reports, extensions, voices, notes, interventions, history, responsibleName] =
      await Promise.all([
        childSummary(scope, c.child_id),
        reportsOfCase(scope, c.id),
        extensionsOf(scope, c.id),
        childsVoicesOf(scope, c.id),
        notesOf(scope, c.id),
        interventionsOfCase(scope, c.id),
        historyOfChild(scope, c.child_id),
        userName(scope, c.responsible_user_id),
      ]);
    const [interventionTypes, units, candidates] = await Promise.all([
      activeInterventionTypes(scope),
      investigationUnits(scope),
      c.phase === 'investigation' ? continuityCandidates(scope, c.child_id, c.unit_id) : Promise.resolve([]),
    ]);
    await scope.audit(caseAudit(c, 'case.read'));
    const deadlines: CaseDeadline[] = deadlinesOf(c, reports, extensions);
    return {
      case: c,
      child,
      reports,
      extensions,
      voices,
      notes,
      interventions,
      history,
      responsibleName,
      interventionTypes,
      units,
      candidates,
      deadlines,
      sections: await loadSections(scope, sections, c),
    };
  });
}
export type CaseView = NonNullable<Awaited<ReturnType<typeof readCase>>>;

// ---- Initial assessment ----

export interface InitialDecisionInput {
  decision?: string | undefined;
  reason?: string | undefined;
  childHeard?: string | undefined;
  childNotHeardReason?: string | undefined;
  unitId?: string | undefined;
}

/**
 * Open an investigation or not (with a reason). Whether the child was heard is recorded, and the
 * reason when not (SOSFS 2014:5). Not opening closes the case; reports stay linked to the child.
 */
export function decideInitialAssessment(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  input: InitialDecisionInput,
  today: string,
) {
  return onCase(db, context, id, 'case.decideInitialAssessment', async (scope, c) => {
    if (c.phase !== 'initialAssessment') return refused('wrongPhase');
    const errors: StepError[] = [];
    const decision = input.decision;
    if (decision !== 'openInvestigation' && decision !== 'noInvestigation')
      errors.push({ field: 'decision', code: 'required' });
    const reason = requireText(errors, 'reason', input.reason, { optional: decision !== 'noInvestigation' });
    const heard = input.childHeard === 'yes' ? true : input.childHeard === 'no' ? false : null;
    if (heard === null) errors.push({ field: 'childHeard', code: 'required' });
    const notHeardReason = requireText(errors, 'childNotHeardReason', input.childNotHeardReason, {
      optional: heard !== false,
    });
    let unitId = c.unit_id;
    if (decision === 'openInvestigation') {
      const units = await investigationUnits(scope);
      const chosen = units.find((u) => u.id === input.unitId);
      if (!chosen) errors.push({ field: 'unitId', code: 'required' });
      else unitId = chosen.id;
    }
    if (errors.length) return { ok: false, errors };
    const open = decision === 'openInvestigation';
    await updateCase(scope, c)
      .set({
        initial_decision: decision as 'openInvestigation' | 'noInvestigation',
        initial_decision_reason: reason,
        initial_decided_on: today,
        initial_decided_by: scope.actor.userId,
        child_heard: heard,
        child_not_heard_reason: heard ? null : notHeardReason,
        phase: open ? 'investigation' : 'closed',
        investigation_opened_on: open ? today : null,
        unit_id: unitId,
        closed_on: open ? null : today,
        closed_by: open ? null : scope.actor.userId,
      })
      .execute();
    return { ok: true };
  });
}

// ---- Investigation ----

/** The manager distributes the investigation to one responsible social worker. */
export function assignResponsible(db: Kysely<Database>, context: RequestContext, id: string, userId: string) {
  return onCase(db, context, id, 'case.assign', async (scope, c) => {
    if (c.phase !== 'investigation') return refused('wrongPhase');
    const worker = await scope.db
      .selectFrom('user_account')
      .select(['id'])
      .where('municipality_id', '=', c.municipality_id)
      .where('id', '=', userId)
      .where('role', '=', 'socialWorker')
      .where('active', '=', true)
      .executeTakeFirst();
    if (!worker) return { ok: false, errors: [{ field: 'responsibleUserId', code: 'invalid' }] };
    await updateCase(scope, c).set({ responsible_user_id: worker.id }).execute();
    // The responsible worker becomes one the family keeps (continuity, and the audit trail's
    // "own cases").
    await scope.db
      .insertInto('person_assignment')
      .values({ municipality_id: c.municipality_id, person_id: c.child_id, user_id: worker.id })
      .onConflict((oc) => oc.columns(['municipality_id', 'person_id', 'user_id']).doNothing())
      .execute();
    return { ok: true };
  });
}

export interface AssessmentInput {
  needsText?: string | undefined;
  parentsCapacityText?: string | undefined;
  familyEnvironmentText?: string | undefined;
}

/** The BBIC areas: the child's needs, the parents' capacity, family and environment. */
export function saveAssessment(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  input: AssessmentInput,
) {
  return onCase(db, context, id, 'case.update', async (scope, c) => {
    if (c.phase !== 'investigation' || c.concluded_on) return refused('wrongPhase');
    const errors: StepError[] = [];
    const needs = requireText(errors, 'needsText', input.needsText, { optional: true }) ?? '';
    const capacity =
      requireText(errors, 'parentsCapacityText', input.parentsCapacityText, { optional: true }) ?? '';
    const environment =
      requireText(errors, 'familyEnvironmentText', input.familyEnvironmentText, { optional: true }) ?? '';
    if (errors.length) return { ok: false, errors };
    await updateCase(scope, c)
      .set({ needs_text: needs, parents_capacity_text: capacity, family_environment_text: environment })
      .execute();
    return { ok: true };
  });
}

/** A conversation with the child, recorded as the child's own account; final once saved. */
export function recordChildsVoice(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  input: { heldOn?: string | undefined; circumstances?: string | undefined; account?: string | undefined },
  today: string,
) {
  return onCase(db, context, id, 'case.update', async (scope, c) => {
    if (c.phase !== 'investigation' || c.concluded_on) return refused('wrongPhase');
    const errors: StepError[] = [];
    const heldOn = requireDate(errors, 'heldOn', input.heldOn, today, { notInFuture: true });
    const circumstances = requireText(errors, 'circumstances', input.circumstances, { max: 2000 });
    const account = requireText(errors, 'account', input.account);
    if (errors.length || !heldOn || !circumstances || !account) return { ok: false, errors };
    await scope.db
      .insertInto('childs_voice')
      .values({
        municipality_id: c.municipality_id,
        case_id: c.id,
        held_on: heldOn,
        circumstances,
        account,
        recorded_by: scope.actor.userId,
        recorded_by_name: scope.actor.displayName,
      })
      .execute();
    return { ok: true };
  });
}

/** Why the child could not be talked with; required to conclude without the child's account. */
export function waiveChildsVoice(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  reason: string | undefined,
) {
  return onCase(db, context, id, 'case.update', async (scope, c) => {
    if (c.phase !== 'investigation' || c.concluded_on) return refused('wrongPhase');
    const errors: StepError[] = [];
    const text = requireText(errors, 'waivedReason', reason, { min: 10, max: 2000 });
    if (errors.length || !text) return { ok: false, errors };
    await updateCase(scope, c).set({ childs_voice_waived_reason: text }).execute();
    return { ok: true };
  });
}

/** The parties have been given the material before the decision. */
export function recordPartyCommunication(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  input: { communicatedOn?: string | undefined; note?: string | undefined },
  today: string,
) {
  return onCase(db, context, id, 'case.update', async (scope, c) => {
    if (c.phase !== 'investigation' || c.decided_on) return refused('wrongPhase');
    const errors: StepError[] = [];
    const on = requireDate(errors, 'communicatedOn', input.communicatedOn, today, { notInFuture: true });
    const note = requireText(errors, 'partyNote', input.note, { max: 5000 });
    if (errors.length) return { ok: false, errors };
    await updateCase(scope, c).set({ party_communicated_on: on, party_communication_note: note }).execute();
    return { ok: true };
  });
}

/**
 * A time limit extended by a recorded decision with reasons: for an initial assessment only for
 * extraordinary reasons, for an investigation for special reasons (SoL 11:1 a, 11:2).
 */
export function extendDeadline(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  input: { extendedTo?: string | undefined; reason?: string | undefined },
  today: string,
) {
  return onCase(db, context, id, 'case.extend', async (scope, c) => {
    const rule =
      c.phase === 'initialAssessment'
        ? 'initialAssessment'
        : c.phase === 'investigation'
          ? 'investigation'
          : null;
    if (!rule || c.decided_on) return refused('wrongPhase');
    const extensions = await extensionsOf(scope, c.id);
    const errors: StepError[] = [];
    const start = rule === 'initialAssessment' ? c.opened_on : (c.investigation_opened_on as string);
    const latest =
      extensions
        .filter((e) => e.rule_id === rule)
        .map((e) => e.extended_to)
        .sort()
        .at(-1) ?? null;
    const due = computeDeadline(rule, start, { extendedTo: latest }).dueDate;
    const extendedTo = requireDate(errors, 'extendedTo', input.extendedTo, today, {
      after: due > today ? due : today,
    });
    const reason = requireText(errors, 'extensionReason', input.reason, { min: 10, max: 5000 });
    if (errors.length || !extendedTo || !reason) return { ok: false, errors };
    await scope.db
      .insertInto('deadline_extension')
      .values({
        municipality_id: c.municipality_id,
        case_id: c.id,
        rule_id: rule,
        extended_to: extendedTo,
        reason,
        decided_on: today,
        decided_by: scope.actor.userId,
      })
      .execute();
    return { ok: true };
  });
}

export function conclude(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  text: string | undefined,
  today: string,
) {
  return onCase(db, context, id, 'case.update', async (scope, c) => {
    const voices = await childsVoicesOf(scope, c.id);
    const refusal = conclusionRefusal(c, voices.length);
    if (refusal) return refused(refusal);
    if (!c.responsible_user_id) return refused('notAssigned');
    const errors: StepError[] = [];
    const conclusion = requireText(errors, 'conclusionText', text);
    if (errors.length) return { ok: false, errors };
    await updateCase(scope, c).set({ concluded_on: today, conclusion_text: conclusion }).execute();
    return { ok: true };
  });
}

/** The decision, by a user with delegation: interventions from the managed list, or none. */
export function decide(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  input: { outcome?: string | undefined; text?: string | undefined; interventionIds: string[] },
  today: string,
) {
  return onCase(db, context, id, 'case.decide', async (scope, c) => {
    const refusal = decisionRefusal(c);
    if (refusal) return refused(refusal);
    const errors: StepError[] = [];
    const outcome = input.outcome;
    if (outcome !== 'interventions' && outcome !== 'noIntervention')
      errors.push({ field: 'outcome', code: 'required' });
    const text = requireText(errors, 'decisionText', input.text);
    const types = await activeInterventionTypes(scope);
    const chosen = [...new Set(input.interventionIds)];
    if (chosen.some((idOf) => !types.some((t) => t.id === idOf)))
      errors.push({ field: 'interventionIds', code: 'invalid' });
    if (outcome === 'interventions' && chosen.length === 0)
      errors.push({ field: 'interventionIds', code: 'required' });
    if (errors.length) return { ok: false, errors };
    await updateCase(scope, c)
      .set({
        decision_outcome: outcome as DecisionOutcome,
        decision_text: text,
        decided_on: today,
        decided_by: scope.actor.userId,
      })
      .execute();
    if (outcome === 'interventions') {
      await scope.db
        .insertInto('case_intervention')
        .values(
          chosen.map((t) => ({ municipality_id: c.municipality_id, case_id: c.id, intervention_type_id: t })),
        )
        .execute();
    }
    return { ok: true };
  });
}

/** Closure after the decision; a follow-up may be planned when nothing was decided (SoL 2025:400 23 kap.). */
export function closeCase(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  input: { followUpPlanned?: string | undefined },
  today: string,
) {
  return onCase(db, context, id, 'case.close', async (scope, c) => {
    if (c.phase !== 'investigation') return refused('wrongPhase');
    if (!c.decided_on) return refused('notDecided');
    const followUp = input.followUpPlanned === 'on';
    if (followUp && c.decision_outcome !== 'noIntervention') return refused('followUpNotPlanned');
    await updateCase(scope, c)
      .set({ phase: 'closed', closed_on: today, closed_by: scope.actor.userId, follow_up_planned: followUp })
      .execute();
    return { ok: true };
  });
}

export function recordFollowUp(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  input: { doneOn?: string | undefined; note?: string | undefined },
  today: string,
) {
  return onCase(db, context, id, 'case.close', async (scope, c) => {
    if (c.phase !== 'closed' || !c.follow_up_planned) return refused('followUpNotPlanned');
    if (c.follow_up_done_on) return refused('alreadyDone');
    const errors: StepError[] = [];
    const doneOn = requireDate(errors, 'doneOn', input.doneOn, today, { notInFuture: true });
    const note = requireText(errors, 'followUpNote', input.note);
    if (errors.length) return { ok: false, errors };
    await updateCase(scope, c).set({ follow_up_done_on: doneOn, follow_up_note: note }).execute();
    return { ok: true };
  });
}

/** A case note, signed by its author when saved; a correction points at the note it corrects. */
export function writeNote(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  input: { eventDate?: string | undefined; body?: string | undefined; correctsNoteId?: string | undefined },
  today: string,
) {
  return onCase(db, context, id, 'caseNote.write', async (scope, c) => {
    const errors: StepError[] = [];
    const eventDate = requireDate(errors, 'eventDate', input.eventDate, today, { notInFuture: true });
    const body = requireText(errors, 'body', input.body);
    let corrects: string | null = null;
    if (input.correctsNoteId) {
      const old = await scope.db
        .selectFrom('case_note')
        .select('id')
        .where('municipality_id', '=', c.municipality_id)
        .where('case_id', '=', c.id)
        .where('id', '=', input.correctsNoteId)
        .executeTakeFirst();
      if (!old) errors.push({ field: 'correctsNoteId', code: 'invalid' });
      else corrects = old.id;
    }
    if (errors.length || !eventDate || !body) return { ok: false, errors };
    await scope.db
      .insertInto('case_note')
      .values({
        municipality_id: c.municipality_id,
        case_id: c.id,
        event_date: eventDate,
        body,
        author_id: scope.actor.userId,
        author_name: scope.actor.displayName,
        corrects_note_id: corrects,
      })
      .execute();
    return { ok: true };
  });
}
