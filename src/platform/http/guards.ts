import type { FastifyReply, FastifyRequest } from 'fastify';
import { requiresSecondFactor } from '../access/policy.ts';
import { auditRefusal } from '../audit/refusals.ts';
import type { LoadedSession } from '../auth/sessions.ts';
import { messages } from '../i18n/messages.ts';
import { UserError } from './errors.ts';

/**
 * Where a signed-in user must go before doing anything else, or null when the login is complete:
 * the second factor first (when one exists), then a forced password change, then enrolment.
 */
export function pendingLoginStep(session: LoadedSession): string | null {
  const needsFactor = requiresSecondFactor(session.actor.role) && !session.actor.secondFactorDone;
  if (needsFactor && session.hasTotp) return '/login/totp';
  // A local password that must change is irrelevant to someone who logged in through the IdP.
  if (session.mustChangePassword && session.authMethod === 'password') return '/login/password';
  if (needsFactor) return '/login/enrol';
  return null;
}

/** preHandler for pages: anonymous users go to login, half-logged-in users to their next step. */
export async function requireSignedInPage(request: FastifyRequest, reply: FastifyReply) {
  if (!request.session) {
    // Following a link to a page before logging in is ordinary; trying to change something is not.
    if (request.method !== 'GET' && request.method !== 'HEAD') await auditRefusal(request, 'notSignedIn');
    return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`);
  }
  const step = pendingLoginStep(request.session);
  if (step) return reply.redirect(step);
}

/** preHandler for the JSON API: 401 with a JSON error unless the login is complete. */
export async function requireApiSession(request: FastifyRequest) {
  if (!request.session || pendingLoginStep(request.session)) {
    throw new UserError(401, 'unauthorized', (lang) => messages(lang).errors.unauthorized);
  }
}
