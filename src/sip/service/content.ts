import type { AccessScope, RequestContext } from '../../platform/access/scope.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import {
  type ActionInput,
  type ContentFieldError,
  type FrameInput,
  validateAction,
  validateFrame,
  validateGoal,
  validateNeed,
} from '../domain/content.ts';
import { statusAllows } from '../domain/lifecycle.ts';
import { sipTexts } from '../i18n/index.ts';
import { type SipAccessFacts, socialServicesOrganisation } from '../queries/facts.ts';
import { invitableOrganisations } from '../queries/plan.ts';
import { addParticipant, bumpVersion } from '../queries/writes.ts';
import { type Db, onSip, subjectOf, wrongStatus } from './scope.ts';

/** Where each kind of a plan's content is kept. */
const contentTables = { need: 'sip_need', goal: 'sip_goal', action: 'sip_action' } as const satisfies Record<
  ContentKind,
  string
>;

type ContentOutcome = { ok: true } | { ok: false; errors: ContentFieldError[] };

async function editDraft(
  db: Db,
  context: RequestContext,
  id: string,
  auditAction: string,
  work: (scope: AccessScope, facts: SipAccessFacts, today: string) => Promise<ContentOutcome>,
): Promise<ContentOutcome> {
  return onSip(db, context, id, 'sip.update', async (scope, facts, today) => {
    if (!statusAllows.edit(facts.sip.status)) throw wrongStatus();
    const outcome = await work(scope, facts, today);
    if (outcome.ok) await scope.audit({ action: auditAction, ...subjectOf(facts) });
    return outcome;
  });
}

export function updateFrame(db: Db, context: RequestContext, id: string, input: FrameInput) {
  return editDraft(db, context, id, 'sip.update', async (scope, facts, today) => {
    const valid = validateFrame(input, {
      today,
      participantOrganisationIds: facts.participantOrganisationIds,
    });
    if (!valid.ok) return valid;
    const v = valid.value;
    const s = facts.sip;
    await scope.db
      .updateTable('sip')
      .set({
        lead_organisation_id: v.leadOrganisationId,
        meeting_on: v.meetingOn,
        meeting_time: v.meetingTime,
        meeting_place: v.meetingPlace,
        follow_up_on: v.followUpOn,
        family_participants: v.familyParticipants,
        summary_for_child: v.summaryForChild,
      })
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('id', '=', id)
      .execute();
    // Booking the meeting changes nothing the parties agree to; the rest of the frame does.
    if (
      v.leadOrganisationId !== s.lead_organisation_id ||
      v.followUpOn !== s.follow_up_on ||
      v.summaryForChild !== s.summary_for_child
    )
      await bumpVersion(scope, id);
    return { ok: true };
  });
}

export function inviteOrganisation(
  db: Db,
  context: RequestContext,
  id: string,
  input: { organisationId?: string | undefined; contactName?: string | undefined },
) {
  return editDraft(db, context, id, 'sip.invite', async (scope, _facts, today) => {
    const organisation = (await invitableOrganisations(scope, id)).find((o) => o.id === input.organisationId);
    if (!organisation) return { ok: false, errors: [{ field: 'organisationId', code: 'invalid' }] };
    const contactName = (input.contactName ?? '').replace(/\s+/g, ' ').trim();
    if (contactName.length > 200)
      return { ok: false, errors: [{ field: 'contactName', code: 'tooLong', max: 200 }] };
    await addParticipant(scope, id, organisation.id, contactName, today);
    await bumpVersion(scope, id);
    return { ok: true };
  });
}

export function removeParticipant(db: Db, context: RequestContext, id: string, organisationId: string) {
  return editDraft(db, context, id, 'sip.uninvite', async (scope, facts) => {
    const socialServices = await socialServicesOrganisation(scope);
    if (organisationId === socialServices.id || !facts.participantOrganisationIds.includes(organisationId))
      throw notFound();
    const responsible = await scope.db
      .selectFrom('sip_action')
      .select('id')
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('sip_id', '=', id)
      .where('responsible_organisation_id', '=', organisationId)
      .executeTakeFirst();
    if (responsible || facts.sip.lead_organisation_id === organisationId)
      throw conflict((lang) => sipTexts(lang).participantInUse);
    await scope.db
      .deleteFrom('sip_participant')
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('sip_id', '=', id)
      .where('organisation_id', '=', organisationId)
      .execute();
    await bumpVersion(scope, id);
    return { ok: true };
  });
}

export function addNeed(
  db: Db,
  context: RequestContext,
  id: string,
  input: Parameters<typeof validateNeed>[0],
) {
  return editDraft(db, context, id, 'sip.update', async (scope) => {
    const valid = validateNeed(input);
    if (!valid.ok) return valid;
    await scope.db
      .insertInto('sip_need')
      .values({ municipality_id: scope.actor.municipalityId, sip_id: id, ...valid.value })
      .execute();
    await bumpVersion(scope, id);
    return { ok: true };
  });
}

export function addGoal(
  db: Db,
  context: RequestContext,
  id: string,
  input: Parameters<typeof validateGoal>[0],
) {
  return editDraft(db, context, id, 'sip.update', async (scope) => {
    const valid = validateGoal(input);
    if (!valid.ok) return valid;
    await scope.db
      .insertInto('sip_goal')
      .values({
        municipality_id: scope.actor.municipalityId,
        sip_id: id,
        area: valid.value.area,
        goal: valid.value.goal,
        childs_words: valid.value.childsWords,
      })
      .execute();
    await bumpVersion(scope, id);
    return { ok: true };
  });
}

export function addAction(db: Db, context: RequestContext, id: string, input: ActionInput) {
  return editDraft(db, context, id, 'sip.update', async (scope, facts, today) => {
    const goals = await scope.db
      .selectFrom('sip_goal')
      .select('id')
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('sip_id', '=', id)
      .execute();
    const valid = validateAction(input, {
      today,
      participantOrganisationIds: facts.participantOrganisationIds,
      goalIds: goals.map((g) => g.id),
    });
    if (!valid.ok) return valid;
    const v = valid.value;
    await scope.db
      .insertInto('sip_action')
      .values({
        municipality_id: scope.actor.municipalityId,
        sip_id: id,
        goal_id: v.goalId,
        description: v.description,
        responsible_organisation_id: v.responsibleOrganisationId,
        responsible_other: v.responsibleOther,
        responsible_person: v.responsiblePerson,
        due_on: v.dueOn,
      })
      .execute();
    await bumpVersion(scope, id);
    return { ok: true };
  });
}

export type ContentKind = 'need' | 'goal' | 'action';

/** Removes a need, goal or action of the plan; a goal's actions stay, no longer tied to it. */
export function removeContent(
  db: Db,
  context: RequestContext,
  id: string,
  kind: ContentKind,
  itemId: string,
) {
  return editDraft(db, context, id, 'sip.update', async (scope) => {
    const municipalityId = scope.actor.municipalityId;
    if (kind === 'goal')
      await scope.db
        .updateTable('sip_action')
        .set({ goal_id: null })
        .where('municipality_id', '=', municipalityId)
        .where('sip_id', '=', id)
        .where('goal_id', '=', itemId)
        .execute();
    const table = contentTables[kind];
    const result = await scope.db
      .deleteFrom(table)
      .where('municipality_id', '=', municipalityId)
      .where('sip_id', '=', id)
      .where('id', '=', itemId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw notFound();
    await bumpVersion(scope, id);
    return { ok: true };
  });
}
