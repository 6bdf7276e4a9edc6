import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { Id, Line, OptionalLine, OptionalText } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import { pageContext } from '../platform/layout/page-context.ts';
import type { FieldError } from './domain.ts';
import { jointVisitsTexts } from './i18n/index.ts';
import { fieldErrors } from './messages.ts';
import {
  completeFollowUp,
  createVisit,
  listVisits,
  newVisitForm,
  type Outcome,
  policeSummaries,
  readVisit,
  recordConsent,
  recordFindings,
  summaryForPolice,
  withdrawConsent,
} from './service.ts';
import { VisitListPage } from './views/list-page.tsx';
import { NewVisitPage } from './views/new-page.tsx';
import type { Values } from './views/shared.tsx';
import { PoliceListPage, PoliceSummaryPage } from './views/summary.tsx';
import { VisitPage } from './views/visit-page.tsx';

const html = { 200: Type.String() };
const page = { preHandler: requireSignedInPage, config: { personalData: true } };
const params = Type.Object({ id: Id });
const csrf = { _csrf: OptionalText(200) };
const text = OptionalText;
const line = OptionalLine;
const notices = ['created', 'saved', 'consentSaved', 'consentWithdrawnNotice', 'followUpSaved'] as const;
const pageQuery = Type.Object({ notice: line(40), lang: line(5) });

const frameBody = Type.Object({
  reportId: Id,
  policeOrganisationId: line(40),
  policeReference: line(200),
  incidentDate: line(20),
  incidentTime: line(20),
  visitDate: line(20),
  visitTime: line(20),
  place: line(400),
  socialServicesParticipants: line(1000),
  policeParticipants: line(1000),
  followUpOn: line(20),
  ...csrf,
});

const isPolice = (request: FastifyRequest) => request.actor?.role === 'partnerProfessional';

/** Joint home visits: social services' list and pages, and the police's summaries. */
export async function jointVisitRoutes(app: App): Promise<void> {
  app.get(
    '/joint-visits',
    { ...page, schema: { querystring: pageQuery, response: html } },
    async (request, reply) => {
      const ctx = pageContext(request);
      if (isPolice(request)) {
        const summaries = await policeSummaries(app.db, accessContext(request));
        return sendPage(reply, <PoliceListPage ctx={ctx} summaries={summaries} />);
      }
      const { rows, figures } = await listVisits(app.db, accessContext(request));
      const notice = notices.find((n) => n === request.query.notice);
      return sendPage(
        reply,
        <VisitListPage
          ctx={ctx}
          rows={rows}
          figures={figures}
          notice={notice ? jointVisitsTexts(request.lang)[notice] : undefined}
        />,
      );
    },
  );

  app.get(
    '/joint-visits/new',
    {
      ...page,
      schema: {
        querystring: Type.Object({ report: Type.Optional(Id), reference: line(40), lang: line(5) }),
        response: html,
      },
    },
    async (request, reply) => {
      const { report, reference } = request.query;
      const by = report ? { id: report } : { reference: reference ?? '' };
      const form = await newVisitForm(app.db, accessContext(request), by);
      if (!form.found) {
        const { rows, figures } = await listVisits(app.db, accessContext(request));
        const tx = jointVisitsTexts(request.lang);
        return sendPage(
          reply,
          <VisitListPage
            ctx={pageContext(request)}
            rows={rows}
            figures={figures}
            reference={form.reference}
            referenceError={
              form.reference.trim()
                ? tx.reportNotFound
                : `${tx.fields.reportReference}: ${tx.errors.required}`
            }
          />,
          form.reference.trim() ? 404 : 400,
        );
      }
      return sendPage(reply, <NewVisitPage ctx={pageContext(request)} form={form} />);
    },
  );

  app.post('/joint-visits', { ...page, schema: { body: frameBody } }, async (request, reply) => {
    const outcome = await createVisit(app.db, accessContext(request), request.body.reportId, request.body);
    if (outcome.ok)
      return reply.redirect(`/joint-visits/${outcome.value.id}?notice=created#consent-heading`, 303);
    const form = await newVisitForm(app.db, accessContext(request), { id: request.body.reportId });
    if (!form.found) return reply.redirect('/joint-visits', 303);
    return sendPage(
      reply,
      <NewVisitPage
        ctx={pageContext(request)}
        form={form}
        errors={fieldErrors(outcome.errors, request.lang)}
        values={request.body as Values}
      />,
      400,
    );
  });

  async function showVisit(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { errors?: FieldErrors; values?: Values; notice?: string | undefined } = {},
    status = 200,
  ) {
    const view = await readVisit(app.db, accessContext(request), id);
    return sendPage(reply, <VisitPage ctx={pageContext(request)} view={view} {...extra} />, status);
  }

  app.get(
    '/joint-visits/:id',
    { ...page, schema: { params, querystring: pageQuery, response: html } },
    async (request, reply) => {
      const notice = notices.find((n) => n === request.query.notice);
      return showVisit(request, reply, request.params.id, {
        notice: notice ? jointVisitsTexts(request.lang)[notice] : undefined,
      });
    },
  );

  app.get(
    '/joint-visits/:id/summary',
    { ...page, schema: { params, querystring: pageQuery, response: html } },
    async (request, reply) => {
      const summary = await summaryForPolice(app.db, accessContext(request), request.params.id);
      return sendPage(reply, <PoliceSummaryPage ctx={pageContext(request)} summary={summary} />);
    },
  );

  /** After a step: back to the visit with a notice, or the visit again with what went wrong. */
  async function afterStep(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    outcome: Outcome,
    notice: (typeof notices)[number],
    anchor: string,
  ) {
    if (outcome.ok) return reply.redirect(`/joint-visits/${id}?notice=${notice}#${anchor}`, 303);
    const errors = fieldErrors(outcome.errors as FieldError[], request.lang);
    return showVisit(request, reply, id, { errors, values: request.body as Values }, 400);
  }

  app.post(
    '/joint-visits/:id/consent',
    {
      ...page,
      schema: {
        params,
        body: Type.Object({
          consentGivenBy: line(600),
          consentKinds: Type.Optional(Type.Array(Line(40), { maxItems: 10 })),
          ...csrf,
        }),
      },
    },
    async (request, reply) => {
      const outcome = await recordConsent(app.db, accessContext(request), request.params.id, request.body);
      return afterStep(request, reply, request.params.id, outcome, 'consentSaved', 'consent-heading');
    },
  );

  app.post(
    '/joint-visits/:id/consent/withdraw',
    { ...page, schema: { params, body: Type.Object({ withdrawalNote: text(2000), ...csrf }) } },
    async (request, reply) => {
      const outcome = await withdrawConsent(
        app.db,
        accessContext(request),
        request.params.id,
        request.body.withdrawalNote,
      );
      return afterStep(
        request,
        reply,
        request.params.id,
        outcome,
        'consentWithdrawnNotice',
        'consent-heading',
      );
    },
  );

  app.post(
    '/joint-visits/:id/findings',
    {
      ...page,
      schema: {
        params,
        body: Type.Object({
          childMetAlone: line(10),
          childNotMetAloneReason: text(2000),
          childsAccount: text(12_000),
          riskFactors: text(8000),
          protectiveFactors: text(8000),
          protectionOutcome: line(40),
          supportOffered: text(4000),
          supportResponse: line(40),
          policeSummary: text(4000),
          ...csrf,
        }),
      },
    },
    async (request, reply) => {
      const outcome = await recordFindings(app.db, accessContext(request), request.params.id, request.body);
      return afterStep(request, reply, request.params.id, outcome, 'saved', 'findings-heading');
    },
  );

  app.post(
    '/joint-visits/:id/follow-up',
    { ...page, schema: { params, body: Type.Object({ followUpNote: text(4000), ...csrf }) } },
    async (request, reply) => {
      const outcome = await completeFollowUp(
        app.db,
        accessContext(request),
        request.params.id,
        request.body.followUpNote,
        todayFor(app.config),
      );
      return afterStep(request, reply, request.params.id, outcome, 'followUpSaved', 'follow-up-heading');
    },
  );
}
