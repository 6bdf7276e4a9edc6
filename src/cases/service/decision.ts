import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import { decisionRefusal, requireDate, requireText, type StepError } from '../domain.ts';
import { activeInterventionTypes } from '../queries.ts';
import type { DecisionOutcome } from '../schema.ts';
import { onCase, refused, updateCase } from './step.ts';

/** The decision, by a user with delegation: interventions from the managed list, or none. */
export function decide(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  input: {
    outcome?: string | undefined;
    text?: string | undefined;
    interventionIds: string[];
    confirm?: string | undefined;
  },
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
    // A decision cannot be changed once made: the manager confirms it (issue 14, decision 0061).
    if (input.confirm !== 'on') errors.push({ field: 'confirmDecision', code: 'notConfirmed' });
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
  input: { followUpPlanned?: string | undefined; confirm?: string | undefined },
  today: string,
) {
  return onCase(db, context, id, 'case.close', async (scope, c) => {
    if (c.phase !== 'investigation') return refused('wrongPhase');
    if (!c.decided_on) return refused('notDecided');
    // A closed case is not reopened: the worker confirms it.
    if (input.confirm !== 'on')
      return { ok: false, errors: [{ field: 'confirmClose', code: 'notConfirmed' }] };
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
