import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type CoordinatorScope, isCountyCode } from '../collaboration/municipalities.ts';
import { loadOperatorSession, operatorStep } from '../installation/operator.ts';
import { operatorCookieName } from '../installation/operator-gate.ts';
import type { Database } from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import { pageContext } from '../platform/layout/page-context.ts';

/**
 * The national or county coordinator (docs/decisions/0108): an installation-level account of the
 * kind the installation operator has, so it logs in at /operator/login with the same password,
 * throttle and second factor, and carries the same cookie. It is no actor of the municipal access
 * policy: no municipal page opens to it. What it may see is decided here, by its scope.
 */
export interface Coordinator {
  id: string;
  name: string;
  office: string;
  scope: CoordinatorScope;
}

export function parseCoordinatorScope(value: string | null): CoordinatorScope | null {
  if (value === 'national') return { kind: 'national' };
  if (value !== null && isCountyCode(value)) return { kind: 'county', countyCode: value };
  return null;
}

/**
 * The signed-in coordinator; otherwise a redirect to the login (or its next step), or 404 for an
 * installation operator or a municipal account.
 */
export async function requireCoordinator(
  db: Kysely<Database>,
  secureCookies: boolean,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Coordinator | null> {
  const id = request.cookies[operatorCookieName(secureCookies)];
  const session = id ? await loadOperatorSession(db, id) : null;
  const step = session ? operatorStep(session) : '/operator/login';
  // Signed in to a municipality instead: these pages do not exist for a municipal account.
  if (!session && pageContext(request).actor) throw notFound();
  if (!session || step) {
    await reply.redirect(step ?? '/operator/login');
    return null;
  }
  const row = await db
    .selectFrom('operator_account')
    .select(['coordinator_scope', 'coordinator_office'])
    .where('id', '=', session.operatorId)
    .executeTakeFirstOrThrow();
  const scope = parseCoordinatorScope(row.coordinator_scope);
  // An installation operator is not a coordinator: these pages do not exist for them.
  if (!scope) throw notFound();
  return { id: session.operatorId, name: session.displayName, office: row.coordinator_office, scope };
}
