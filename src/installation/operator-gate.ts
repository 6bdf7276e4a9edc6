import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OperatorSession } from './operator.ts';

export function operatorCookieName(secure: boolean): string {
  return secure ? '__Host-samtak_operator' : 'samtak_operator';
}

/** What every operator route needs: the operator's session, or where to go instead. */
export interface OperatorGate {
  session(request: FastifyRequest): Promise<OperatorSession | null>;
  /** The complete session, or null after redirecting to the login (or its next step). */
  require(request: FastifyRequest, reply: FastifyReply): Promise<OperatorSession | null>;
}
