import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../access/scope.ts';
import { todayFor } from '../clock.ts';

/** Who is asking and from where: all the access policy and the audit trail need from a request. */
export function accessContext(request: FastifyRequest): RequestContext {
  return { actor: request.actor, clientAddress: request.ip, today: todayFor(request.server.config) };
}
