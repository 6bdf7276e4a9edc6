import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { liveFigure } from '../src/action-plans/live-indicators.ts';
import {
  areasOf,
  indicatorsOf,
  mattersOf,
  measuresOf,
  organisationsOf,
  planOrganisationIds,
  planRow,
  publishedExampleTitles,
} from '../src/action-plans/queries.ts';
import { features } from '../src/features.ts';
import { countFacets, filterByFacets } from '../src/good-practice/facets.ts';
import { changesOf, publishedMatching } from '../src/good-practice/queries.ts';
import { parseExampleSearch } from '../src/good-practice/search.ts';
import { personWithRelatives } from '../src/people/queries.ts';
import { loadPlacements, visiblePlacementIds } from '../src/placements/queries/facts.ts';
import { placementSettings } from '../src/placements/queries/homes.ts';
import { summarise } from '../src/placements/service/read.ts';
import type { Actor } from '../src/platform/access/policy.ts';
import { AccessScope } from '../src/platform/access/scope.ts';
import { todayInSweden } from '../src/platform/dates.ts';
import type { Database } from '../src/platform/db/schema.ts';
import { unitsOf } from '../src/statistics/queries.ts';
import { pagePeriod, readIndicators } from '../src/statistics/service.ts';
import { parseCaseListQuery } from '../src/workday/domain/case-list.ts';
import { readCaseList } from '../src/workday/service/cases.ts';

/**
 * The baselines of the pages issues 14–18 added (issue 19): each runs the feature's own query and
 * domain functions, as its page does, in a scope on the bare pool: the policy decides as in the
 * app (a decision is a function call), but there is no session, no transaction, no audit event
 * written and no rendering. The actor of a user id is read once and kept, as the baseline has no
 * session to read it from.
 */
interface Ids {
  m: string;
  u?: string;
}

export function registerPageBaselines(app: FastifyInstance, db: Kysely<Database>): void {
  const actors = new Map<string, Actor>();
  async function actorOf(userId: string): Promise<Actor | null> {
    const known = actors.get(userId);
    if (known) return known;
    const u = await db
      .selectFrom('user_account')
      .select(['id', 'municipality_id', 'role', 'unit_id', 'display_name', 'partner_organisation_id'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!u) return null;
    const actor: Actor = {
      userId: u.id,
      municipalityId: u.municipality_id,
      role: u.role as Actor['role'],
      unitId: u.unit_id,
      displayName: u.display_name,
      organisation: null,
      partnerKind: null,
      secondFactorDone: true,
      partnerOrganisationId: u.partner_organisation_id,
    };
    actors.set(userId, actor);
    return actor;
  }
  /** A scope on the pool, not a transaction: its audit events are recorded and never written. */
  async function scopeOf(userId: string | undefined): Promise<AccessScope> {
    const actor = await actorOf(userId ?? '');
    if (!actor) throw new Error(`no bench user ${userId}`);
    return new AccessScope(db as unknown as Transaction<Database>, { actor, clientAddress: '127.0.0.1' });
  }
  const sections = features.contributions('personSections');

  // The child's page as the hub: the person with relatives, then every feature's section.
  app.get<{ Params: { id: string }; Querystring: Ids }>('/baseline/people/:id', async (request, reply) => {
    const scope = await scopeOf(request.query.u);
    const found = await personWithRelatives(scope, request.params.id);
    if (!found) return reply.code(404).send({ error: 'notFound' });
    const { person } = found;
    scope.authorize('person.read', {
      type: 'person',
      municipalityId: person.municipality_id,
      protectedIdentity: person.protected_identity,
    });
    const loaded: string[] = [];
    for (const section of sections) {
      const data = await section.load(scope, found.person);
      if (data !== null) loaded.push(section.id);
    }
    return { person: found.person.id, relatives: found.guardians.length + found.children.length, loaded };
  });

  app.get<{ Querystring: Ids }>('/baseline/my-cases', async (request) => {
    const scope = await scopeOf(request.query.u);
    const today = todayInSweden();
    const parsed = parseCaseListQuery({}, today);
    if (!parsed.ok) throw new Error('the empty case list query is valid');
    const view = await readCaseList(scope, 'mine', parsed.query, today);
    return { cases: view.cases.length, total: view.total };
  });

  app.get<{ Querystring: Ids & { unit?: string } }>('/baseline/placements', async (request) => {
    const scope = await scopeOf(request.query.u);
    const today = todayInSweden();
    const unitId = request.query.unit ?? null;
    scope.authorize('placement.list', {
      type: 'placementRegister',
      municipalityId: scope.actor.municipalityId,
      unitId,
    });
    const ids = await visiblePlacementIds(scope, { unitId });
    const [loaded, settings] = await Promise.all([loadPlacements(scope, ids), placementSettings(scope)]);
    const rows = loaded.map((p) => summarise(p, settings, today));
    return { rows: rows.length, duties: rows.reduce((n, r) => n + r.duties.length, 0) };
  });

  app.get<{ Querystring: Ids & { period: string } }>('/baseline/statistics', async (request) => {
    const actor = await actorOf(request.query.u ?? '');
    if (!actor) throw new Error('no bench user');
    const today = todayInSweden();
    const period = pagePeriod(request.query.period, today);
    await unitsOf(db, actor.municipalityId);
    const view = await readIndicators(db, actor, { period, unitId: null, today });
    return { shown: view.shown.length };
  });

  app.get<{ Params: { id: string }; Querystring: Ids }>(
    '/baseline/action-plans/:id',
    async (request, reply) => {
      const scope = await scopeOf(request.query.u);
      const today = todayInSweden();
      const m = scope.actor.municipalityId;
      const plan = await planRow(db, m, request.params.id);
      if (!plan) return reply.code(404).send({ error: 'notFound' });
      const organisationIds = await planOrganisationIds(db, plan.id);
      const [organisations, areas, measures, rows, matters, changes, examples] = await Promise.all([
        organisationsOf(db, m),
        areasOf(db, plan.id),
        measuresOf(db, plan.id),
        indicatorsOf(db, plan.id),
        mattersOf(db, plan.id),
        changesOf(db, 'actionPlan', plan.id),
        publishedExampleTitles(db),
      ]);
      let live = 0;
      for (const row of rows) {
        if (row.indicator.source.kind === 'samtak') {
          await liveFigure(db, m, row.indicator.source.indicatorId, today);
          live++;
        }
      }
      return {
        organisations: organisations.length + organisationIds.length,
        areas: areas.length,
        measures: measures.length,
        live,
        matters: matters.length,
        changes: changes.length,
        examples: examples.length,
      };
    },
  );

  app.get<{ Querystring: { q?: string } }>('/baseline/examples', async (request) => {
    const parsed = parseExampleSearch(request.query);
    const empty = parseExampleSearch({});
    const filters = parsed.ok ? parsed.filters : empty.ok ? empty.filters : null;
    if (!filters) throw new Error('the empty search is always valid');
    const matching = await publishedMatching(db, filters);
    return { rows: filterByFacets(matching, filters).length, facets: countFacets(matching, filters).length };
  });
}
