import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { caseResource } from '../cases/service/step.ts';
import { decide } from '../platform/access/policy.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { Id, OptionalLine, OptionalText } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import { pageContext } from '../platform/layout/page-context.ts';
import { entryFor } from '../platform/lookup.ts';
import { choiceKey, documentKinds } from './domain.ts';
import { documentsTexts } from './i18n/index.ts';
import { type DetailsError, readDocuments, recordDetails, recordDispatch } from './service.ts';
import { DocumentsIndexPage, type Values } from './views/index-page.tsx';
import { renderDocument } from './views/letters.tsx';

const css = readFileSync(new URL('./documents.css', import.meta.url));
const html = { 200: Type.String() };
const params = Type.Object({ id: Id });
const pageOptions = { preHandler: requireSignedInPage, config: { personalData: true } };
const documentParams = Type.Object({
  id: Id,
  kind: Type.Union(documentKinds.map((k) => Type.Literal(k))),
  recipientKind: Type.Union([Type.Literal('person'), Type.Literal('report')]),
  recipientId: Id,
});

/** The case's documents: the index with its two forms, and each document on a printable page. */
export async function documentRoutes(app: App): Promise<void> {
  app.get('/assets/documents.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
  );

  async function renderIndex(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { notice?: string | undefined; errors?: FieldErrors; values?: Values },
    status = 200,
  ) {
    const view = await readDocuments(app.db, accessContext(request), id);
    if (!view) throw notFound();
    const resource = caseResource(view.case);
    const can = {
      dispatch: decide(request.actor, 'document.dispatch', resource).allowed,
      details: decide(request.actor, 'document.recordApplication', resource).allowed,
    };
    return sendPage(
      reply,
      <DocumentsIndexPage ctx={pageContext(request)} view={view} can={can} {...extra} />,
      status,
    );
  }

  app.get(
    '/documents/cases/:id',
    {
      ...pageOptions,
      schema: {
        params,
        querystring: Type.Object({ notice: OptionalLine(40), lang: OptionalLine(5) }),
        response: html,
      },
    },
    async (request, reply) => {
      const d = documentsTexts(request.lang);
      const notice = entryFor({ dispatched: d.dispatchSaved, details: d.detailsSaved }, request.query.notice);
      return renderIndex(request, reply, request.params.id, { notice });
    },
  );

  app.get(
    '/documents/cases/:id/:kind/:recipientKind/:recipientId',
    {
      ...pageOptions,
      schema: { params: documentParams, querystring: Type.Object({ lang: OptionalLine(5) }), response: html },
    },
    async (request, reply) => {
      const { id, kind, recipientKind, recipientId } = request.params;
      const view = await readDocuments(app.db, accessContext(request), id);
      const key = choiceKey({ kind, recipient: `${recipientKind}:${recipientId}` });
      const choice = view?.choices.find((c) => choiceKey(c) === key);
      if (!view || !choice) throw notFound();
      return sendPage(reply, renderDocument({ ctx: pageContext(request), view, choice }));
    },
  );

  app.post(
    '/documents/cases/:id/dispatches',
    {
      ...pageOptions,
      schema: {
        params,
        body: Type.Object({
          document: OptionalLine(200),
          method: OptionalLine(40),
          sentOn: OptionalLine(40),
          note: OptionalText(4000),
          _csrf: OptionalLine(200),
        }),
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const outcome = await recordDispatch(app.db, accessContext(request), id, request.body);
      if (!outcome) throw notFound();
      if (outcome.ok) return reply.redirect(`/documents/cases/${id}?notice=dispatched`, 303);
      const d = documentsTexts(request.lang);
      const errors: FieldErrors = {};
      for (const e of outcome.errors) errors[e.field] ??= d.dispatchErrors[e.code];
      return renderIndex(request, reply, id, { errors, values: request.body }, 400);
    },
  );

  app.post(
    '/documents/cases/:id/details',
    {
      ...pageOptions,
      schema: {
        params,
        body: Type.Object({
          proposal: OptionalText(40_000),
          application: OptionalLine(40),
          appliedFor: OptionalText(40_000),
          _csrf: OptionalLine(200),
        }),
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const outcome = await recordDetails(app.db, accessContext(request), id, request.body);
      if (!outcome) throw notFound();
      if (outcome.ok) return reply.redirect(`/documents/cases/${id}?notice=details`, 303);
      const d = documentsTexts(request.lang);
      const errors: FieldErrors = {};
      for (const e of outcome.errors as DetailsError[]) errors[e.field] ??= d.detailsErrors[e.code];
      return renderIndex(request, reply, id, { errors, values: request.body }, 400);
    },
  );
}
