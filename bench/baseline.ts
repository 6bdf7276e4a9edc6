import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { addDays } from '../src/deadlines/calendar.ts';
import { auditEventsFor } from '../src/log-review/queries.ts';
import { parsePersonQuery } from '../src/people/domain.ts';
import { peopleMatching, personById, searchLimit } from '../src/people/queries.ts';
import type { AccessScope } from '../src/platform/access/scope.ts';
import { todayInSweden } from '../src/platform/dates.ts';
import type { Database } from '../src/platform/db/schema.ts';
import { newReference, validateReport } from '../src/reports/domain.ts';
import { worklistHorizonDays } from '../src/sip/domain/plan.ts';
import { dueActions, plansDue } from '../src/sip/queries/lists.ts';
import { dueDeadlinesFor } from '../src/worklists/queries.ts';
import { registerPageBaselines } from './baseline-pages.ts';

/**
 * The bare baseline: the same Fastify, the same database pool and the same query functions as
 * the application's pages, answering JSON, with no session, access policy, audit event,
 * transaction or page rendering. app ÷ baseline is what those cost per request.
 *
 * The feature queries take an AccessScope but only read its `db` and `actor`; a stand-in with the
 * pool and the municipality runs exactly their SQL without the scope's transaction.
 */
function bareScope(db: Kysely<Database>, municipalityId: string, userId = ''): AccessScope {
  return { db, actor: { municipalityId, userId } } as unknown as AccessScope;
}

interface Ids {
  m: string;
  u?: string;
}

export async function buildBaseline(db: Kysely<Database>): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(formbody);

  // The child's page (the hub), my cases, placements, statistics, action plans, good examples.
  registerPageBaselines(app, db);

  app.get<{ Querystring: Ids & { q: string } }>('/baseline/people', async (request) => {
    const scope = bareScope(db, request.query.m);
    const query = parsePersonQuery(request.query.q, todayInSweden());
    return { people: await peopleMatching(scope, query, searchLimit + 1) };
  });

  app.get<{ Querystring: Ids & { person: string; from: string; to: string } }>(
    '/baseline/log-review',
    async (request) => {
      const q = request.query;
      const scope = bareScope(db, q.m, q.u);
      const person = await personById(scope, q.person);
      const { events, more } = await auditEventsFor(scope, {
        personId: person?.id,
        from: q.from,
        to: q.to,
        onlyUnusual: false,
      });
      return { person: person?.id ?? null, events, more };
    },
  );

  // The worklist page: the user's deadlines and, for a coordinator, the plans (SIP) due.
  app.get<{ Querystring: Ids }>('/baseline/worklist', async (request) => {
    const q = request.query;
    const userId = q.u ?? '';
    const today = todayInSweden();
    const list = await dueDeadlinesFor(db, q.m, { kind: 'responsible', userId }, today);
    const scope = bareScope(db, q.m, userId);
    const horizon = addDays(today, worklistHorizonDays);
    const plans = await plansDue(scope, userId, horizon);
    const actions = await dueActions(scope, { coordinatorUserId: userId }, horizon);
    return {
      items: list.items.length,
      lastMonth: list.lastMonth,
      plans: plans.followUps.length,
      actions: actions.length,
    };
  });

  app.get<{ Querystring: Ids & { unit: string } }>('/baseline/worklist/unit', async (request) => {
    const q = request.query;
    const list = await dueDeadlinesFor(db, q.m, { kind: 'unit', unitId: q.unit }, todayInSweden());
    return { items: list.items.length, lastMonth: list.lastMonth };
  });

  // The report form's own SQL (src/reports/service.ts submitReport): the intake unit, then the row.
  app.post<{ Querystring: Ids; Body: Record<string, string> }>('/baseline/report', async (request) => {
    const m = request.query.m;
    const today = todayInSweden();
    const valid = validateReport(request.body, 'public', today);
    if (!valid.ok) return { errors: valid.errors };
    const v = valid.value;
    const intakeUnit = await db
      .selectFrom('unit')
      .select('id')
      .where('municipality_id', '=', m)
      .where('kind', '=', 'intake')
      .where('active', '=', true)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    const row = await db
      .insertInto('report')
      .values({
        municipality_id: m,
        reference: newReference(),
        unit_id: intakeUnit?.id ?? null,
        received_on: today,
        channel: 'publicForm',
        reporter_kind: v.reporterKind,
        reporter_name: v.reporterName,
        reporter_phone: v.reporterPhone,
        reporter_email: v.reporterEmail,
        reporter_organisation: v.reporterOrganisation,
        reporter_organisation_kind: v.reporterOrganisationKind,
        reporter_title: v.reporterTitle,
        feedback_requested: v.feedbackRequested,
        submitted_by_user_id: null,
        api_client_id: null,
        child_given_name: v.childGivenName,
        child_family_name: v.childFamilyName,
        child_personal_number: v.childPersonalNumber,
        child_birth_date: v.childBirthDate,
        child_whereabouts: v.childWhereabouts,
        concern: v.concern,
        guardians_informed: v.guardiansInformed,
      })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow();
    return { reference: row.reference };
  });

  await app.ready();
  return app;
}
