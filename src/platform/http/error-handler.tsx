import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { denyReasonText, isConcealed } from '../access/reasons.ts';
import { AccessDenied } from '../access/scope.ts';
import { messages } from '../i18n/messages.ts';
import { Layout } from '../layout/Layout.tsx';
import { pageContext } from '../layout/page-context.ts';
import { type ApiError, UserError, type UserText } from './errors.ts';
import { sendPage } from './render.ts';

interface Problem {
  statusCode: number;
  code: string;
  message: UserText;
}

/** Every failure leaves as one format: a page in the user's language, or the API's JSON error. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = classify(error);
    if (problem.statusCode >= 500) request.log.error({ err: error }, 'request failed');
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

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

function respond(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
  // request.t is missing only if the failure came before the request context was built.
  const lang = request.t ? request.lang : 'sv';
  const t = messages(lang);
  if (isApiRequest(request)) {
    const body: ApiError = { error: { code: problem.code, message: problem.message(lang) } };
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
  if (error.validation)
    return { statusCode: 400, code: 'badRequest', message: (lang) => messages(lang).errors.badRequest };
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
