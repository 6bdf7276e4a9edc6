import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, csrfTokenMatches, newPreSessionId } from '../auth/csrf.ts';
import { loadSession } from '../auth/sessions.ts';
import { pickLang } from '../i18n/i18n.ts';
import { messages } from '../i18n/messages.ts';
import { UserError } from './errors.ts';
import { pendingLoginStep, requireApiSession } from './guards.ts';

const preSessionCookie = 'samtak_pre';
const langCookie = 'samtak_lang';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCookieName(secure: boolean): string {
  // __Host- cookies are only accepted over TLS, bound to this host and path /.
  return secure ? '__Host-samtak_session' : 'samtak_session';
}

export function cookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, secure, sameSite: 'lax' as const };
}

/** Fills request.lang, request.t, request.session, request.actor and request.csrf for every request. */
export function registerRequestContext(app: FastifyInstance): void {
  const secure = app.config.secureCookies;
  const sessionCookie = sessionCookieName(secure);

  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('lang', 'sv');
  app.decorateRequest('t', null as never);
  app.decorateRequest('csrf', '');

  app.addHook('onRequest', async (request, reply) => {
    resolveLanguage(request, reply, secure);
    const sessionId = request.cookies[sessionCookie];
    if (sessionId) {
      request.session = await loadSession(app.db, sessionId);
      if (!request.session) reply.clearCookie(sessionCookie, { path: '/' });
    }
    // Until the login is complete (second factor, forced password change) the session is no one:
    // only the login step it is at may use it (src/auth/routes.tsx).
    request.actor = request.session && !pendingLoginStep(request.session) ? request.session.actor : null;
    request.csrf = csrfToken(app.config.secretKey, csrfBinding(request, reply, secure));
    // The whole JSON API is closed to anonymous callers, including paths that do not exist.
    if (request.url.startsWith('/api/v1/') || request.url === '/api/v1') {
      if (!request.routeOptions.config?.publicApi) await requireApiSession(request);
    }
  });

  const ownOrigins = new Set([new URL(app.config.publicUrl).origin]);

  // After parsing, before validation: a forged form is refused whatever else is wrong with it.
  app.addHook('preValidation', async (request) => {
    if (safeMethods.has(request.method)) return;
    // A browser names the page a request comes from; one from another site changes nothing here,
    // whatever token it carries. (Other systems send no Origin.)
    if (fromAnotherSite(request, ownOrigins))
      throw new UserError(403, 'crossOrigin', (lang) => messages(lang).errors.csrf);
    // A machine reporter on a public API route authenticates with a bearer token, which a browser
    // never sends by itself, so there is no cross-site request to forge; the route checks it.
    // Without a session there is no ambient authority to abuse either: the route answers 401.
    if (
      request.routeOptions.config?.publicApi &&
      (request.headers.authorization !== undefined || !request.session)
    )
      return;
    const fromBody = (request.body as Record<string, unknown> | undefined)?._csrf;
    const token = fromBody ?? request.headers['x-csrf-token'];
    const binding = request.session?.idHash ?? request.cookies[preSessionCookie] ?? '';
    if (!binding || !csrfTokenMatches(app.config.secretKey, binding, token)) {
      throw new UserError(403, 'csrf', (lang) => messages(lang).errors.csrf);
    }
  });
}

/**
 * A request a browser sent from another site. Sec-Fetch-Site says it outright (`same-site` too: a
 * sibling host is not Samtak). Origin is compared when it names one; under our no-referrer policy
 * browsers send `Origin: null` even for our own forms, which says nothing either way.
 */
function fromAnotherSite(request: FastifyRequest, ownOrigins: Set<string>): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return false;
  return !ownOrigins.has(origin) && origin !== `${request.protocol}://${request.host}`;
}

function resolveLanguage(request: FastifyRequest, reply: FastifyReply, secure: boolean) {
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.lang;
  request.lang = pickLang(fromQuery ?? request.cookies[langCookie], request.headers['accept-language']);
  if (fromQuery && fromQuery === request.lang && request.cookies[langCookie] !== request.lang) {
    reply.setCookie(langCookie, request.lang, { ...cookieOptions(secure), maxAge: 365 * 24 * 3600 });
  }
  request.t = messages(request.lang);
}

/** Signed in: the session. Anonymous: a random pre-session cookie, created on first visit. */
function csrfBinding(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  if (request.session) return request.session.idHash;
  let pre = request.cookies[preSessionCookie];
  if (!pre) {
    pre = newPreSessionId();
    reply.setCookie(preSessionCookie, pre, cookieOptions(secure));
  }
  return pre;
}
