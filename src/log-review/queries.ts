import { type Kysely, sql } from 'kysely';
import type { AccessScope } from '../platform/access/scope.ts';
import { hourInStockholm as hourOnStockholmClock } from '../platform/dates.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { Database } from '../platform/db/schema.ts';

export interface LogFilter {
  personId?: string | undefined;
  userId?: string | undefined;
  from: string;
  to: string;
  onlyUnusual: boolean;
  /**
   * Instead of the person: the reports that were later linked to them, each with the moment it
   * was linked. Views of a report before that carry no person (nobody knew whose it was).
   */
  reportsBeforeLinking?: readonly { id: string; linkedAt: Date }[] | undefined;
}

export const reviewLimit = 500;

/**
 * Audit events of the user's municipality matching the filter, newest first.
 *
 * Safe without planner statistics (PGlite has no autovacuum, and a bad plan there stops every
 * other request): the events are taken first, newest first by time, which every index on the
 * trail (time, subject and time, actor and time) delivers in order, so the scan stops after one
 * page whatever the planner guesses; only that page is joined to the people register.
 */
export async function auditEventsFor(scope: AccessScope, filter: LogFilter) {
  const municipalityId = scope.actor.municipalityId;
  const rows = await auditEventsQuery(scope.db, municipalityId, filter).execute();
  const earlier = filter.personId ? await viewsBeforeLinking(scope, filter, filter.personId) : [];
  const all = [...rows.map((row) => ({ ...row, beforeLinking: false })), ...earlier].sort(
    (a, b) => b.occurred_at.getTime() - a.occurred_at.getTime() || Number(b.seq) - Number(a.seq),
  );
  return { events: all.slice(0, reviewLimit), more: all.length > reviewLimit };
}

/**
 * A person's log includes what was done with the reports about them before they were linked to
 * them: in intake a report is read and assessed before anyone knows whose it is. Each report's
 * events are looked for only between its receipt and its linking, among events without a person.
 */
async function viewsBeforeLinking(scope: AccessScope, filter: LogFilter, personId: string) {
  const reports = await scope.db
    .selectFrom('report')
    .select(['id', 'linked_at'])
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('child_id', '=', personId)
    .where('linked_at', 'is not', null)
    .execute();
  if (reports.length === 0) return [];
  const reportsBeforeLinking = reports.map((r) => ({ id: r.id, linkedAt: r.linked_at! }));
  const rows = await auditEventsQuery(scope.db, scope.actor.municipalityId, {
    ...filter,
    personId: undefined,
    reportsBeforeLinking,
  }).execute();
  const person = await scope.db
    .selectFrom('person')
    .select(['given_name', 'family_name', 'personal_number'])
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return rows.map((row) => ({ ...row, ...person, subject_person_id: personId, beforeLinking: true }));
}

export function auditEventsQuery(db: Kysely<Database>, municipalityId: string, filter: LogFilter) {
  let newest = db
    .selectFrom('audit_event')
    .select([
      'municipality_id',
      'seq',
      'occurred_at',
      'actor_user_id',
      'actor_name',
      'actor_role',
      'actor_organisation',
      'action',
      'outcome',
      'subject_person_id',
      'record_type',
      'record_id',
      'reason',
      'client_address',
      'unusual',
    ])
    .where('municipality_id', '=', municipalityId)
    // The period is in Swedish dates; the bounds are Stockholm midnights.
    .where('occurred_at', '>=', stockholmMidnight(filter.from))
    .where('occurred_at', '<', stockholmMidnight(nextDay(filter.to)))
    .orderBy('occurred_at', 'desc')
    .limit(reviewLimit + 1);
  if (filter.personId) newest = newest.where('subject_person_id', '=', filter.personId);
  const before = filter.reportsBeforeLinking;
  if (before?.length)
    newest = newest
      .where('subject_person_id', 'is', null)
      .where('record_type', '=', 'report')
      .where((eb) =>
        eb.or(before.map((r) => eb.and([eb('record_id', '=', r.id), eb('occurred_at', '<=', r.linkedAt)]))),
      );
  if (filter.userId) newest = newest.where('actor_user_id', '=', filter.userId);
  if (filter.onlyUnusual) newest = newest.where('unusual', '=', true);
  return (
    db
      .selectFrom(newest.as('e'))
      .leftJoin('person as p', (join) =>
        join.onRef('p.municipality_id', '=', 'e.municipality_id').onRef('p.id', '=', 'e.subject_person_id'),
      )
      // A person culled under 16 kap. SoL resolves to the culling ledger's day (decision 0081).
      .leftJoin('retention_culled as c', (join) =>
        join
          .onRef('c.municipality_id', '=', 'e.municipality_id')
          .on('c.record_type', '=', 'person')
          .on(sql<boolean>`c.record_id = e.subject_person_id::text`),
      )
      // The reason given for seeing protected whereabouts is a record of the file, shown while it
      // exists; culled with the file, the event keeps only its id (decision 0081 rule 2).
      .leftJoin('protected_details_access as pda', (join) =>
        join
          .onRef('pda.municipality_id', '=', 'e.municipality_id')
          .on('e.record_type', '=', 'protectedDetailsAccess')
          .on(sql<boolean>`pda.id::text = e.record_id`),
      )
      .selectAll('e')
      .select([
        'p.given_name',
        'p.family_name',
        'p.personal_number',
        'c.culled_on as subject_culled_on',
        'pda.reason as access_reason',
      ])
      .orderBy('e.occurred_at', 'desc')
      .orderBy('e.seq', 'desc')
  );
}

export type ReviewedEvent = Awaited<ReturnType<typeof auditEventsFor>>['events'][number];

export interface ReviewedUser {
  id: string;
  display_name: string;
  username: string;
  role: string;
}

const userColumns = ['id', 'display_name', 'username', 'role'] as const;

export async function userById(scope: AccessScope, id: string): Promise<ReviewedUser | undefined> {
  return scope.db
    .selectFrom('user_account')
    .select(userColumns)
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export const userMatchLimit = 10;

/**
 * Users whose username is the text, or whose name contains it: the reviewer types rather than
 * scrolls a list of a whole city's staff. One more than the limit tells that there are more.
 */
export async function usersMatching(scope: AccessScope, text: string): Promise<ReviewedUser[]> {
  const needle = text.trim().toLowerCase();
  return scope.db
    .selectFrom('user_account')
    .select(userColumns)
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where((eb) =>
      eb.or([
        eb(sql`lower(username)`, '=', needle),
        eb(sql`lower(display_name)`, 'like', `%${escapeLike(needle)}%`),
      ]),
    )
    .orderBy(sql`lower(username) = ${needle}`, 'desc')
    .orderBy('display_name')
    .limit(userMatchLimit + 1)
    .execute();
}

function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The instant a Swedish calendar day starts (CET or CEST, whichever is in force that day). */
export function stockholmMidnight(date: string): Date {
  const noonUtc = new Date(`${date}T12:00:00Z`);
  const hourInStockholm = hourOnStockholmClock(noonUtc);
  const offsetHours = hourInStockholm - 12;
  return new Date(`${date}T00:00:00Z`.replace('Z', `+0${offsetHours}:00`));
}
