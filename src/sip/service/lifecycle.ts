import type { RequestContext } from '../../platform/access/scope.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import type { ContentFieldError } from '../domain/content.ts';
import {
  agreementBlockers,
  everyoneAgreed,
  type FollowUpInput,
  statusAllows,
  validateClose,
  validateFollowUp,
} from '../domain/lifecycle.ts';
import { sipTexts } from '../i18n/index.ts';
import { socialServicesOrganisation } from '../queries/facts.ts';
import { contentOf } from '../queries/plan.ts';
import type { ActionStatus } from '../schema.ts';
import { actingOrganisationId, type Db, isSocialServices, onSip, subjectOf, wrongStatus } from './scope.ts';

/**
 * The user's organisation agrees to its part of the plan as it reads now. When the last party has
 * agreed, the plan is in force.
 */
export async function agree(db: Db, context: RequestContext, id: string): Promise<{ active: boolean }> {
  return onSip(db, context, id, 'sip.agree', async (scope, facts, today) => {
    if (!statusAllows.agree(facts.sip.status)) throw wrongStatus();
    const organisationId = await actingOrganisationId(scope);
    if (!facts.participantOrganisationIds.includes(organisationId)) throw notFound();
    const content = await contentOf(scope, id);
    const blockers = agreementBlockers({
      socialServicesId: (await socialServicesOrganisation(scope)).id,
      participantOrganisationIds: facts.participantOrganisationIds,
      consent: facts.consent,
      needs: content.needs.length,
      goals: content.goals.length,
      actions: content.actions.length,
      leadOrganisationId: facts.sip.lead_organisation_id,
      followUpOn: facts.sip.follow_up_on,
      today,
    });
    if (blockers.length) throw conflict((lang) => sipTexts(lang).notReady);
    const municipalityId = scope.actor.municipalityId;
    await scope.db
      .updateTable('sip_participant')
      .set({
        agreed_version: facts.sip.content_version,
        agreed_at: new Date(),
        agreed_by: scope.actor.userId,
      })
      .where('municipality_id', '=', municipalityId)
      .where('sip_id', '=', id)
      .where('organisation_id', '=', organisationId)
      .execute();
    const participants = await scope.db
      .selectFrom('sip_participant')
      .select('agreed_version')
      .where('municipality_id', '=', municipalityId)
      .where('sip_id', '=', id)
      .execute();
    const active = everyoneAgreed(participants, facts.sip.content_version);
    if (active)
      await scope.db
        .updateTable('sip')
        .set({ status: 'active', agreed_on: today })
        .where('municipality_id', '=', municipalityId)
        .where('id', '=', id)
        .execute();
    await scope.audit(
      { action: 'sip.agree', ...subjectOf(facts) },
      ...(active ? [{ action: 'sip.activate', ...subjectOf(facts) }] : []),
    );
    return { active };
  });
}

/** An active plan goes back to a draft to be changed; every party agrees again afterwards. */
export async function revise(db: Db, context: RequestContext, id: string): Promise<void> {
  await onSip(db, context, id, 'sip.update', async (scope, facts) => {
    if (!statusAllows.revise(facts.sip.status)) throw wrongStatus();
    await scope.db
      .updateTable('sip')
      .set((eb) => ({ status: 'draft', content_version: eb('content_version', '+', 1) }))
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('id', '=', id)
      .execute();
    await scope.audit({ action: 'sip.revise', ...subjectOf(facts) });
  });
}

/** A party reports how its own action is going (the coordinator may report for anyone). */
export async function reportActionStatus(
  db: Db,
  context: RequestContext,
  id: string,
  actionId: string,
  input: { status?: string | undefined; note?: string | undefined },
): Promise<{ ok: true } | { ok: false; errors: ContentFieldError[] }> {
  return onSip(db, context, id, 'sip.reportActionStatus', async (scope, facts) => {
    if (!statusAllows.followUp(facts.sip.status)) throw wrongStatus();
    const action = await scope.db
      .selectFrom('sip_action')
      .select(['id', 'responsible_organisation_id'])
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('sip_id', '=', id)
      .where('id', '=', actionId)
      .executeTakeFirst();
    if (!action) throw notFound();
    if (
      !isSocialServices(scope.actor) &&
      action.responsible_organisation_id !== scope.actor.partnerOrganisationId
    )
      throw conflict((lang) => sipTexts(lang).notYourAction);
    const status = input.status as ActionStatus;
    if (!['planned', 'ongoing', 'done', 'notDone'].includes(status))
      return { ok: false, errors: [{ field: `status-${actionId}`, code: 'invalid' }] };
    const note = (input.note ?? '').trim();
    if (note.length > 1000)
      return { ok: false, errors: [{ field: `note-${actionId}`, code: 'tooLong', max: 1000 }] };
    await scope.db
      .updateTable('sip_action')
      .set({ status, status_note: note, status_changed_at: new Date() })
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('id', '=', actionId)
      .execute();
    await scope.audit({ action: 'sip.reportActionStatus', ...subjectOf(facts), reason: status });
    return { ok: true };
  });
}

/** A follow-up meeting: each action's status, a note, and when the plan is followed up next. */
export async function recordFollowUp(
  db: Db,
  context: RequestContext,
  id: string,
  input: FollowUpInput,
): Promise<{ ok: true } | { ok: false; errors: ContentFieldError[] }> {
  return onSip(db, context, id, 'sip.followUp', async (scope, facts, today) => {
    if (!statusAllows.followUp(facts.sip.status)) throw wrongStatus();
    const municipalityId = scope.actor.municipalityId;
    const actions = await scope.db
      .selectFrom('sip_action')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('sip_id', '=', id)
      .execute();
    const valid = validateFollowUp(input, { today, actionIds: actions.map((a) => a.id) });
    if (!valid.ok) return valid;
    const v = valid.value;
    const followUp = await scope.db
      .insertInto('sip_follow_up')
      .values({
        municipality_id: municipalityId,
        sip_id: id,
        held_on: v.heldOn,
        note: v.note,
        next_follow_up_on: v.nextFollowUpOn,
        recorded_by: scope.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (v.statuses.length)
      await scope.db
        .insertInto('sip_follow_up_action')
        .values(
          v.statuses.map((s) => ({
            municipality_id: municipalityId,
            follow_up_id: followUp.id,
            action_id: s.actionId,
            status: s.status,
            note: s.note,
          })),
        )
        .execute();
    for (const s of v.statuses)
      await scope.db
        .updateTable('sip_action')
        .set({ status: s.status, status_note: s.note, status_changed_at: new Date() })
        .where('municipality_id', '=', municipalityId)
        .where('id', '=', s.actionId)
        .execute();
    await scope.db
      .updateTable('sip')
      .set({ follow_up_on: v.nextFollowUpOn })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .execute();
    await scope.audit({ action: 'sip.followUp', ...subjectOf(facts) });
    return { ok: true };
  });
}

/** Closes the plan with a reason. Partners no longer see it; the consent has done its part. */
export async function closeSip(
  db: Db,
  context: RequestContext,
  id: string,
  input: { reason?: string | undefined; note?: string | undefined; confirm?: string | undefined },
): Promise<{ ok: true } | { ok: false; errors: ContentFieldError[] }> {
  return onSip(db, context, id, 'sip.close', async (scope, facts, today) => {
    if (!statusAllows.close(facts.sip.status)) throw wrongStatus();
    const valid = validateClose(input);
    if (!valid.ok) return valid;
    await scope.db
      .updateTable('sip')
      .set({
        status: 'closed',
        closed_on: today,
        close_reason: valid.value.reason,
        close_note: valid.value.note || null,
      })
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('id', '=', id)
      .execute();
    await scope.audit({ action: 'sip.close', ...subjectOf(facts), reason: valid.value.reason });
    return { ok: true };
  });
}
