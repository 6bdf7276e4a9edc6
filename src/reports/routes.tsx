import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound, UserError } from '../platform/http/errors.ts';
import { sendPage } from '../platform/http/render.ts';
import { allowTextRefusals, OptionalName as name, OptionalText as text } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { isBot, parseReference, type ReportInput } from './domain.ts';
import { reportsTexts } from './i18n/index.ts';
import { reportFieldErrors } from './messages.ts';
import { allMunicipalities, municipalityForForm, reportStage, submitReport } from './service.ts';
import { switchboardPhone } from './settings.tsx';
import { ChooseMunicipalityPage, ReceiptPage, ReportFormPage, StatusPage } from './views.tsx';

/** The contact details an anonymous reporter typed, which are not sent (src/reports/domain.ts). */
function typedContactDetails(body: ReportInput & { confirmAnonymous?: string | undefined }) {
  if (body.reporterKind !== 'anonymous' || body.confirmAnonymous === 'on') return [];
  return (['reporterName', 'reporterPhone', 'reporterEmail'] as const).filter((field) => body[field]?.trim());
}

const html = { 200: Type.String() };

// Generous limits at the edge so that a too-long field gets its own clear message from the
// validation; a body over the app's 256 KiB limit is refused with 413 before it is parsed.
export const reportFields = {
  reporterKind: text(40),
  reporterName: name(1000),
  reporterPhone: text(1000),
  reporterEmail: text(1000),
  reporterOrganisation: text(1000),
  reporterOrganisationKind: text(40),
  reporterTitle: text(1000),
  childGivenName: name(1000),
  childFamilyName: name(1000),
  childPersonalNumber: text(1000),
  childBirthDate: text(1000),
  childWhereabouts: text(5000),
  concern: text(60_000),
  guardiansInformed: text(40),
};
const reportBody = Type.Object({
  ...reportFields,
  feedbackRequested: text(5),
  confirmAnonymous: text(5),
  website: text(1000),
  _csrf: text(200),
});
const formQuery = Type.Object({ m: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })), lang: text(5) });

/** A person (or a bot) may file a few reports an hour from one address; floods get 429. */
const submitLimit = { rateLimit: { max: 10, timeWindow: '1 hour' } };

/** The public concern-report e-service: no login, anonymous allowed, a receipt with a reference. */
export async function reportRoutes(app: App): Promise<void> {
  // In this plugin only: forms are decoded with the WHATWG rules, which turn invalid UTF-8 into
  // U+FFFD instead of keeping the raw percent-escapes, so broken text can be seen and refused.
  app.removeContentTypeParser('application/x-www-form-urlencoded');
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
  async function municipalityOf(request: FastifyRequest, code: string | undefined) {
    // A signed-in partner reports to their own municipality unless another is chosen.
    if (!code && request.actor) {
      return app.db
        .selectFrom('municipality')
        .select(['id', 'code', 'name'])
        .where('id', '=', request.actor.municipalityId)
        .executeTakeFirst();
    }
    return (await municipalityForForm(app.db, code)) ?? undefined;
  }

  async function chooseMunicipality(
    request: FastifyRequest,
    reply: FastifyReply,
    path: string,
    code?: string,
  ) {
    if (code) throw notFound();
    return sendPage(
      reply,
      <ChooseMunicipalityPage
        ctx={pageContext(request)}
        municipalities={await allMunicipalities(app.db)}
        path={path}
      />,
    );
  }

  for (const kind of ['public', 'professional'] as const) {
    const path = kind === 'public' ? '/report' : '/report/professional';

    app.get(path, { schema: { querystring: formQuery, response: html } }, async (request, reply) => {
      const municipality = await municipalityOf(request, request.query.m);
      if (!municipality) return chooseMunicipality(request, reply, path, request.query.m);
      const actor = request.actor;
      // A signed-in partner professional gets their organisation filled in.
      const values: ReportInput =
        kind === 'professional' && actor?.role === 'partnerProfessional'
          ? {
              reporterName: actor.displayName,
              reporterOrganisation: actor.organisation ?? undefined,
              reporterOrganisationKind: actor.partnerKind ?? undefined,
            }
          : {};
      return sendPage(
        reply,
        <ReportFormPage
          ctx={pageContext(request)}
          kind={kind}
          municipality={municipality}
          values={values}
          switchboard={await switchboardPhone(app.db, municipality.id)}
        />,
      );
    });

    app.post(
      path,
      {
        schema: { querystring: formQuery, body: reportBody },
        config: { ...submitLimit, personalData: true },
        // The form names each field's problem itself, control characters included, and keeps
        // what the reporter wrote; any other refusal of the schema stands.
        attachValidation: true,
      },
      async (request, reply) => {
        allowTextRefusals(request.validationError);
        const municipality = await municipalityOf(request, request.query.m);
        if (!municipality) throw notFound();
        // A filled honeypot is a bot: refused like any invalid form, and nothing is stored.
        if (isBot(request.body))
          throw new UserError(400, 'refused', (lang) => reportsTexts(lang).errors.refused);
        // Anonymous after typing contact details: say what will not be sent, and send on the next click.
        const dropped = kind === 'public' ? typedContactDetails(request.body) : [];
        if (dropped.length)
          return sendPage(
            reply,
            <ReportFormPage
              ctx={pageContext(request)}
              kind={kind}
              municipality={municipality}
              values={request.body}
              switchboard={await switchboardPhone(app.db, municipality.id)}
              dropped={dropped}
            />,
          );
        const outcome = await submitReport(app.db, accessContext(request), {
          municipalityId: municipality.id,
          input: request.body,
          form: kind,
          channel: kind === 'public' ? 'publicForm' : 'professionalForm',
          today: todayFor(app.config),
        });
        if (outcome.ok) return reply.redirect(`/report/receipt/${outcome.reference}`, 303);
        const ctx = pageContext(request);
        return sendPage(
          reply,
          <ReportFormPage
            ctx={ctx}
            kind={kind}
            municipality={municipality}
            values={request.body}
            errors={reportFieldErrors(outcome.errors, ctx.t, ctx.lang)}
            switchboard={await switchboardPhone(app.db, municipality.id)}
          />,
          400,
        );
      },
    );
  }

  app.get(
    '/report/receipt/:reference',
    {
      schema: {
        params: Type.Object({ reference: Type.String({ pattern: '^[0-9A-Z]{4}-[0-9A-Z]{4}$' }) }),
        querystring: Type.Object({ lang: text(5) }),
        response: html,
      },
    },
    async (request, reply) => {
      const reference = request.params.reference;
      // When it was received, by its reference: a time, nothing about anyone.
      const row = await app.db
        .selectFrom('report')
        .select('received_at')
        .where('reference', '=', reference)
        .executeTakeFirst();
      return sendPage(
        reply,
        <ReceiptPage
          ctx={pageContext(request)}
          reference={reference}
          receivedAt={row?.received_at ?? null}
          statusUrl={`${app.config.publicUrl}/report/status?reference=${reference}`}
        />,
      );
    },
  );

  app.get(
    '/report/status',
    {
      schema: { querystring: Type.Object({ reference: text(40), lang: text(5) }), response: html },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const ctx = pageContext(request);
      const raw = request.query.reference;
      if (raw === undefined) return sendPage(reply, <StatusPage ctx={ctx} reference="" stage={null} />);
      const reference = parseReference(raw);
      if (!reference)
        return sendPage(
          reply,
          <StatusPage ctx={ctx} reference={raw} stage={null} error={reportsTexts(ctx.lang).statusInvalid} />,
          400,
        );
      const stage = await reportStage(app.db, accessContext(request), reference);
      if (!stage)
        return sendPage(
          reply,
          <StatusPage
            ctx={ctx}
            reference={reference}
            stage={null}
            error={reportsTexts(ctx.lang).statusNotFound}
          />,
          404,
        );
      return sendPage(reply, <StatusPage ctx={ctx} reference={reference} stage={stage} />);
    },
  );
}
