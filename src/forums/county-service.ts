import type { Kysely } from 'kysely';
import type { Coordinator } from '../action-plans/coordinator-gate.ts';
import { municipalitiesInScope } from '../action-plans/coordinator-queries.ts';
import type { FieldError, FieldWarning } from '../collaboration/form.ts';
import { type CoordinatorScope, coordinatorCovers } from '../collaboration/municipalities.ts';
import { changesOf } from '../good-practice/queries.ts';
import { writeAuditEvents } from '../platform/audit/audit.ts';
import type { Database } from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import { type ForumInput, forumHomeOf, homeForCoordinator, validateForum } from './forum.ts';
import { actionsOf, coordinatorChairOf, meetingOf, meetingsOf, membersOf } from './queries.ts';
import { insertPlannedMeeting } from './service.ts';

/**
 * Forums above the municipality (docs/decisions/0129): a county network or a national forum,
 * created and chaired by the coordinator outside every municipality (decision 0108). Its members
 * are organisations of several municipalities; their staff take part with their own accounts on
 * the forum's ordinary pages (`/forums/{id}`, the same policy as a municipal forum's). What the
 * coordinator does here is one transaction with its visible history and an audit event in the
 * chain of **every member municipality**, with no municipal actor and the reason
 * `coordinator:<id>`. Reads hold no one's personal data and are not audited (0107).
 */

type Failure = { ok: false; errors: FieldError<string>[]; warnings: FieldWarning[] };

/** Whether a coordinator of this scope sees a forum above the municipality. */
export function coordinatorSeesForum(
  scope: CoordinatorScope,
  forum: { reach: string; county_code: string | null },
): boolean {
  if (forum.reach === 'municipal') return false;
  if (scope.kind === 'national') return true;
  return forum.reach === 'county' && forum.county_code === scope.countyCode;
}

async function forumsAbove(db: Kysely<Database>) {
  return db
    .selectFrom('forum')
    .select(['id', 'name', 'reach', 'county_code', 'municipality_id', 'parent_forum_id', 'level', 'cadence'])
    .where('reach', '<>', 'municipal')
    .orderBy('name')
    .execute();
}

/** The county and national forums the coordinator sees. */
export async function coordinatorForums(db: Kysely<Database>, coordinator: Coordinator) {
  return (await forumsAbove(db)).filter((f) => coordinatorSeesForum(coordinator.scope, f));
}

/**
 * What the form offers: the organisations and accounts of the municipalities in scope, each named
 * with its municipality, and the forums above the municipality a new one may sit under.
 */
export async function countyForumOptions(db: Kysely<Database>, coordinator: Coordinator) {
  const municipalities = await municipalitiesInScope(db, coordinator.scope);
  const ids = municipalities.map((m) => m.id);
  const byId = new Map(municipalities.map((m) => [m.id, m]));
  const [organisations, users, forums] = await Promise.all([
    ids.length
      ? db
          .selectFrom('partner_organisation')
          .select(['id', 'name', 'municipality_id'])
          .where('municipality_id', 'in', ids)
          .where('active', '=', true)
          .orderBy('name')
          .execute()
      : [],
    ids.length
      ? db
          .selectFrom('user_account')
          .select(['id', 'display_name as name', 'municipality_id'])
          .where('municipality_id', 'in', ids)
          .where('active', '=', true)
          .where('role', 'in', ['manager', 'socialWorker', 'intakeWorker', 'partnerProfessional'])
          .orderBy('display_name')
          .execute()
      : [],
    coordinatorForums(db, coordinator),
  ]);
  const named = (row: { id: string; municipality_id: string; name: string }) => ({
    ...row,
    name: `${row.name} (${byId.get(row.municipality_id)?.name ?? ''})`,
    municipalityCode: byId.get(row.municipality_id)?.code ?? '',
  });
  return {
    municipalities,
    organisations: organisations.map(named),
    users: users.map(named),
    forums,
    /** The names the guard knows without the municipality added (organisations' own names). */
    knownNames: organisations.map((o) => o.name),
  };
}
export type CountyForumOptions = Awaited<ReturnType<typeof countyForumOptions>>;

async function auditInMembers(
  db: Kysely<Database>,
  coordinator: Coordinator,
  forumId: string,
  entry: { action: string; recordType: string; recordId: string },
  change: { action: string; note?: string; confirmedWarnings?: readonly FieldWarning[] },
  clientAddress: string | null,
) {
  const municipalities = await db
    .selectFrom('forum_member as m')
    .innerJoin('partner_organisation as o', 'o.id', 'm.organisation_id')
    .select('o.municipality_id')
    .where('m.forum_id', '=', forumId)
    .distinct()
    .orderBy('o.municipality_id')
    .execute();
  for (const { municipality_id } of municipalities)
    await writeAuditEvents(db, { municipalityId: municipality_id, actor: null, clientAddress }, [
      { ...entry, reason: `coordinator:${coordinator.id}` },
    ]);
  await db
    .insertInto('collaboration_change')
    .values({
      record_type: 'forum',
      record_id: forumId,
      action: change.action,
      fields: [],
      confirmed_warnings: JSON.stringify(change.confirmedWarnings ?? []),
      note: (change.note ?? '').slice(0, 2000),
      actor_user_id: null,
      actor_name: coordinator.office ? `${coordinator.name}, ${coordinator.office}` : coordinator.name,
    })
    .execute();
}

/**
 * Creates a county or national forum, chaired by the coordinator. Its members are organisations
 * of the municipalities in the coordinator's scope and in the forum's home (a county network: the
 * county's municipalities); a representative's account must be of their organisation's
 * municipality; no representative is its chair.
 */
export async function createCountyForum(
  db: Kysely<Database>,
  coordinator: Coordinator,
  input: ForumInput & { reach?: string | undefined; countyCode?: string | undefined },
  confirmed: boolean,
  today: string,
  clientAddress: string | null,
): Promise<{ ok: true; id: string } | Failure> {
  return db.transaction().execute(async (trx) => {
    const home = homeForCoordinator(coordinator.scope, input.reach, input.countyCode);
    if (typeof home === 'string')
      return {
        ok: false,
        errors: [{ field: input.reach === 'county' ? 'countyCode' : 'reach', code: home }],
        warnings: [],
      };
    const options = await countyForumOptions(trx, coordinator);
    const outcome = validateForum(input, {
      guard: { today, confirmed, knownNames: options.knownNames },
      home,
      forumId: null,
      organisations: options.organisations.map((o) => ({
        id: o.id,
        municipalityId: o.municipality_id,
        municipalityCode: o.municipalityCode,
      })),
      forums: options.forums.map((f) => ({
        id: f.id,
        parentForumId: f.parent_forum_id,
        home: forumHomeOf(f, ''),
      })),
      coordinatorChairs: true,
    });
    if (!outcome.ok) return outcome as Failure;
    const v = outcome.value;
    const municipalityOf = new Map(options.organisations.map((o) => [o.id, o.municipality_id]));
    const accountOf = new Map(options.users.map((u) => [u.id, u.municipality_id]));
    const elsewhere: FieldError<string>[] = [];
    for (const [i, m] of v.members.entries())
      for (const [j, r] of m.representatives.entries())
        if (r.userId && accountOf.get(r.userId) !== municipalityOf.get(m.organisationId))
          elsewhere.push({ field: `members.${i}.representatives.${j}.userId`, code: 'accountElsewhere' });
    if (elsewhere.length) return { ok: false, errors: elsewhere, warnings: outcome.warnings };
    const forum = await trx
      .insertInto('forum')
      .values({
        municipality_id: null,
        reach: home.kind === 'national' ? 'national' : 'county',
        county_code: home.kind === 'county' ? home.countyCode : null,
        name: v.name,
        purpose: v.purpose,
        level: v.level,
        cadence: v.cadence,
        parent_forum_id: v.parentForumId,
        goal_areas: v.goalAreas,
        created_by: null,
        created_by_coordinator: coordinator.id,
        chair_coordinator_id: coordinator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('forum_member')
      .values(v.members.map((m) => ({ forum_id: forum.id, organisation_id: m.organisationId })))
      .execute();
    const reps = v.members.flatMap((m) =>
      m.representatives.map((r) => ({
        forum_id: forum.id,
        organisation_id: m.organisationId,
        user_id: r.userId,
        name: r.name,
        title: r.title,
        role: r.role,
      })),
    );
    if (reps.length) await trx.insertInto('forum_representative').values(reps).execute();
    await auditInMembers(
      trx,
      coordinator,
      forum.id,
      { action: 'forum.create', recordType: 'forum', recordId: forum.id },
      { action: 'created', confirmedWarnings: outcome.warnings },
      clientAddress,
    );
    return { ok: true, id: forum.id };
  });
}

/** A county or national forum the coordinator sees, or not found. */
async function forumInScope(db: Kysely<Database>, coordinator: Coordinator, forumId: string) {
  const forum = await db.selectFrom('forum').selectAll().where('id', '=', forumId).executeTakeFirst();
  if (!forum || !coordinatorSeesForum(coordinator.scope, forum)) throw notFound();
  return forum;
}

/** The coordinator's page of a forum: members by municipality, meetings, the next agenda, actions. */
export async function coordinatorForumPage(
  db: Kysely<Database>,
  coordinator: Coordinator,
  forumId: string,
  today: string,
) {
  const forum = await forumInScope(db, coordinator, forumId);
  const [members, meetings, actions, changes, municipalities, groups] = await Promise.all([
    membersOf(db, forumId),
    meetingsOf(db, forumId),
    actionsOf(db, forumId),
    changesOf(db, 'forum', forumId),
    db
      .selectFrom('forum_member as fm')
      .innerJoin('partner_organisation as o', 'o.id', 'fm.organisation_id')
      .innerJoin('municipality as m', 'm.id', 'o.municipality_id')
      .select(['o.id as organisationId', 'm.name', 'm.code'])
      .where('fm.forum_id', '=', forumId)
      .execute(),
    db
      .selectFrom('forum as f')
      .leftJoin('municipality as m', 'm.id', 'f.municipality_id')
      .select(['f.id', 'f.name', 'f.reach', 'm.name as municipalityName', 'm.code as municipalityCode'])
      .where('f.parent_forum_id', '=', forumId)
      .orderBy('f.name')
      .execute(),
  ]);
  const parent = forum.parent_forum_id
    ? await db
        .selectFrom('forum')
        .select(['id', 'name'])
        .where('id', '=', forum.parent_forum_id)
        .executeTakeFirst()
    : undefined;
  const latest = meetings[0] ? await meetingOf(db, forumId, meetings[0].id) : null;
  const municipalityOf = new Map(municipalities.map((m) => [m.organisationId, m.name]));
  return {
    forum,
    chair: await coordinatorChairOf(db, forum.chair_coordinator_id),
    parent: parent ?? null,
    members: {
      organisations: members.organisations.map((o) => ({
        ...o,
        municipality: municipalityOf.get(o.id) ?? '',
      })),
      representatives: members.representatives,
    },
    municipalities: [...new Set(municipalities.map((m) => m.name))].sort(),
    meetings,
    latest,
    actions,
    openActions: actions.filter((a) => a.status === 'open'),
    changes,
    // A local group of a municipality outside the coordinator's scope is not named.
    localGroups: groups.filter(
      (g) => g.reach !== 'municipal' || coordinatorCovers(coordinator.scope, g.municipalityCode ?? ''),
    ),
    today,
  };
}
export type CoordinatorForumPage = Awaited<ReturnType<typeof coordinatorForumPage>>;

/** The coordinator, chairing, plans the forum's next meeting; the agenda carries open actions. */
export async function coordinatorPlanMeeting(
  db: Kysely<Database>,
  coordinator: Coordinator,
  forumId: string,
  input: { plannedOn: string; place: string; newItems: string },
  today: string,
  clientAddress: string | null,
): Promise<{ ok: true; id: string } | Failure> {
  return db.transaction().execute(async (trx) => {
    await forumInScope(trx, coordinator, forumId);
    const planned = await insertPlannedMeeting(trx, forumId, input, today);
    if (!planned.ok) return planned;
    await auditInMembers(
      trx,
      coordinator,
      forumId,
      { action: 'forum.planMeeting', recordType: 'forumMeeting', recordId: planned.id },
      { action: 'meetingPlanned', note: planned.plannedOn },
      clientAddress,
    );
    return { ok: true, id: planned.id };
  });
}
