import type { Kysely } from 'kysely';
import { computeDeadline } from '../../deadlines/deadlines.ts';
import type { RequestContext } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import { conclusionRefusal, requireDate, requireText, type StepError } from '../domain.ts';
import { childsVoicesOf, extensionsOf } from '../queries.ts';
import type { CasePhase } from '../schema.ts';
import { onCase, refused, updateCase } from './step.ts';

/** The time limit an extension applies to in each phase; a closed case has none to extend. */
const extendableRule: Record<CasePhase, 'initialAssessment' | 'investigation' | null> = {
  initialAssessment: 'initialAssessment',
  investigation: 'investigation',
  closed: null,
};

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
    const rule = extendableRule[c.phase];
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
