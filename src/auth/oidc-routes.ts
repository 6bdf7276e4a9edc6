import type { FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { Type } from 'typebox';
import type { OidcConfig } from '../config.ts';
import { open, seal } from '../platform/auth/secret-box.ts';
import { UserError } from '../platform/http/errors.ts';
import { cookieOptions } from '../platform/http/request-context.ts';
import { OptionalLine } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { authTexts } from './i18n/index.ts';
import { recordLoginEvent } from './login.ts';
import { startSession } from './start-session.ts';

const flowCookie = 'samtak_oidc';
const flowLifetimeMs = 10 * 60 * 1000;

interface Flow {
  verifier: string;
  state: string;
  nonce: string;
  expires: number;
}

/**
 * Login through the municipality's OpenID Connect IdP (SITHS, Freja eID and others sit behind
 * it). Authorization code flow with PKCE, state and nonce; the flow's secrets travel in a sealed,
 * short-lived cookie so no server state is needed. The IdP performs strong authentication, so an
 * OIDC login counts as the second factor (docs/decisions/0004-login-and-second-factor.md).
 */
export async function oidcRoutes(app: App): Promise<void> {
  const settings = app.config.oidc as OidcConfig;
  const key = app.config.secretKey;
  const secure = app.config.secureCookies;
  let discovered: Promise<oidc.Configuration> | undefined;

  // Discovered on first use, not at start: the app must come up even while the IdP is down.
  const configuration = () => {
    discovered ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        ...(settings.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .catch((error) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  const failed = (
    request: FastifyRequest,
    reply: FastifyReply,
    message: 'oidcFailed' | 'oidcUnknownUser',
    error?: unknown,
  ) => {
    if (error) request.log.warn({ err: error }, 'OIDC login failed');
    reply.clearCookie(flowCookie, { path: '/' });
    throw new UserError(
      message === 'oidcFailed' ? 400 : 403,
      message,
      (lang) => authTexts(lang).login[message],
    );
  };

  app.get('/login/oidc', { schema: { response: { 302: Type.Null() } } }, async (request, reply) => {
    let config: oidc.Configuration;
    try {
      config = await configuration();
    } catch (error) {
      return failed(request, reply, 'oidcFailed', error);
    }
    const flow: Flow = {
      verifier: oidc.randomPKCECodeVerifier(),
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      expires: Date.now() + flowLifetimeMs,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri,
      scope: 'openid profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    reply.setCookie(flowCookie, seal(key, JSON.stringify(flow)), {
      ...cookieOptions(secure),
      maxAge: flowLifetimeMs / 1000,
    });
    return reply.redirect(url.href);
  });

  app.get(
    '/login/oidc/callback',
    {
      schema: {
        querystring: Type.Object({
          code: OptionalLine(2000),
          state: OptionalLine(500),
          error: OptionalLine(200),
          iss: OptionalLine(500),
          session_state: OptionalLine(500),
        }),
      },
    },
    async (request, reply) => {
      const flow = readFlow(request.cookies[flowCookie]);
      if (!flow || request.query.error) return failed(request, reply, 'oidcFailed');
      let claims: oidc.IDToken | undefined;
      try {
        const config = await configuration();
        const callbackUrl = new URL(request.url, settings.redirectUri);
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (error) {
        return failed(request, reply, 'oidcFailed', error);
      }
      const subject = claims?.[settings.userClaim];
      if (typeof subject !== 'string' || !subject) return failed(request, reply, 'oidcUnknownUser');
      const user = await app.db
        .selectFrom('user_account')
        .selectAll()
        .where('external_subject', '=', subject)
        .executeTakeFirst();
      if (!user?.active) {
        if (user) await recordLoginEvent(app.db, user, 'auth.login', 'denied', 'inactive', request.ip);
        return failed(request, reply, 'oidcUnknownUser');
      }
      reply.clearCookie(flowCookie, { path: '/' });
      await recordLoginEvent(app.db, user, 'auth.login', 'allowed', 'oidc', request.ip);
      await startSession(request, reply, user.id, 'oidc', true);
      return reply.redirect('/');
    },
  );

  function readFlow(sealed: string | undefined): Flow | null {
    if (!sealed) return null;
    try {
      const flow = JSON.parse(open(key, sealed)) as Flow;
      return flow.expires > Date.now() ? flow : null;
    } catch {
      return null;
    }
  }
}
