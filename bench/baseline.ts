import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { auditEventsFor, usersOfMunicipality } from '../src/log-review/queries.ts';
import { parsePersonQuery } from '../src/people/domain.ts';
import {
  assignedWorkersOf,
  childrenOf,
  guardiansOf,
  peopleMatching,
  personById,
} from '../src/people/queries.ts';
import type { AccessScope } from '../src/platform/access/scope.ts';
import { todayInSweden } from '../src/platform/dates.ts';
import type { Database } from '../src/platform/db/schema.ts';

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

  app.get<{ Params: { id: string }; Querystring: Ids }>('/baseline/people/:id', async (request, reply) => {
    const scope = bareScope(db, request.query.m);
    const person = await personById(scope, request.params.id);
    if (!person) return reply.code(404).send({ error: 'notFound' });
    const [guardians, children, workers] = await Promise.all([
      guardiansOf(scope, person.id),
      childrenOf(scope, person.id),
      assignedWorkersOf(scope, person.id),
    ]);
    return { person, guardians, children, workers };
  });

  app.get<{ Querystring: Ids & { q: string } }>('/baseline/people', async (request) => {
    const scope = bareScope(db, request.query.m);
    const query = parsePersonQuery(request.query.q, todayInSweden());
    return { people: await peopleMatching(scope, query) };
  });

  app.get<{ Querystring: Ids & { person: string; from: string; to: string } }>(
    '/baseline/log-review',
    async (request) => {
      const q = request.query;
      const scope = bareScope(db, q.m, q.u);
      const users = await usersOfMunicipality(scope);
      const person = await personById(scope, q.person);
      const { events, more } = await auditEventsFor(scope, {
        personId: person?.id,
        from: q.from,
        to: q.to,
        onlyUnusual: false,
      });
      return { users: users.length, person: person?.id ?? null, events, more };
    },
  );

  await app.ready();
  return app;
}
