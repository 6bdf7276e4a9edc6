import type { FastifyReply, FastifyRequest } from 'fastify';
import { createSession, destroySession, loadSession } from '../platform/auth/sessions.ts';
import { pendingLoginStep } from '../platform/http/guards.ts';
import { cookieOptions, sessionCookieName } from '../platform/http/request-context.ts';
import { deviceCookieMaxAgeSeconds, deviceCookieName, newDeviceToken } from './throttle.ts';

/**
 * Replaces any session with a new one, so an id seen before login is worthless after it. Shared by
 * the password login and the OIDC login, which reach it from their own route files.
 */
export async function startSession(
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  authMethod: 'password' | 'oidc',
  secondFactorDone: boolean,
) {
  const { db, config } = request.server;
  if (request.session) await destroySession(db, request.session.idHash);
  const id = await createSession(db, {
    userId,
    authMethod,
    secondFactorDone,
    clientAddress: request.ip,
  });
  reply.setCookie(sessionCookieName(config.secureCookies), id, cookieOptions(config.secureCookies));
  const session = await loadSession(db, id);
  // A complete login marks the browser as one this user signs in with (src/auth/throttle.ts).
  if (session && !pendingLoginStep(session))
    reply.setCookie(deviceCookieName(config.secureCookies), newDeviceToken(config.secretKey, userId), {
      ...cookieOptions(config.secureCookies),
      maxAge: deviceCookieMaxAgeSeconds,
    });
  return session;
}
