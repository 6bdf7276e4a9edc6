import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { denyReasonText, isConcealed } from '../access/reasons.ts';
import { AccessDenied } from '../access/scope.ts';
import { auditRefusal } from '../audit/refusals.ts';
import { type Lang, pickLang } from '../i18n/i18n.ts';
import { messages } from '../i18n/messages.ts';
import { Layout } from '../layout/Layout.tsx';
import { pageContext } from '../layout/page-context.ts';
import { type ApiError, UserError, type UserText } from './errors.ts';
import { sendPage } from './render.ts';
import { patternKind } from './schemas.ts';
import { securityHeadersWithoutHooks } from './security.ts';

interface Problem {
  statusCode: number;
  code: string;
  message: UserText;
  /** Which fields were refused (JSON paths without the leading slash), for the API's answer. */
  fields?: string[];
}

/** Every failure leaves as one format: a page in the user's language, or the API's JSON error. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const problem = classify(error);
    if (problem.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    if (isAuditedRefusal(request, problem)) await auditRefusal(request, problem.code);
    return respond(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    respond(request, reply, {
      statusCode: 404,
      code: 'notFound',
      message: (lang) => messages(lang).errors.notFound,
    }),
  );
}

/**
 * Fastify's own refusals before a route is found (a broken percent-escape, a path segment over
 * the router's limit): the usual page or JSON, in the user's language, not Fastify's English JSON.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const problem: Problem =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? { statusCode: 404, code: 'notFound', message: (lang) => messages(lang).errors.notFound }
      : { statusCode: 400, code: 'badUrl', message: (lang) => messages(lang).errors.badUrl };
  securityHeadersWithoutHooks(reply, request.server.config.secureCookies);
  return respond(request, reply, problem);
}

/**
 * Forged and foreign forms are audited whoever sent them, and anonymous refusals too (a signed-in
 * user's refused access is audited by withAccess where it happens, with the record it concerned).
 */
function isAuditedRefusal(request: FastifyRequest, problem: Problem): boolean {
  if (problem.code === 'csrf' || problem.code === 'crossOrigin') return true;
  return !request.actor && (problem.statusCode === 401 || problem.statusCode === 403);
}

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** The request's language, also when the failure came before the request context was built. */
function languageOf(request: FastifyRequest): Lang {
  if (request.t) return request.lang;
  const cookie = /(?:^|;\s*)samtak_lang=([a-z]{2})/.exec(request.headers.cookie ?? '')?.[1];
  return pickLang(cookie, request.headers['accept-language']);
}

function respond(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
  const lang = languageOf(request);
  const t = messages(lang);
  if (isApiRequest(request)) {
    const message = problem.message(lang);
    const body: ApiError = { error: { code: problem.code, message } };
    if (problem.fields?.length)
      body.error.fields = Object.fromEntries(problem.fields.map((f) => [f, message]));
    return reply.code(problem.statusCode).type('application/json; charset=utf-8').send(body);
  }
  const ctx = pageContext(request);
  return sendPage(
    reply,
    <Layout ctx={{ ...ctx, t, lang }} title={t.errors.title}>
      <h1>{t.errors.title}</h1>
      <p class="lead">{problem.message(lang)}</p>
      <p>
        <a href="/">{t.nav.home}</a>
      </p>
    </Layout>,
    problem.statusCode,
  );
}

/**
 * A schema refusal says what was wrong when it was one of the platform's text definitions (a
 * control character, an invisible character in a name); anything else is the general 400.
 */
function validationProblem(error: FastifyError): Problem {
  const failures = (error.validation ?? []).map((v) => ({
    kind: v.keyword === 'pattern' ? patternKind(v.params?.pattern) : null,
    field: v.instancePath.replace(/^\//, ''),
  }));
  const name = failures.filter((f) => f.kind === 'name');
  const text = failures.filter((f) => f.kind === 'text');
  if (name.length)
    return {
      statusCode: 400,
      code: 'invalidCharacters',
      message: (lang) => messages(lang).errors.invisibleCharacters,
      fields: name.map((f) => f.field),
    };
  if (text.length)
    return {
      statusCode: 400,
      code: 'invalidCharacters',
      message: (lang) => messages(lang).errors.controlCharacters,
      fields: text.map((f) => f.field),
    };
  return { statusCode: 400, code: 'badRequest', message: (lang) => messages(lang).errors.badRequest };
}

function classify(error: FastifyError): Problem {
  if (error instanceof UserError) {
    return { statusCode: error.statusCode, code: error.code, message: error.userMessage };
  }
  if (error instanceof AccessDenied) {
    const reason = error.reason;
    // "Your organisation is not a party to this plan" would confirm that the plan exists: such a
    // refusal is answered as if it did not (it is in the trail all the same). The rule set that
    // gives the reason says so (concealedReasons).
    if (isConcealed(reason)) {
      return { statusCode: 404, code: 'notFound', message: (lang) => messages(lang).errors.notFound };
    }
    const statusCode = reason === 'notSignedIn' || reason === 'secondFactorRequired' ? 401 : 403;
    return { statusCode, code: reason, message: (lang) => denyReasonText(reason, lang) };
  }
  if (error.validation) return validationProblem(error);
  switch (error.statusCode) {
    case 413:
      return { statusCode: 413, code: 'tooLarge', message: (lang) => messages(lang).errors.tooLarge };
    case 415:
      return {
        statusCode: 415,
        code: 'unsupportedMediaType',
        message: (lang) => messages(lang).errors.unsupportedMedia,
      };
    case 429:
      return { statusCode: 429, code: 'tooManyRequests', message: (lang) => messages(lang).errors.tooMany };
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return {
      statusCode: error.statusCode,
      code: 'badRequest',
      message: (lang) => messages(lang).errors.badRequest,
    };
  }
  return { statusCode: 500, code: 'serverError', message: (lang) => messages(lang).errors.server };
}
