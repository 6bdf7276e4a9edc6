import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { planAreas } from '../collaboration/areas.ts';
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
import type { FieldErrors } from '../platform/layout/forms.tsx';
import { pageContext } from '../platform/layout/page-context.ts';
import { actionPlanTexts, visitTexts } from './i18n/index.ts';
import {
  addIndicator,
  addIndicatorValue,
  addMeasure,
  adoptPlan,
  changeMeasureStatus,
  createPlan,
  listPlans,
  planFormOptions,
  planPage,
  raiseMatter,
} from './service.ts';
import { markTaskDone } from './task-service.ts';
import { PlanFormPage, PlanListPage, planInputOf } from './views/list-page.tsx';
import type { FormState, FormValues } from './views/plan-forms.tsx';
import { ActionPlanPage } from './views/plan-page.tsx';

const html = { 200: Type.String() };
const langQuery = Type.Object({ lang: line(5), done: line(40) });
const page = { preHandler: requireSignedInPage };
const idList = Type.Optional(Type.Union([Id, Type.Array(Id, { maxItems: 50 })]));
/** A choice among the form's ids (themes, statuses): letters and digits only. */
const token = Type.String({ maxLength: 100, pattern: '^[A-Za-z0-9]*$' });
const tokens = Type.Optional(Type.Union([token, Type.Array(token, { maxItems: 30 })]));
const csrf = { _csrf: text(200) };
const confirm = { confirmNames: line(5) };

const planBody = Type.Object({
  title: text(5000),
  deadline: text(100),
  summary: text(20_000),
  organisationIds: idList,
  ...Object.fromEntries(
    planAreas.flatMap((_, i) => [
      [`areas.${i}.area`, text(100)],
      [`areas.${i}.title`, text(5000)],
      [`areas.${i}.rationale`, text(20_000)],
      [`areas.${i}.themes`, tokens],
    ]),
  ),
  ...confirm,
  ...csrf,
});
const measureBody = Type.Object({
  areaIndex: text(10),
  title: text(5000),
  description: text(20_000),
  ownerOrganisationId: text(100),
  ownerRole: text(5000),
  partnerOrganisationIds: idList,
  startsOn: text(100),
  dueOn: text(100),
  citedExampleIds: idList,
  ...confirm,
  ...csrf,
});
const statusBody = Type.Object({
  to: text(40),
  on: text(100),
  evidence: text(20_000),
  reason: text(20_000),
  ...csrf,
});
const indicatorBody = Type.Object({
  areaIndex: text(10),
  name: text(5000),
  definition: text(20_000),
  unit: text(40),
  direction: text(40),
  baselineValue: text(100),
  baselineOn: text(100),
  targetValue: text(100),
  targetBy: text(100),
  sourceKind: text(40),
  samtakIndicatorId: text(100),
  sourceDescription: text(5000),
  ...confirm,
  ...csrf,
});
const valueBody = Type.Object({ value: text(100), on: text(100), source: text(5000), ...csrf });
const adoptBody = Type.Object({ adoptedByBody: text(5000), adoptedOn: text(100), ...csrf });
const matterBody = Type.Object({
  title: text(5000),
  description: text(20_000),
  themes: tokens,
  raisedOn: text(100),
  ...confirm,
  ...csrf,
});

const list = (v: string | string[] | undefined) => [v ?? []].flat();

/** A refusal's texts, each under the id of its field in the form it came from. */
function errorTexts(
  errors: readonly FieldError<string>[],
  lang: Lang,
  prefix: string,
  groups: readonly string[] = [],
) {
  const p = actionPlanTexts(lang);
  const own = { ...p.refusals, ...p.stepRefusals } as Record<string, string>;
  const texts = fieldErrorTexts(errors, lang, (code) => own[code]);
  const result: FieldErrors = {};
  for (const [field, message] of Object.entries(texts))
    result[field === '_form' || groups.includes(field) ? field : `${prefix}${field}`] = message;
  return result;
}

function state(
  form: FormState['form'],
  values: FormValues,
  outcome: { errors: readonly FieldError<string>[]; warnings: readonly FieldWarning[] },
  lang: Lang,
  prefix: string,
  groups: readonly string[] = [],
  target?: string,
): FormState {
  return {
    form,
    target,
    values,
    errors: errorTexts(outcome.errors, lang, prefix, groups),
    warnings: warningTexts(outcome.warnings, lang),
  };
}

/** The municipality's action plans (docs/decisions/0106). */
export async function actionPlanRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);

  app.get(
    '/action-plans',
    { ...page, schema: { querystring: langQuery, response: html } },
    async (request, reply) => {
      const plans = await listPlans(app.db, accessContext(request));
      const ctx = pageContext(request);
      return sendPage(
        reply,
        <PlanListPage ctx={ctx} plans={plans} canWrite={ctx.actor?.role === 'manager'} />,
      );
    },
  );

  app.get(
    '/action-plans/new',
    { ...page, schema: { querystring: langQuery, response: html } },
    async (request, reply) => {
      const { organisations } = await planFormOptions(app.db, accessContext(request));
      return sendPage(
        reply,
        <PlanFormPage ctx={pageContext(request)} organisations={organisations} values={{}} />,
      );
    },
  );

  app.post(
    '/action-plans',
    { ...page, schema: { querystring: langQuery, body: planBody }, attachValidation: true },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const ctx = pageContext(request);
      const values = request.body as FormValues;
      const input = planInputOf(values);
      const outcome = await createPlan(
        app.db,
        accessContext(request),
        input,
        values.confirmNames === 'on',
        today(),
      );
      if (outcome.ok)
        return reply.redirect(withLang(`/action-plans/${outcome.id}?done=created`, ctx.lang), 303);
      // The validator numbers the areas it was given; the form numbers every area.
      const formIndex = input.areas.map((a) => planAreas.indexOf(a.area as (typeof planAreas)[number]));
      const errors = outcome.errors.map((e) => ({
        ...e,
        field: e.field.replace(/^areas\.([0-9]+)\./, (_, k: string) => `areas.${formIndex[Number(k)]}.`),
      }));
      const { organisations } = await planFormOptions(app.db, accessContext(request));
      return sendPage(
        reply,
        <PlanFormPage
          ctx={ctx}
          organisations={organisations}
          values={values}
          errors={errorTexts(errors, ctx.lang, '', [])}
          warnings={warningTexts(outcome.warnings, ctx.lang)}
        />,
        400,
      );
    },
  );

  const notices = (lang: Lang): Record<string, string> => {
    const p = actionPlanTexts(lang);
    return {
      created: p.created,
      adopted: p.adopt.done,
      measure: p.measure.saved,
      status: p.measure.statusSaved,
      indicator: p.indicator.saved,
      value: p.indicator.valueSaved,
      matter: p.matter.saved,
      task: visitTexts(lang).visit.taskDoneNotice,
    };
  };

  app.get(
    '/action-plans/:id',
    { ...page, schema: { params: Type.Object({ id: Id }), querystring: langQuery, response: html } },
    async (request, reply) => {
      const ctx = pageContext(request);
      const data = await planPage(app.db, accessContext(request), request.params.id, today());
      const notice = notices(ctx.lang)[request.query.done ?? ''];
      return sendPage(reply, <ActionPlanPage ctx={ctx} page={data} notice={notice} today={today()} />);
    },
  );

  /** Answers a sub-form: back to the plan with a notice, or the plan again with the form's errors. */
  async function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    planId: string,
    outcome: { ok: true } | { ok: false; errors: FieldError<string>[]; warnings: FieldWarning[] },
    done: string,
    failed: (lang: Lang) => FormState,
  ) {
    const ctx = pageContext(request);
    if (outcome.ok) return reply.redirect(withLang(`/action-plans/${planId}?done=${done}`, ctx.lang), 303);
    const data = await planPage(app.db, accessContext(request), planId, today());
    const wrongState = outcome.errors.some((e) => e.field === '_form');
    return sendPage(
      reply,
      <ActionPlanPage ctx={ctx} page={data} state={failed(ctx.lang)} today={today()} />,
      wrongState ? 409 : 400,
    );
  }

  const planParams = Type.Object({ id: Id });

  app.post(
    '/action-plans/:id/tasks/:taskId/done',
    {
      ...page,
      schema: {
        params: Type.Object({ id: Id, taskId: Id }),
        querystring: langQuery,
        body: Type.Object(csrf),
      },
    },
    async (request, reply) => {
      const { id, taskId } = request.params;
      await markTaskDone(app.db, accessContext(request), id, taskId, today());
      return reply.redirect(withLang(`/action-plans/${id}?done=task`, pageContext(request).lang), 303);
    },
  );

  app.post(
    '/action-plans/:id/adopt',
    {
      ...page,
      schema: { params: planParams, querystring: langQuery, body: adoptBody },
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const body = request.body;
      const outcome = await adoptPlan(
        app.db,
        accessContext(request),
        request.params.id,
        { adoptedByBody: body.adoptedByBody ?? '', adoptedOn: body.adoptedOn ?? '' },
        today(),
      );
      return answer(request, reply, request.params.id, outcome, 'adopted', (lang) =>
        state('adopt', body as FormValues, outcome.ok ? { errors: [], warnings: [] } : outcome, lang, 'a-'),
      );
    },
  );

  app.post(
    '/action-plans/:id/measures',
    {
      ...page,
      schema: { params: planParams, querystring: langQuery, body: measureBody },
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const b = request.body;
      const outcome = await addMeasure(
        app.db,
        accessContext(request),
        request.params.id,
        {
          ...b,
          partnerOrganisationIds: list(b.partnerOrganisationIds),
          citedExampleIds: list(b.citedExampleIds),
        },
        b.confirmNames === 'on',
        today(),
      );
      return answer(request, reply, request.params.id, outcome, 'measure', (lang) =>
        state('measure', b as FormValues, outcome.ok ? { errors: [], warnings: [] } : outcome, lang, 'm-', [
          'partnerOrganisationIds',
          'citedExampleIds',
        ]),
      );
    },
  );

  app.post(
    '/action-plans/:id/measures/:measureId/status',
    {
      ...page,
      schema: { params: Type.Object({ id: Id, measureId: Id }), querystring: langQuery, body: statusBody },
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const b = request.body;
      const { id, measureId } = request.params;
      const outcome = await changeMeasureStatus(
        app.db,
        accessContext(request),
        id,
        measureId,
        { to: b.to ?? '', on: b.on ?? '', evidence: b.evidence ?? '', reason: b.reason ?? '' },
        today(),
      );
      return answer(request, reply, id, outcome, 'status', (lang) =>
        state(
          'status',
          b as FormValues,
          outcome.ok ? { errors: [], warnings: [] } : outcome,
          lang,
          `s-${measureId}-`,
          [],
          measureId,
        ),
      );
    },
  );

  app.post(
    '/action-plans/:id/indicators',
    {
      ...page,
      schema: { params: planParams, querystring: langQuery, body: indicatorBody },
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const b = request.body;
      const outcome = await addIndicator(
        app.db,
        accessContext(request),
        request.params.id,
        b,
        b.confirmNames === 'on',
        today(),
      );
      return answer(request, reply, request.params.id, outcome, 'indicator', (lang) =>
        state('indicator', b as FormValues, outcome.ok ? { errors: [], warnings: [] } : outcome, lang, 'i-', [
          'sourceKind',
        ]),
      );
    },
  );

  app.post(
    '/action-plans/:id/indicators/:indicatorId/values',
    {
      ...page,
      schema: { params: Type.Object({ id: Id, indicatorId: Id }), querystring: langQuery, body: valueBody },
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const b = request.body;
      const { id, indicatorId } = request.params;
      const outcome = await addIndicatorValue(app.db, accessContext(request), id, indicatorId, b, today());
      return answer(request, reply, id, outcome, 'value', (lang) =>
        state(
          'value',
          b as FormValues,
          outcome.ok ? { errors: [], warnings: [] } : outcome,
          lang,
          `v-${indicatorId}-`,
          [],
          indicatorId,
        ),
      );
    },
  );

  app.post(
    '/action-plans/:id/matters',
    {
      ...page,
      schema: { params: planParams, querystring: langQuery, body: matterBody },
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const b = request.body;
      const outcome = await raiseMatter(
        app.db,
        accessContext(request),
        request.params.id,
        { ...b, themes: list(b.themes) },
        b.confirmNames === 'on',
        today(),
      );
      return answer(request, reply, request.params.id, outcome, 'matter', (lang) =>
        state('matter', b as FormValues, outcome.ok ? { errors: [], warnings: [] } : outcome, lang, 'x-', [
          'themes',
        ]),
      );
    },
  );
}
