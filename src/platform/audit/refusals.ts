import type { FastifyRequest } from 'fastify';
import { writeAuditEvents } from './audit.ts';

/**
 * The chain of events that belong to no municipality: refusals of anonymous requests, whose
 * municipality is not known. `npm run audit:verify` checks it like the others.
 */
export const noMunicipality = '00000000-0000-0000-0000-000000000000';

/**
 * A refused request (a forged or foreign form, an anonymous call to a closed page or the API)
 * in the audit trail: a signed-in user's in their municipality's chain, an anonymous one in the
 * chain of no municipality. The route is recorded by its pattern, never the URL with its query.
 * Writing it must never turn a refusal into an error, so a failure is only logged.
 */
export async function auditRefusal(request: FastifyRequest, reason: string): Promise<void> {
  const actor = request.actor;
  const route = `${request.method} ${request.routeOptions.url ?? '(no route)'}`;
  try {
    await request.server.db
      .transaction()
      .execute((trx) =>
        writeAuditEvents(
          trx,
          { municipalityId: actor?.municipalityId ?? noMunicipality, actor, clientAddress: request.ip },
          [{ action: 'request.refused', outcome: 'denied', reason, recordType: 'route', recordId: route }],
        ),
      );
  } catch (error) {
    request.log.error({ err: error }, 'could not audit a refused request');
  }
}
