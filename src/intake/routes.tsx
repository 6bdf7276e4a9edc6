import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { casesTexts } from '../cases/i18n/index.ts';
import { stepErrors } from '../cases/messages.ts';
import { peopleTexts } from '../people/i18n/index.ts';
import { personFieldErrors } from '../people/messages.ts';
import { createPerson } from '../people/service.ts';
import { decide } from '../platform/access/policy.ts';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { Id, OptionalName as name, OptionalText as text } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import { pageContext } from '../platform/layout/page-context.ts';
import { intakeTexts } from './i18n/index.ts';
import {
  assessProtection,
  type IntakeOutcome,
  intakeList,
  linkReport,
  readReport,
  recordFeedback,
  reportResource,
} from './service.ts';
import { IntakePage, ReportPage } from './views.tsx';

const html = { 200: Type.String() };
const params = Type.Object({ id: Id });
const pageOptions = { preHandler: requireSignedInPage, config: { personalData: true } };

const notices = ['linked', 'joinedInvestigation', 'protectionSaved', 'feedbackSaved'] as const;

/** The intake unit's pages: the list of new reports and each report. */
export async function intakeRoutes(app: App): Promise<void> {
  const sections = app.features.contributions('reportSections');
  app.get(
    '/intake',
    {
      ...pageOptions,
      schema: {
        querystring: Type.Object({
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
          lang: text(5),
        }),
        response: html,
      },
    },
    async (request, reply) => {
      const listing = await intakeList(app.db, accessContext(request), request.query.page);
      return sendPage(reply, <IntakePage ctx={pageContext(request)} listing={listing} />);
    },
  );

  async function renderReport(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { notice?: string; errors?: FieldErrors; values?: Record<string, string | undefined>; q?: string },
    status = 200,
  ) {
    const today = todayFor(app.config);
    const view = await readReport(app.db, accessContext(request), id, extra.q, today, sections);
    if (!view) throw notFound();
    const canProcess = decide(
      request.actor,
      'report.process',
      reportResource(view.report, view.case),
    ).allowed;
    return sendPage(
      reply,
      <ReportPage ctx={pageContext(request)} view={view} today={today} canProcess={canProcess} {...extra} />,
      status,
    );
  }

  app.get(
    '/intake/reports/:id',
    {
      ...pageOptions,
      schema: {
        params,
        querystring: Type.Object({ q: text(200), notice: text(40), lang: text(5) }),
        response: html,
      },
    },
    async (request, reply) => {
      const notice = notices.find((n) => n === request.query.notice);
      return renderReport(request, reply, request.params.id, {
        ...(notice ? { notice: intakeTexts(request.lang)[notice] } : {}),
        ...(request.query.q ? { q: request.query.q } : {}),
      });
    },
  );

  /** After a step: back to the report with a notice, or the page again with what went wrong. */
  async function afterStep(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    outcome: IntakeOutcome | null,
    notice: (typeof notices)[number],
    values: Record<string, string | undefined>,
  ) {
    if (!outcome) throw notFound();
    if (outcome.ok) return reply.redirect(`/intake/reports/${id}?notice=${notice}`, 303);
    const errors =
      'errors' in outcome
        ? stepErrors(outcome.errors, request.lang)
        : { _form: casesTexts(request.lang).refusals[outcome.refusal] ?? request.t.errors.badRequest };
    return renderReport(request, reply, id, { errors, values }, 'errors' in outcome ? 400 : 409);
  }

  app.post(
    '/intake/reports/:id/protection',
    {
      ...pageOptions,
      schema: { params, body: Type.Object({ outcome: text(40), reasoning: text(20_000), _csrf: text(200) }) },
    },
    async (request, reply) => {
      const outcome = await assessProtection(
        app.db,
        accessContext(request),
        request.params.id,
        request.body,
        todayFor(app.config),
      );
      return afterStep(request, reply, request.params.id, outcome, 'protectionSaved', request.body);
    },
  );

  app.post(
    '/intake/reports/:id/link',
    {
      ...pageOptions,
      schema: { params, body: Type.Object({ childId: Id, _csrf: text(200) }) },
    },
    async (request, reply) => {
      const outcome = await linkReport(
        app.db,
        accessContext(request),
        request.params.id,
        request.body.childId,
        todayFor(app.config),
      );
      const joined = outcome?.ok && (await isJoinedToInvestigation(request.params.id));
      return afterStep(
        request,
        reply,
        request.params.id,
        outcome,
        joined ? 'joinedInvestigation' : 'linked',
        {},
      );
    },
  );

  async function isJoinedToInvestigation(reportId: string) {
    const row = await app.db
      .selectFrom('report')
      .select('joined_ongoing')
      .where('id', '=', reportId)
      .executeTakeFirst();
    return row?.joined_ongoing ?? false;
  }

  app.post(
    '/intake/reports/:id/register-child',
    {
      ...pageOptions,
      schema: {
        params,
        body: Type.Object({
          givenName: name(300),
          familyName: name(300),
          personalNumber: text(40),
          _csrf: text(200),
        }),
      },
    },
    async (request, reply) => {
      // The child is registered through the people register's own service (policy, audit), then linked.
      const created = await createPerson(app.db, accessContext(request), request.body);
      const t = request.t;
      if (!created.ok) {
        const errors =
          'duplicateOf' in created
            ? { personalNumber: peopleTexts(request.lang).duplicate }
            : personFieldErrors(created.errors, t, request.lang);
        return renderReport(
          request,
          reply,
          request.params.id,
          { errors, values: request.body },
          'duplicateOf' in created ? 409 : 400,
        );
      }
      const outcome = await linkReport(
        app.db,
        accessContext(request),
        request.params.id,
        created.id,
        todayFor(app.config),
      );
      return afterStep(request, reply, request.params.id, outcome, 'linked', request.body);
    },
  );

  app.post(
    '/intake/reports/:id/feedback',
    {
      ...pageOptions,
      schema: {
        params,
        body: Type.Object({
          mode: text(20),
          text: text(20_000),
          withheldReason: text(20_000),
          _csrf: text(200),
        }),
      },
    },
    async (request, reply) => {
      const outcome = await recordFeedback(
        app.db,
        accessContext(request),
        request.params.id,
        request.body,
        todayFor(app.config),
      );
      return afterStep(request, reply, request.params.id, outcome, 'feedbackSaved', request.body);
    },
  );
}
