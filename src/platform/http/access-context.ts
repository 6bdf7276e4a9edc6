import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../access/scope.ts';

/** Who is asking and from where: all the access policy and the audit trail need from a request. */
export function accessContext(request: FastifyRequest): RequestContext {
  return { actor: request.actor, clientAddress: request.ip };
}
