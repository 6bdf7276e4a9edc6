import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { Type } from 'typebox';
import { authTexts } from '../auth/i18n/index.ts';
import { EnrolPage, LoginPage, PasswordChangePage, TotpPage } from '../auth/views.tsx';
import { checkNewPassword, hashPassword, verifyPassword } from '../platform/auth/passwords.ts';
import { open, seal } from '../platform/auth/secret-box.ts';
import { matchTotp, newTotpSecret, totpUri } from '../platform/auth/totp.ts';
import { sendPage } from '../platform/http/render.ts';
import { cookieOptions } from '../platform/http/request-context.ts';
import { OptionalName as name, OptionalText as text } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { installationTexts } from './i18n/index.ts';
import {
  attemptOperatorCode,
  attemptOperatorLogin,
  auditOperator,
  createOperatorSession,
  destroyOperatorSession,
  loadOperatorSession,
  municipalityOverview,
  type OperatorSession,
  operatorStep,
  setMunicipalityActive,
} from './operator.ts';
import { type OperatorGate, operatorCookieName } from './operator-gate.ts';
import { municipalityRoutes } from './operator-municipality-routes.tsx';
import { OverviewPage } from './operator-views.tsx';

const html = { 200: Type.String() };
const loginRateLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

/**
 * The installation operator's login and pages under /operator (decision 0086). Its own cookie,
 * its own session table: a municipal session opens none of these pages, and an operator's
 * session opens no municipal page (the municipal request context never reads this cookie).
 */
export async function operatorRoutes(app: App): Promise<void> {
  const cookie = operatorCookieName(app.config.secureCookies);
  const attemptOf = (request: FastifyRequest) => ({
    secretKey: app.config.secretKey,
    clientAddress: request.ip,
  });
  const gate: OperatorGate = {
    async session(request) {
      const id = request.cookies[cookie];
      return id ? loadOperatorSession(app.db, id) : null;
    },
    async require(request, reply) {
      const session = await gate.session(request);
      const step = session ? operatorStep(session) : '/operator/login';
      if (!session || step || session.coordinator) {
        await reply.redirect(step ?? (session?.coordinator ? '/coordinator' : '/operator/login'));
        return null;
      }
      return session;
    },
  };
  /** The session when its next login step is `step`, else null (after redirecting elsewhere). */
  async function at(request: FastifyRequest, reply: FastifyReply, step: string) {
    const session = await gate.session(request);
    if (session && operatorStep(session) === step) return session;
    await reply.redirect(session ? (operatorStep(session) ?? '/operator') : '/operator/login');
    return null;
  }
  const loginPage = (request: FastifyRequest, errors = {}, username = '') => (
    <LoginPage
      ctx={pageContext(request)}
      errors={errors}
      username={username}
      oidcEnabled={false}
      action="/operator/login"
      heading={installationTexts(request.lang).login}
    />
  );

  app.get(
    '/operator/login',
    { schema: { querystring: Type.Object({ lang: text(5) }), response: html } },
    async (request, reply) => {
      sendPage(reply, loginPage(request));
      return reply;
    },
  );

  app.post(
    '/operator/login',
    {
      schema: { body: Type.Object({ username: name(200), password: text(1000), _csrf: text(200) }) },
      config: loginRateLimit,
    },
    async (request, reply) => {
      const { username = '', password = '' } = request.body;
      const tx = authTexts(request.lang);
      const required = request.t.errors.field.required;
      if (!username.trim() || !password) {
        const errors = {
          ...(username.trim() ? {} : { username: required }),
          ...(password ? {} : { password: required }),
        };
        return sendPage(reply, loginPage(request, errors, username), 400);
      }
      const outcome = await attemptOperatorLogin(app.db, username, password, attemptOf(request));
      if (!outcome.ok) {
        const message = outcome.problem === 'locked' ? tx.login.locked(outcome.minutesLeft) : tx.login.failed;
        return sendPage(
          reply,
          loginPage(request, { _form: message }, username),
          outcome.problem === 'locked' ? 429 : 401,
        );
      }
      const previous = await gate.session(request);
      if (previous) await destroyOperatorSession(app.db, previous.idHash);
      const id = await createOperatorSession(app.db, outcome.operatorId);
      reply.setCookie(cookie, id, cookieOptions(app.config.secureCookies));
      const session = await loadOperatorSession(app.db, id);
      return reply.redirect((session && operatorStep(session)) ?? '/operator');
    },
  );

  app.get('/operator/login/totp', { schema: { response: html } }, async (request, reply) => {
    if (!(await at(request, reply, '/operator/login/totp'))) return reply;
    return sendPage(reply, <TotpPage ctx={pageContext(request)} action="/operator/login/totp" />);
  });

  app.post(
    '/operator/login/totp',
    { schema: { body: Type.Object({ code: text(20), _csrf: text(200) }) }, config: loginRateLimit },
    async (request, reply) => {
      const session = await at(request, reply, '/operator/login/totp');
      if (!session) return reply;
      const tx = authTexts(request.lang);
      const code = (request.body.code ?? '').replace(/\s/g, '');
      const outcome = await attemptOperatorCode(app.db, session, code, attemptOf(request));
      if (!outcome.ok && outcome.problem === 'locked') {
        await destroyOperatorSession(app.db, session.idHash);
        reply.clearCookie(cookie, { path: '/' });
        return sendPage(reply, loginPage(request, { _form: tx.login.locked(outcome.minutesLeft) }), 429);
      }
      if (!outcome.ok)
        return sendPage(
          reply,
          <TotpPage ctx={pageContext(request)} action="/operator/login/totp" error={tx.totp.failed} />,
          400,
        );
      const updated = await loadOperatorSession(app.db, request.cookies[cookie] ?? '');
      return reply.redirect((updated && operatorStep(updated)) ?? '/operator');
    },
  );

  const passwordPage = (request: FastifyRequest, errors = {}) => (
    <PasswordChangePage ctx={pageContext(request)} errors={errors} action="/operator/login/password" />
  );

  app.get('/operator/login/password', { schema: { response: html } }, async (request, reply) => {
    if (!(await at(request, reply, '/operator/login/password'))) return reply;
    return sendPage(reply, passwordPage(request));
  });

  app.post(
    '/operator/login/password',
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
      const session = await at(request, reply, '/operator/login/password');
      if (!session) return reply;
      const tx = authTexts(request.lang);
      const { current = '', password = '', repeat = '' } = request.body;
      const account = await app.db
        .selectFrom('operator_account')
        .select('password_hash')
        .where('id', '=', session.operatorId)
        .executeTakeFirstOrThrow();
      const errors: Record<string, string> = {};
      if (!(await verifyPassword(account.password_hash, current))) errors.current = tx.password.wrongCurrent;
      const problem = checkNewPassword(password);
      if (problem) errors.password = request.t.passwordProblems[problem];
      else if (password !== repeat) errors.repeat = tx.password.mismatch;
      else if (password === current) errors.password = tx.password.sameAsOld;
      if (Object.keys(errors).length) return sendPage(reply, passwordPage(request, errors), 400);
      await app.db
        .updateTable('operator_account')
        .set({
          password_hash: await hashPassword(password),
          must_change_password: false,
          password_expires_at: null,
        })
        .where('id', '=', session.operatorId)
        .execute();
      await auditOperator(app.db, session.operatorId, 'installation.passwordChange', 'allowed', request.ip);
      return reply.redirect(operatorStep({ ...session, mustChangePassword: false }) ?? '/operator');
    },
  );

  async function enrolPage(
    request: FastifyRequest,
    session: OperatorSession,
    secret: string,
    error?: string,
  ) {
    const svg = await QRCode.toString(totpUri(secret, `operator:${session.username}`), {
      type: 'svg',
      margin: 1,
    });
    return (
      <EnrolPage
        ctx={pageContext(request)}
        secret={secret}
        sealed={seal(app.config.secretKey, `operator:${session.operatorId}:${secret}`)}
        qrDataUri={`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`}
        error={error}
        action="/operator/login/enrol"
      />
    );
  }

  app.get('/operator/login/enrol', { schema: { response: html } }, async (request, reply) => {
    const session = await at(request, reply, '/operator/login/enrol');
    if (!session) return reply;
    return sendPage(reply, await enrolPage(request, session, newTotpSecret()));
  });

  app.post(
    '/operator/login/enrol',
    {
      schema: { body: Type.Object({ code: text(20), sealed: text(500), _csrf: text(200) }) },
      config: loginRateLimit,
    },
    async (request, reply) => {
      const session = await at(request, reply, '/operator/login/enrol');
      if (!session) return reply;
      let secret: string | null = null;
      try {
        const [kind, owner, value] = open(app.config.secretKey, request.body.sealed ?? '').split(':');
        secret = kind === 'operator' && owner === session.operatorId && value ? value : null;
      } catch {
        secret = null;
      }
      if (!secret) return reply.redirect('/operator/login/enrol');
      const step = matchTotp(secret, (request.body.code ?? '').replace(/\s/g, ''));
      if (step === null)
        return sendPage(
          reply,
          await enrolPage(request, session, secret, authTexts(request.lang).totp.failed),
          400,
        );
      await app.db
        .updateTable('operator_account')
        .set({ totp_secret_enc: seal(app.config.secretKey, secret), totp_last_step: step })
        .where('id', '=', session.operatorId)
        .execute();
      await app.db
        .updateTable('operator_session')
        .set({ second_factor_done: true })
        .where('id_hash', '=', session.idHash)
        .execute();
      await auditOperator(
        app.db,
        session.operatorId,
        'installation.enrolSecondFactor',
        'allowed',
        request.ip,
      );
      return reply.redirect('/operator');
    },
  );

  app.post(
    '/operator/logout',
    { schema: { body: Type.Object({ _csrf: text(200) }) } },
    async (request, reply) => {
      const session = await gate.session(request);
      if (session) await destroyOperatorSession(app.db, session.idHash);
      reply.clearCookie(cookie, { path: '/' });
      return reply.redirect('/operator/login');
    },
  );

  app.get(
    '/operator',
    {
      schema: {
        querystring: Type.Object({ notice: text(40), code: text(4), lang: text(5) }),
        response: html,
      },
    },
    async (request, reply) => {
      const session = await gate.require(request, reply);
      if (!session) return reply;
      const municipalities = await municipalityOverview(app.db);
      await auditOperator(
        app.db,
        session.operatorId,
        'installation.listMunicipalities',
        'allowed',
        request.ip,
      );
      const x = installationTexts(request.lang);
      const named = municipalities.find((m) => m.code === request.query.code)?.name ?? '';
      const notices: Record<string, string> = {
        deactivated: x.deactivated(named),
        reactivated: x.reactivated(named),
      };
      return sendPage(
        reply,
        <OverviewPage
          ctx={pageContext(request)}
          operatorName={session.displayName}
          municipalities={municipalities}
          notice={named ? notices[request.query.notice ?? ''] : undefined}
        />,
      );
    },
  );

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/operator/municipalities/:code/${path}`,
      {
        schema: {
          params: Type.Object({ code: Type.String({ pattern: '^[0-9]{4}$' }) }),
          body: Type.Object({ confirm: text(20), _csrf: text(200) }),
        },
      },
      async (request, reply) => {
        const session = await gate.require(request, reply);
        if (!session) return reply;
        const x = installationTexts(request.lang);
        const code = request.params.code;
        const municipalities = await municipalityOverview(app.db);
        if (!municipalities.some((m) => m.code === code))
          return sendPage(
            reply,
            <OverviewPage
              ctx={pageContext(request)}
              operatorName={session.displayName}
              municipalities={municipalities}
              errors={{ _form: x.notFound }}
            />,
            404,
          );
        if ((request.body.confirm ?? '').trim() !== code)
          return sendPage(
            reply,
            <OverviewPage
              ctx={pageContext(request)}
              operatorName={session.displayName}
              municipalities={municipalities}
              errors={{ [`confirm-${code}`]: x.confirmMismatch }}
            />,
            400,
          );
        await setMunicipalityActive(app.db, code, active, session.operatorId, request.ip);
        return reply.redirect(`/operator?notice=${active ? 'reactivated' : 'deactivated'}&code=${code}`);
      },
    );
  }

  await municipalityRoutes(app, gate);
}
