import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { Type } from 'typebox';
import { requiresSecondFactor } from '../platform/access/policy.ts';
import { checkNewPassword, hashPassword } from '../platform/auth/passwords.ts';
import { open, seal } from '../platform/auth/secret-box.ts';
import { destroySession, destroySessionsOfUser, type LoadedSession } from '../platform/auth/sessions.ts';
import { matchTotp, newTotpSecret, totpUri } from '../platform/auth/totp.ts';
import { pendingLoginStep } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { sessionCookieName } from '../platform/http/request-context.ts';
import { OptionalName as name, OptionalText as text } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { entryFor } from '../platform/lookup.ts';
import { authTexts } from './i18n/index.ts';
import {
  type Attempt,
  attemptPasswordLogin,
  attemptSecondFactor,
  checkCurrentPassword,
  loginMunicipalities,
  recordLoginEvent,
} from './login.ts';
import { oidcRoutes } from './oidc-routes.ts';
import { startSession } from './start-session.ts';
import { deviceCookieName } from './throttle.ts';
import { EnrolPage, LoginPage, PasswordChangePage, TotpPage } from './views.tsx';

const html = { 200: Type.String() };
/** The municipality last logged in to from this browser: a code, not a secret. */
const municipalityCookie = 'samtak_m';
const loginRateLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

export async function authRoutes(app: App): Promise<void> {
  const cookieName = sessionCookieName(app.config.secureCookies);
  const deviceCookie = deviceCookieName(app.config.secureCookies);
  const attemptOf = (request: FastifyRequest): Attempt => ({
    secretKey: app.config.secretKey,
    clientAddress: request.ip,
    deviceToken: request.cookies[deviceCookie],
  });

  /**
   * The session when `step` is the login step it may take now (null: the login is complete),
   * else null. A half-signed-in session may use its own next step and nothing else.
   */
  function sessionAt(request: FastifyRequest, step: string | null): LoadedSession | null {
    const session = request.session;
    return session && pendingLoginStep(session) === step ? session : null;
  }
  /**
   * Which municipality a login is for: the code asked for when it is active, else the only one
   * there is. The list is shown as a choice when the installation hosts several (0085).
   */
  async function municipalityChoice(code: string | undefined) {
    const municipalities = await loginMunicipalities(app.db);
    const chosen =
      municipalities.find((m) => m.code === code) ??
      (municipalities.length === 1 ? municipalities[0] : undefined);
    return { municipalities, municipalityCode: chosen?.code };
  }
  /** Where a request that may not take this step goes instead. */
  const elsewhere = (request: FastifyRequest) =>
    request.session ? (pendingLoginStep(request.session) ?? '/') : '/login';

  app.get(
    '/login',
    {
      schema: {
        querystring: Type.Object({ next: text(500), notice: text(40), lang: text(5), m: text(4) }),
        response: html,
      },
    },
    async (request, reply) => {
      const notice = request.query.notice;
      const choice = await municipalityChoice(request.query.m ?? request.cookies[municipalityCookie]);
      const tx = authTexts(request.lang);
      const noticeText = entryFor(
        { loggedOut: tx.login.loggedOut, expired: tx.login.sessionExpired },
        notice,
      );
      return sendPage(
        reply,
        <LoginPage
          ctx={pageContext(request)}
          notice={noticeText}
          next={request.query.next}
          oidcEnabled={!!app.config.oidc}
          {...choice}
        />,
      );
    },
  );

  app.post(
    '/login',
    {
      schema: {
        body: Type.Object({
          username: name(200),
          password: text(1000),
          next: text(500),
          m: text(4),
          _csrf: text(200),
        }),
      },
      config: loginRateLimit,
    },
    async (request, reply) => {
      const { username = '', password = '', next } = request.body;
      const t = request.t;
      const tx = authTexts(request.lang);
      const ctx = pageContext(request);
      const choice = await municipalityChoice(request.body.m);
      const fieldErrors: Record<string, string> = {};
      if (!username.trim()) fieldErrors.username = t.errors.field.required;
      if (!password) fieldErrors.password = t.errors.field.required;
      if (Object.keys(fieldErrors).length) {
        return sendPage(
          reply,
          <LoginPage
            ctx={ctx}
            errors={fieldErrors}
            username={username}
            next={next}
            oidcEnabled={!!app.config.oidc}
            {...choice}
          />,
          400,
        );
      }
      const municipalityId =
        choice.municipalities.find((m) => m.code === choice.municipalityCode)?.id ?? null;
      const outcome = await attemptPasswordLogin(
        app.db,
        municipalityId,
        username,
        password,
        attemptOf(request),
      );
      if (!outcome.ok) {
        const message =
          outcome.problem === 'locked'
            ? tx.login.locked(outcome.minutesLeft)
            : {
                failed: tx.login.failed,
                inactive: tx.login.inactive,
                chooseMunicipality: tx.login.ambiguous,
              }[outcome.problem];
        const status = { locked: 429, failed: 401, inactive: 401, chooseMunicipality: 400 }[outcome.problem];
        return sendPage(
          reply,
          <LoginPage
            ctx={ctx}
            errors={{ _form: message }}
            username={username}
            next={next}
            oidcEnabled={!!app.config.oidc}
            {...choice}
          />,
          status,
        );
      }
      const user = outcome.user;
      if (choice.municipalities.length > 1 && choice.municipalityCode)
        reply.setCookie(municipalityCookie, choice.municipalityCode, {
          path: '/login',
          httpOnly: true,
          sameSite: 'lax',
          secure: app.config.secureCookies,
          maxAge: 365 * 24 * 3600,
        });
      const session = await startSession(
        request,
        reply,
        user.id,
        'password',
        !requiresSecondFactor(user.role),
      );
      const step = session ? pendingLoginStep(session) : '/login';
      return reply.redirect(step ?? safeNext(next));
    },
  );

  app.get('/login/totp', { schema: { response: html } }, async (request, reply) => {
    if (!sessionAt(request, '/login/totp')) return reply.redirect(elsewhere(request));
    return sendPage(reply, <TotpPage ctx={pageContext(request)} />);
  });

  app.post(
    '/login/totp',
    { schema: { body: Type.Object({ code: text(20), _csrf: text(200) }) }, config: loginRateLimit },
    async (request, reply) => {
      const session = sessionAt(request, '/login/totp');
      if (!session) return reply.redirect(elsewhere(request));
      const user = await app.db
        .selectFrom('user_account')
        .selectAll()
        .where('id', '=', session.actor.userId)
        .executeTakeFirstOrThrow();
      const tx = authTexts(request.lang);
      const code = (request.body.code ?? '').replace(/\s/g, '');
      const outcome = await attemptSecondFactor(app.db, user, code, attemptOf(request));
      if (!outcome.ok && outcome.problem === 'locked') {
        await destroySession(app.db, session.idHash);
        reply.clearCookie(cookieName, { path: '/' });
        return sendPage(
          reply,
          <LoginPage
            ctx={{ ...pageContext(request), actor: null }}
            errors={{ _form: tx.login.locked(outcome.minutesLeft) }}
            oidcEnabled={!!app.config.oidc}
          />,
          429,
        );
      }
      if (!outcome.ok)
        return sendPage(reply, <TotpPage ctx={pageContext(request)} error={tx.totp.failed} />, 400);
      const newSession = await startSession(request, reply, user.id, session.authMethod, true);
      return reply.redirect((newSession && pendingLoginStep(newSession)) ?? '/');
    },
  );

  app.get('/login/enrol', { schema: { response: html } }, async (request, reply) => {
    if (!sessionAt(request, '/login/enrol')) return reply.redirect(elsewhere(request));
    const secret = newTotpSecret();
    return sendPage(reply, await enrolPage(request, secret));
  });

  app.post(
    '/login/enrol',
    {
      schema: { body: Type.Object({ code: text(20), sealed: text(500), _csrf: text(200) }) },
      config: loginRateLimit,
    },
    async (request, reply) => {
      const session = sessionAt(request, '/login/enrol');
      if (!session) return reply.redirect(elsewhere(request));
      const secret = unsealEnrolment(request.body.sealed, session.actor.userId);
      if (!secret) return reply.redirect('/login/enrol');
      const step = matchTotp(secret, (request.body.code ?? '').replace(/\s/g, ''));
      if (step === null)
        return sendPage(reply, await enrolPage(request, secret, authTexts(request.lang).totp.failed), 400);
      await app.db
        .updateTable('user_account')
        .set({ totp_secret_enc: seal(app.config.secretKey, secret), totp_last_step: step })
        .where('id', '=', session.actor.userId)
        .execute();
      const user = await app.db
        .selectFrom('user_account')
        .selectAll()
        .where('id', '=', session.actor.userId)
        .executeTakeFirstOrThrow();
      await recordLoginEvent(app.db, user, 'auth.secondFactorEnrolled', 'allowed', null, request.ip);
      const newSession = await startSession(request, reply, user.id, session.authMethod, true);
      return reply.redirect((newSession && pendingLoginStep(newSession)) ?? '/');
    },
  );

  async function enrolPage(request: FastifyRequest, secret: string, error?: string) {
    const session = request.session!;
    const username = await app.db
      .selectFrom('user_account')
      .select('username')
      .where('id', '=', session.actor.userId)
      .executeTakeFirstOrThrow();
    const svg = await QRCode.toString(totpUri(secret, username.username), { type: 'svg', margin: 1 });
    const qrDataUri = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const sealed = seal(app.config.secretKey, `${session.actor.userId}:${secret}`);
    return (
      <EnrolPage
        ctx={pageContext(request)}
        secret={secret}
        sealed={sealed}
        qrDataUri={qrDataUri}
        error={error}
      />
    );
  }

  function unsealEnrolment(sealed: string | undefined, userId: string): string | null {
    try {
      const [owner, secret] = open(app.config.secretKey, sealed ?? '').split(':');
      return owner === userId && secret ? secret : null;
    } catch {
      return null;
    }
  }

  /** A password is changed as the forced step after the second factor, or by a signed-in user. */
  const passwordSession = (request: FastifyRequest) =>
    sessionAt(request, '/login/password') ?? sessionAt(request, null);

  app.get('/login/password', { schema: { response: html } }, async (request, reply) => {
    if (!passwordSession(request)) return reply.redirect(elsewhere(request));
    return sendPage(reply, <PasswordChangePage ctx={pageContext(request)} />);
  });

  app.post(
    '/login/password',
    {
      schema: {
        body: Type.Object({
          current: text(1000),
          password: text(1000),
          repeat: text(1000),
          _csrf: text(200),
        }),
      },
      config: loginRateLimit,
    },
    async (request, reply) => {
      const session = passwordSession(request);
      if (!session) return reply.redirect(elsewhere(request));
      const t = request.t;
      const tx = authTexts(request.lang);
      const { current = '', password = '', repeat = '' } = request.body;
      const user = await app.db
        .selectFrom('user_account')
        .selectAll()
        .where('id', '=', session.actor.userId)
        .executeTakeFirstOrThrow();
      const errors: Record<string, string> = {};
      const problem = checkNewPassword(password);
      const check = await checkCurrentPassword(app.db, user, current, attemptOf(request));
      if (!check.ok && check.problem === 'locked') {
        const page = (
          <PasswordChangePage
            ctx={pageContext(request)}
            errors={{ _form: tx.login.locked(check.minutesLeft) }}
          />
        );
        return sendPage(reply, page, 429);
      }
      if (!check.ok) errors.current = tx.password.wrongCurrent;
      if (problem) errors.password = t.passwordProblems[problem];
      else if (password === current) errors.password = tx.password.sameAsOld;
      if (password !== repeat) errors.repeat = tx.password.mismatch;
      if (Object.keys(errors).length)
        return sendPage(reply, <PasswordChangePage ctx={pageContext(request)} errors={errors} />, 400);
      await app.db
        .updateTable('user_account')
        .set({
          password_hash: await hashPassword(password),
          must_change_password: false,
          password_expires_at: null,
        })
        .where('id', '=', user.id)
        .execute();
      await recordLoginEvent(app.db, user, 'auth.passwordChanged', 'allowed', null, request.ip);
      // Whoever was signed in with the old password is signed out; this browser goes on anew.
      await destroySessionsOfUser(app.db, user.id);
      const newSession = await startSession(
        request,
        reply,
        user.id,
        session.authMethod,
        session.actor.secondFactorDone,
      );
      return reply.redirect((newSession && pendingLoginStep(newSession)) ?? '/');
    },
  );

  app.post('/logout', { schema: { body: Type.Object({ _csrf: text(200) }) } }, async (request, reply) => {
    if (request.session) await destroySession(app.db, request.session.idHash);
    reply.clearCookie(cookieName, { path: '/' });
    return reply.redirect('/login?notice=loggedOut');
  });

  if (app.config.oidc) await app.register(oidcRoutes);
}

const ownOrigin = 'http://samtak.invalid';

/**
 * Only same-origin paths: an attacker's link must not send a fresh login elsewhere. The value is
 * read as a browser would (which drops tabs and line breaks and reads \\ as /, so `/\t/evil.example`
 * is `//evil.example`), and what is sent back is the path the browser will read, never the raw text.
 */
export function safeNext(next: string | undefined): string {
  if (!next?.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(next, ownOrigin);
  } catch {
    return '/';
  }
  if (url.origin !== ownOrigin) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';
}
