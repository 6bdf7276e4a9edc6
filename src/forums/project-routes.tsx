import { Type } from 'typebox';
import type { FieldError, FieldWarning } from '../collaboration/form.ts';
import { fieldErrorTexts, warningTexts } from '../collaboration/messages.ts';
import { withLang } from '../good-practice/views/shared.tsx';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { allowTextRefusals, Id, OptionalLine as line } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { agreementTexts } from './agreement-texts.ts';
import { one, projectBody, projectInput, type Values, valueBody } from './project-input.ts';
import { editProject, projectPage, recordValue } from './project-service.ts';
import { projectTexts } from './project-texts.ts';
import { type ProjectFormState, ProjectPageView } from './views/project-page.tsx';

const html = { 200: Type.String() };
const page = { preHandler: requireSignedInPage };
const query = Type.Object({ lang: line(5), done: line(40) });
const projectParams = Type.Object({ id: Id, projectId: Id });
const goalParams = Type.Object({ id: Id, projectId: Id, goalId: Id });

function failed(
  form: string,
  values: Values,
  outcome: { errors: readonly FieldError<string>[]; warnings: readonly FieldWarning[] },
  lang: Lang,
  rename: (field: string) => string,
): ProjectFormState {
  const own = { ...agreementTexts(lang).refusals, ...projectTexts(lang).refusals };
  const texts = fieldErrorTexts(outcome.errors, lang, (code) => own[code]);
  const errors = Object.fromEntries(
    Object.entries(texts).map(([field, message]) => [field === '_form' ? field : rename(field), message]),
  );
  return { form, values, errors, warnings: warningTexts(outcome.warnings, lang) };
}

/** A joint project's page, its values over time and its changes (docs/decisions/0138). */
export async function projectRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);

  app.get(
    '/forums/:id/projects/:projectId',
    { ...page, schema: { params: projectParams, querystring: query, response: html } },
    async (request, reply) => {
      const { id, projectId } = request.params;
      const data = await projectPage(app.db, accessContext(request), id, projectId);
      const ctx = pageContext(request);
      const notice = projectTexts(ctx.lang).done[request.query.done ?? ''];
      return sendPage(reply, <ProjectPageView ctx={ctx} page={data} notice={notice} />);
    },
  );

  const refused = async (
    request: Parameters<typeof accessContext>[0],
    reply: Parameters<typeof sendPage>[0],
    forumId: string,
    projectId: string,
    state: ProjectFormState,
  ) => {
    const data = await projectPage(app.db, accessContext(request), forumId, projectId);
    return sendPage(reply, <ProjectPageView ctx={pageContext(request)} page={data} state={state} />, 400);
  };

  app.post(
    '/forums/:id/projects/:projectId/goals/:goalId/values',
    { ...page, schema: { params: goalParams, querystring: query, body: valueBody }, attachValidation: true },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const values = request.body as Values;
      const ctx = pageContext(request);
      const { id, projectId, goalId } = request.params;
      const outcome = await recordValue(
        app.db,
        accessContext(request),
        id,
        projectId,
        goalId,
        { period: one(values.period), value: one(values.value), source: one(values.source) },
        one(values.confirmNames) === 'on',
        today(),
      );
      if (outcome.ok)
        return reply.redirect(
          withLang(`/forums/${id}/projects/${projectId}?done=value#goals-heading`, ctx.lang),
          303,
        );
      return refused(
        request,
        reply,
        id,
        projectId,
        failed(goalId, values, outcome, ctx.lang, (field) => `${field}-${goalId}`),
      );
    },
  );

  app.post(
    '/forums/:id/projects/:projectId/edit',
    {
      ...page,
      schema: { params: projectParams, querystring: query, body: projectBody },
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const values = request.body as Values;
      const ctx = pageContext(request);
      const { id, projectId } = request.params;
      const outcome = await editProject(
        app.db,
        accessContext(request),
        id,
        projectId,
        projectInput(values),
        one(values.confirmNames) === 'on',
        today(),
      );
      if (outcome.ok)
        return reply.redirect(withLang(`/forums/${id}/projects/${projectId}?done=edited`, ctx.lang), 303);
      return refused(
        request,
        reply,
        id,
        projectId,
        failed('edit', values, outcome, ctx.lang, (field) => (field === 'title' ? 'title-project' : field)),
      );
    },
  );
}
