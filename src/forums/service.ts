import type { Kysely } from 'kysely';
import { createReader, type FieldError, type FieldWarning, refused } from '../collaboration/form.ts';
import { recordChange } from '../collaboration/history.ts';
import type { CountyCode } from '../collaboration/municipalities.ts';
import { changesOf } from '../good-practice/queries.ts';
import type { Resource } from '../platform/access/policy.ts';
import { type AccessScope, type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { Database } from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import { agreementsOfForum } from './agreement-queries.ts';
import {
  type ForumHome,
  type ForumInput,
  forumCountyOf,
  forumHomeOf,
  nextMeetingDue,
  validateForum,
} from './forum.ts';
import {
  actionChangeRefusal,
  buildAgenda,
  type ForumAction,
  type MeetingRecordInput,
  meetingStepRefusal,
  quarterOf,
  validateMeetingRecord,
} from './meetings.ts';
import {
  actionsOf,
  actorOrganisationId,
  coordinatorChairOf,
  forumRow,
  forumsOf,
  meetingOf,
  meetingsOf,
  membersOf,
} from './queries.ts';

/**
 * What members do in a forum: each call one transaction in which the policy decides, the change is
 * written with its visible history and audited. Forums hold no one's personal data; reading them is
 * not audited (docs/decisions/0107).
 */

type Failure = { ok: false; errors: FieldError<string>[]; warnings: FieldWarning[] };
type Saved = { ok: true; id: string };

export async function forumResource(scope: AccessScope, forumId: string | null): Promise<Resource> {
  const actorOrganisation = await actorOrganisationId(scope.db, scope.actor);
  if (!forumId)
    return {
      type: 'forum',
      municipalityId: scope.actor.municipalityId,
      memberOrganisationIds: [],
      representatives: [],
      actorOrganisationId: actorOrganisation,
    };
  const { organisations, representatives } = await membersOf(scope.db, forumId);
  return {
    type: 'forum',
    municipalityId: scope.actor.municipalityId,
    memberOrganisationIds: organisations.map((o) => o.id),
    representatives: representatives.map((r) => ({ userId: r.userId, role: r.role })),
    actorOrganisationId: actorOrganisation,
  };
}

/** Loads a forum of the user's municipality (404 otherwise) and authorises the action on it. */
export async function openForum(
  scope: AccessScope,
  forumId: string,
  action: 'forum.read' | 'forum.record' | 'forum.approve' | 'forum.updateAction',
) {
  const forum = await forumRow(scope.db, scope.actor.municipalityId, forumId);
  if (!forum) throw notFound();
  scope.authorize(action, await forumResource(scope, forumId));
  return forum;
}

export async function myForums(db: Kysely<Database>, context: RequestContext) {
  return withAccess(db, context, async (scope) => {
    // Anyone who may sit in a forum may ask which ones they are in: the list is their own.
    const organisationId = await actorOrganisationId(scope.db, scope.actor);
    scope.authorize('forum.read', {
      type: 'forum',
      municipalityId: scope.actor.municipalityId,
      memberOrganisationIds: organisationId ? [organisationId] : [],
      representatives: [{ userId: scope.actor.userId, role: 'member' }],
      actorOrganisationId: organisationId,
    });
    return forumsOf(scope.db, scope.actor.municipalityId, scope.actor.userId, organisationId);
  });
}

async function formOptions(scope: AccessScope) {
  const m = scope.actor.municipalityId;
  const [organisations, users, forums, municipality] = await Promise.all([
    scope.db
      .selectFrom('partner_organisation')
      .select(['id', 'name'])
      .where('municipality_id', '=', m)
      .where('active', '=', true)
      .orderBy('name')
      .execute(),
    scope.db
      .selectFrom('user_account')
      .select(['id', 'display_name as name'])
      .where('municipality_id', '=', m)
      .where('active', '=', true)
      .where('role', 'in', ['manager', 'socialWorker', 'intakeWorker', 'partnerProfessional'])
      .orderBy('display_name')
      .execute(),
    scope.db
      .selectFrom('forum as f')
      .select(['f.id', 'f.name', 'f.parent_forum_id', 'f.reach', 'f.municipality_id', 'f.county_code'])
      .where((eb) =>
        eb.or([
          eb('f.municipality_id', '=', m),
          // A county or national forum the municipality sits in may hold its local group (0129).
          eb.and([
            eb('f.reach', '<>', 'municipal'),
            eb.exists(
              eb
                .selectFrom('forum_member as fm')
                .innerJoin('partner_organisation as o', 'o.id', 'fm.organisation_id')
                .select('fm.forum_id')
                .whereRef('fm.forum_id', '=', 'f.id')
                .where('o.municipality_id', '=', m),
            ),
          ]),
        ]),
      )
      .orderBy('f.name')
      .execute(),
    scope.db.selectFrom('municipality').select('code').where('id', '=', m).executeTakeFirstOrThrow(),
  ]);
  return { organisations, users, forums, municipalityCode: municipality.code };
}
export type ForumFormOptions = Awaited<ReturnType<typeof formOptions>>;

export async function newForumOptions(db: Kysely<Database>, context: RequestContext) {
  return withAccess(db, context, async (scope) => {
    scope.authorize('forum.create', await forumResource(scope, null));
    return formOptions(scope);
  });
}

export async function createForum(
  db: Kysely<Database>,
  context: RequestContext,
  input: ForumInput & { reach?: string | undefined },
  confirmed: boolean,
  today: string,
): Promise<Saved | Failure> {
  return withAccess(db, context, async (scope) => {
    scope.authorize('forum.create', await forumResource(scope, null));
    // County and national forums are the coordinator's to create (decision 0129), never a municipality's.
    if (input.reach && input.reach !== 'municipal') return refused('reach', 'onlyCoordinator') as Failure;
    const options = await formOptions(scope);
    // Sjövik's demo code is in no county; a municipal forum's county is then Jämtland (0107).
    const countyCode: CountyCode = forumCountyOf(options.municipalityCode);
    const home: ForumHome = { kind: 'municipality', municipalityId: scope.actor.municipalityId, countyCode };
    const outcome = validateForum(input, {
      guard: { today, confirmed, knownNames: options.organisations.map((o) => o.name) },
      home,
      forumId: null,
      organisations: options.organisations.map((o) => ({
        id: o.id,
        municipalityId: scope.actor.municipalityId,
        municipalityCode: options.municipalityCode,
      })),
      forums: options.forums.map((f) => ({
        id: f.id,
        parentForumId: f.parent_forum_id,
        home: forumHomeOf(f, options.municipalityCode),
      })),
    });
    if (!outcome.ok) return outcome;
    const v = outcome.value;
    const userIds = new Set(options.users.map((u) => u.id));
    const forum = await scope.db
      .insertInto('forum')
      .values({
        municipality_id: scope.actor.municipalityId,
        name: v.name,
        purpose: v.purpose,
        level: v.level,
        cadence: v.cadence,
        parent_forum_id: v.parentForumId,
        goal_areas: v.goalAreas,
        created_by: scope.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await scope.db
      .insertInto('forum_member')
      .values(v.members.map((m) => ({ forum_id: forum.id, organisation_id: m.organisationId })))
      .execute();
    const reps = v.members.flatMap((m) =>
      m.representatives.map((r) => ({
        forum_id: forum.id,
        organisation_id: m.organisationId,
        user_id: r.userId && userIds.has(r.userId) ? r.userId : null,
        name: r.name,
        title: r.title,
        role: r.role,
      })),
    );
    if (reps.length) await scope.db.insertInto('forum_representative').values(reps).execute();
    await recordChange(scope.db, scope.actor, {
      recordType: 'forum',
      recordId: forum.id,
      action: 'created',
      confirmedWarnings: outcome.warnings,
    });
    await scope.audit({ action: 'forum.create', recordType: 'forum', recordId: forum.id });
    return { ok: true, id: forum.id };
  });
}

export async function officer(scope: AccessScope, forumId: string, role: readonly string[]) {
  const { representatives } = await membersOf(scope.db, forumId);
  return representatives.some((r) => r.userId === scope.actor.userId && role.includes(r.role));
}

export async function forumPage(
  db: Kysely<Database>,
  context: RequestContext,
  forumId: string,
  today: string,
) {
  return withAccess(db, context, async (scope) => {
    const forum = await openForum(scope, forumId, 'forum.read');
    const [members, meetings, actions, changes, parent, chair, localGroups] = await Promise.all([
      membersOf(scope.db, forumId),
      meetingsOf(scope.db, forumId),
      actionsOf(scope.db, forumId),
      changesOf(scope.db, 'forum', forumId),
      forum.parent_forum_id ? forumRow(scope.db, scope.actor.municipalityId, forum.parent_forum_id) : null,
      coordinatorChairOf(scope.db, forum.chair_coordinator_id),
      // The groups under a forum that this user's municipality may see: its own and those above it.
      scope.db
        .selectFrom('forum')
        .select(['id', 'name'])
        .where('parent_forum_id', '=', forumId)
        .where((eb) =>
          eb.or([eb('municipality_id', '=', scope.actor.municipalityId), eb('reach', '<>', 'municipal')]),
        )
        .orderBy('name')
        .execute(),
    ]);
    const lastHeld = meetings.find((m) => m.heldOn)?.heldOn ?? null;
    return {
      forum,
      parent,
      chair,
      localGroups,
      members,
      meetings,
      openActions: actions.filter((a) => a.status === 'open'),
      changes,
      nextDue: lastHeld ? nextMeetingDue(lastHeld, forum.cadence) : null,
      canRecord: await officer(scope, forumId, ['chair', 'viceChair', 'secretary']),
      agreementsDue: (await agreementsOfForum(scope.db, forumId, today)).filter(
        (a) => a.review === 'reviewSoon' || a.review === 'reviewOverdue',
      ).length,
      today,
    };
  });
}
export type ForumPage = Awaited<ReturnType<typeof forumPage>>;

/**
 * Plans a forum's next meeting, whoever plans it (an officer of a municipal forum, or the
 * coordinator chairing a county one, decision 0129): its agenda carries every action still open
 * (decision 0104). The caller has authorised the step and records its history and audit.
 */
export async function insertPlannedMeeting(
  db: Kysely<Database>,
  forumId: string,
  input: { plannedOn: string; place: string; newItems: string },
  today: string,
): Promise<(Saved & { plannedOn: string }) | Failure> {
  const plannedOn = input.plannedOn.trim();
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(plannedOn)) return refused('plannedOn', 'dateInvalid') as Failure;
  const items = input.newItems
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const tooLong = items.findIndex((i) => i.length > 300);
  if (tooLong >= 0)
    return { ok: false, errors: [{ field: 'newItems', code: 'tooLong', max: 300 }], warnings: [] };
  const form = createReader({ today, confirmed: true });
  form.text('newItems', items.join('\n'), { max: 6000, multiline: true });
  form.text('place', input.place, { max: 200 });
  const guarded = form.done(() => null);
  if (!guarded.ok) return guarded as Failure;
  const meetings = await meetingsOf(db, forumId);
  const actions = await actionsOf(db, forumId);
  const agenda = buildAgenda({
    meetingOn: plannedOn,
    previousMeeting: meetings[0] ? { id: meetings[0].id } : null,
    actions: actions.map((a): ForumAction => ({ ...a })),
    newItems: items,
    // Deviations are not recorded in this layer yet: no quarter's review to put on the agenda.
    deviationsReviewedFor: quarterOf(plannedOn),
  });
  const meeting = await db
    .insertInto('forum_meeting')
    .values({
      forum_id: forumId,
      planned_on: plannedOn,
      place: input.place.replace(/\s+/g, ' ').trim().slice(0, 200),
      status: 'planned',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('forum_agenda_item')
    .values(
      agenda.map((item, position) => ({
        meeting_id: meeting.id,
        position,
        kind: item.kind,
        title: item.kind === 'item' ? item.title : null,
        action_id: item.kind === 'carriedAction' ? item.actionId : null,
        quarter: item.kind === 'deviations' ? item.quarter : null,
      })),
    )
    .execute();
  return { ok: true, id: meeting.id, plannedOn };
}

/** Plans the next meeting; its agenda carries every action still open (decision 0104). */
export async function planMeeting(
  db: Kysely<Database>,
  context: RequestContext,
  forumId: string,
  input: { plannedOn: string; place: string; newItems: string },
  today: string,
): Promise<Saved | Failure> {
  return withAccess(db, context, async (scope) => {
    await openForum(scope, forumId, 'forum.record');
    const planned = await insertPlannedMeeting(scope.db, forumId, input, today);
    if (!planned.ok) return planned;
    const meeting = { id: planned.id };
    const plannedOn = planned.plannedOn;
    await recordChange(scope.db, scope.actor, {
      recordType: 'forum',
      recordId: forumId,
      action: 'meetingPlanned',
      note: plannedOn,
    });
    await scope.audit({ action: 'forum.planMeeting', recordType: 'forumMeeting', recordId: meeting.id });
    return { ok: true, id: meeting.id };
  });
}

export async function meetingPage(
  db: Kysely<Database>,
  context: RequestContext,
  forumId: string,
  meetingId: string,
  today: string,
) {
  return withAccess(db, context, async (scope) => {
    const forum = await openForum(scope, forumId, 'forum.read');
    const found = await meetingOf(scope.db, forumId, meetingId);
    if (!found) throw notFound();
    const [members, actions] = await Promise.all([
      membersOf(scope.db, forumId),
      actionsOf(scope.db, forumId),
    ]);
    return {
      forum,
      ...found,
      members,
      actions,
      decidedHere: actions.filter((a) => a.meetingId === meetingId),
      canRecord: await officer(scope, forumId, ['chair', 'viceChair', 'secretary']),
      canApprove: await officer(scope, forumId, ['chair', 'viceChair']),
      today,
    };
  });
}
export type MeetingPage = Awaited<ReturnType<typeof meetingPage>>;

export async function recordMeeting(
  db: Kysely<Database>,
  context: RequestContext,
  forumId: string,
  meetingId: string,
  input: MeetingRecordInput,
  confirmed: boolean,
  today: string,
): Promise<Saved | Failure> {
  return withAccess(db, context, async (scope) => {
    await openForum(scope, forumId, 'forum.record');
    const found = await meetingOf(scope.db, forumId, meetingId);
    if (!found) throw notFound();
    const { meeting } = found;
    const step = meetingStepRefusal(
      'record',
      { status: meeting.status, plannedOn: meeting.planned_on, minutesWrittenBy: meeting.minutes_written_by },
      scope.actor.userId,
      today,
    );
    if (step) return refused('_form', step as never) as Failure;
    const { organisations, representatives } = await membersOf(scope.db, forumId);
    const outcome = validateMeetingRecord(input, {
      guard: {
        today,
        confirmed,
        knownNames: [...organisations.map((o) => o.name), ...representatives.map((r) => r.name)],
      },
      today,
      representativeIds: representatives.map((r) => r.id),
      memberOrganisationIds: organisations.map((o) => o.id),
    });
    if (!outcome.ok) return outcome;
    const v = outcome.value;
    await scope.db
      .updateTable('forum_meeting')
      .set({ status: 'held', held_on: v.heldOn, minutes: v.minutes, minutes_written_by: scope.actor.userId })
      .where('id', '=', meetingId)
      .execute();
    if (v.attendance.length)
      await scope.db
        .insertInto('forum_attendance')
        .values(
          v.attendance.map((a) => ({
            meeting_id: meetingId,
            representative_id: a.representativeId,
            presence: a.presence,
            substitute_name: a.substituteName,
          })),
        )
        .execute();
    if (v.decisions.length)
      await scope.db
        .insertInto('forum_decision')
        .values(v.decisions.map((text, position) => ({ meeting_id: meetingId, position, text })))
        .execute();
    if (v.actions.length)
      await scope.db
        .insertInto('forum_action')
        .values(
          v.actions.map((a) => ({
            forum_id: forumId,
            meeting_id: meetingId,
            description: a.description,
            organisation_id: a.organisationId,
            person: a.person,
            due_on: a.dueOn,
            status: 'open',
          })),
        )
        .execute();
    await recordChange(scope.db, scope.actor, {
      recordType: 'forum',
      recordId: forumId,
      action: 'meetingRecorded',
      note: v.heldOn,
      confirmedWarnings: outcome.warnings,
    });
    await scope.audit({ action: 'forum.recordMeeting', recordType: 'forumMeeting', recordId: meetingId });
    return { ok: true, id: meetingId };
  });
}

export async function approveMinutes(
  db: Kysely<Database>,
  context: RequestContext,
  forumId: string,
  meetingId: string,
  today: string,
): Promise<Saved | Failure> {
  return withAccess(db, context, async (scope) => {
    await openForum(scope, forumId, 'forum.approve');
    const found = await meetingOf(scope.db, forumId, meetingId);
    if (!found) throw notFound();
    const { meeting } = found;
    const step = meetingStepRefusal(
      'approve',
      { status: meeting.status, plannedOn: meeting.planned_on, minutesWrittenBy: meeting.minutes_written_by },
      scope.actor.userId,
      today,
    );
    if (step) return refused('_form', step as never) as Failure;
    await scope.db
      .updateTable('forum_meeting')
      .set({ status: 'approved', approved_by: scope.actor.userId, approved_at: new Date() })
      .where('id', '=', meetingId)
      .execute();
    await recordChange(scope.db, scope.actor, {
      recordType: 'forum',
      recordId: forumId,
      action: 'minutesApproved',
      note: meeting.held_on ?? '',
    });
    await scope.audit({ action: 'forum.approveMinutes', recordType: 'forumMeeting', recordId: meetingId });
    return { ok: true, id: meetingId };
  });
}

export async function closeAction(
  db: Kysely<Database>,
  context: RequestContext,
  forumId: string,
  actionId: string,
  change: { to: string; note: string },
  today: string,
): Promise<Saved | Failure> {
  return withAccess(db, context, async (scope) => {
    await openForum(scope, forumId, 'forum.updateAction');
    const action = await scope.db
      .selectFrom('forum_action')
      .select(['id', 'status'])
      .where('id', '=', actionId)
      .where('forum_id', '=', forumId)
      .executeTakeFirst();
    if (!action) throw notFound();
    const to = change.to === 'done' || change.to === 'dropped' ? change.to : 'open';
    const refusal = actionChangeRefusal(action, to, change.note);
    if (refusal) return refused('_form', refusal as never) as Failure;
    const form = createReader({ today, confirmed: true });
    const note = form.text('note', change.note, { max: 1000, multiline: true });
    const guarded = form.done(() => null);
    if (!guarded.ok) return guarded;
    await scope.db
      .updateTable('forum_action')
      .set({ status: to, closed_on: today, closed_note: note })
      .where('id', '=', actionId)
      .execute();
    await recordChange(scope.db, scope.actor, {
      recordType: 'forum',
      recordId: forumId,
      action: 'actionClosed',
      note: to,
    });
    await scope.audit({
      action: 'forum.updateAction',
      recordType: 'forumAction',
      recordId: actionId,
      reason: to,
    });
    return { ok: true, id: actionId };
  });
}
