import { Type } from 'typebox';
import type { FieldError, FieldWarning } from '../collaboration/form.ts';
import { fieldErrorTexts, warningTexts } from '../collaboration/messages.ts';
import { withLang } from '../good-practice/views/shared.tsx';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import {
  allowTextRefusals,
  Id,
  OptionalLine as line,
  OptionalText as text,
} from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { adoptAgreementVersion, agreementsPage, moveProject, startProject } from './agreement-service.ts';
import { agreementTexts } from './agreement-texts.ts';
import { projectBody, projectInput } from './project-input.ts';
import { type AgreementFormState, AgreementsPageView } from './views/agreements-page.tsx';

type Values = Record<string, string | string[] | undefined>;

const html = { 200: Type.String() };
const page = { preHandler: requireSignedInPage };
const query = Type.Object({ lang: line(5), done: line(40) });
const params = Type.Object({ id: Id });
const versionParams = Type.Object({ id: Id, agreementId: Id });
const projectParams = Type.Object({ id: Id, projectId: Id });
const idList = Type.Optional(Type.Union([Id, Type.Array(Id, { maxItems: 50 })]));
const csrf = { _csrf: text(200), confirmNames: line(5) };
const statusBody = Type.Object({ status: text(100), ...csrf });
const agreementBody = Type.Object({
  title: text(5000),
  topic: text(100),
  partyOrganisationIds: idList,
  adoptedOn: text(100),
  adoptedBy: text(5000),
  validFrom: text(100),
  reviewBy: text(100),
  summary: text(20_000),
  documentUrl: text(5000),
  changes: text(20_000),
  ...csrf,
});
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const many = (v: string | string[] | undefined) => [v ?? []].flat();

function failed(
  form: string,
  values: Values,
  outcome: { errors: readonly FieldError<string>[]; warnings: readonly FieldWarning[] },
  lang: Lang,
  rename: (field: string) => string = (field) => field,
): AgreementFormState {
  const own = agreementTexts(lang).refusals;
  const texts = fieldErrorTexts(outcome.errors, lang, (code) => own[code]);
  const errors = Object.fromEntries(
    Object.entries(texts).map(([field, message]) => [field === '_form' ? field : rename(field), message]),
  );
  return { form, values, errors, warnings: warningTexts(outcome.warnings, lang) };
}

function agreementInput(values: Values) {
  return {
    title: one(values.title),
    topic: one(values.topic),
    partyOrganisationIds: many(values.partyOrganisationIds),
    adoptedOn: one(values.adoptedOn),
    adoptedBy: one(values.adoptedBy),
    validFrom: one(values.validFrom),
    reviewBy: one(values.reviewBy),
    summary: one(values.summary),
    documentUrl: one(values.documentUrl),
    changes: one(values.changes),
  };
}

/** A forum's agreements and joint projects (docs/decisions/0136). */
export async function agreementRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);
  const notices = (lang: Lang): Record<string, string> => ({
    ...agreementTexts(lang).done,
    moved: agreementTexts(lang).projectMoved,
  });

  app.get(
    '/forums/:id/agreements',
    { ...page, schema: { params, querystring: query, response: html } },
    async (request, reply) => {
      const data = await agreementsPage(app.db, accessContext(request), request.params.id, today());
      const ctx = pageContext(request);
      return sendPage(
        reply,
        <AgreementsPageView ctx={ctx} page={data} notice={notices(ctx.lang)[request.query.done ?? '']} />,
      );
    },
  );

  const refusedPage = async (
    request: Parameters<typeof accessContext>[0],
    reply: Parameters<typeof sendPage>[0],
    forumId: string,
    state: AgreementFormState,
  ) => {
    const data = await agreementsPage(app.db, accessContext(request), forumId, today());
    return sendPage(reply, <AgreementsPageView ctx={pageContext(request)} page={data} state={state} />, 400);
  };

  app.post(
    '/forums/:id/agreements',
    { ...page, schema: { params, querystring: query, body: agreementBody }, attachValidation: true },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const values = request.body as Values;
      const ctx = pageContext(request);
      const { id } = request.params;
      const outcome = await adoptAgreementVersion(
        app.db,
        accessContext(request),
        id,
        null,
        agreementInput(values),
        one(values.confirmNames) === 'on',
        today(),
      );
      if (outcome.ok) return reply.redirect(withLang(`/forums/${id}/agreements?done=adopted`, ctx.lang), 303);
      return refusedPage(request, reply, id, failed('agreement', values, outcome, ctx.lang));
    },
  );

  app.post(
    '/forums/:id/agreements/:agreementId/versions',
    {
      ...page,
      schema: { params: versionParams, querystring: query, body: agreementBody },
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const values = request.body as Values;
      const ctx = pageContext(request);
      const { id, agreementId } = request.params;
      const outcome = await adoptAgreementVersion(
        app.db,
        accessContext(request),
        id,
        agreementId,
        agreementInput(values),
        one(values.confirmNames) === 'on',
        today(),
      );
      if (outcome.ok) return reply.redirect(withLang(`/forums/${id}/agreements?done=revised`, ctx.lang), 303);
      return refusedPage(
        request,
        reply,
        id,
        failed(agreementId, values, outcome, ctx.lang, (field) => `${field}-${agreementId}`),
      );
    },
  );

  app.post(
    '/forums/:id/projects',
    { ...page, schema: { params, querystring: query, body: projectBody }, attachValidation: true },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const values = request.body as Values;
      const ctx = pageContext(request);
      const { id } = request.params;
      const outcome = await startProject(
        app.db,
        accessContext(request),
        id,
        projectInput(values),
        one(values.confirmNames) === 'on',
        today(),
      );
      if (outcome.ok)
        return reply.redirect(withLang(`/forums/${id}/agreements?done=project#projects`, ctx.lang), 303);
      return refusedPage(
        request,
        reply,
        id,
        failed('project', values, outcome, ctx.lang, (field) =>
          field === 'title' ? 'title-project' : field,
        ),
      );
    },
  );

  app.post(
    '/forums/:id/projects/:projectId/status',
    {
      ...page,
      schema: { params: projectParams, querystring: query, body: statusBody },
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const { id, projectId } = request.params;
      const ctx = pageContext(request);
      const outcome = await moveProject(
        app.db,
        accessContext(request),
        id,
        projectId,
        one((request.body as Values).status),
      );
      if (outcome.ok)
        return reply.redirect(withLang(`/forums/${id}/agreements?done=moved#projects`, ctx.lang), 303);
      const data = await agreementsPage(app.db, accessContext(request), id, today());
      const state: AgreementFormState = {
        form: projectId,
        values: {},
        errors: { _form: agreementTexts(ctx.lang).refusals.projectStep ?? '' },
        warnings: [],
      };
      return sendPage(reply, <AgreementsPageView ctx={ctx} page={data} state={state} />, 409);
    },
  );
}
