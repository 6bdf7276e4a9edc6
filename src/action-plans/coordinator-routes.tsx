import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { FieldError, FieldWarning } from '../collaboration/form.ts';
import { fieldErrorTexts, warningTexts } from '../collaboration/messages.ts';
import { todayFor } from '../platform/clock.ts';
import { notFound } from '../platform/http/errors.ts';
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
import { type Coordinator, requireCoordinator } from './coordinator-gate.ts';
import { coordinatorOverview, planInScope } from './coordinator-queries.ts';
import { actionPlanTexts, visitTexts } from './i18n/index.ts';
import { answerMatter } from './matter-answer.ts';
import { organisationsOf, planOrganisationIds } from './queries.ts';
import { planContents } from './service.ts';
import { CoordinatorOverviewPage, coordinatorHref } from './views/coordinator-pages.tsx';
import {
  attendeeRows,
  CoordinatorPlanPage,
  nextStepRows,
  rowFields,
  SnapshotPage,
  type VisitFormState,
  type VisitFormValues,
  VisitPageView,
  visitorRows,
} from './views/visit-pages.tsx';
import { visitsOfPlan } from './visit-queries.ts';
import { createVisit, holdVisit, recordFollowUp, saveReport, visitInScope } from './visit-service.ts';
import type { PlanSnapshot } from './visits.ts';

const html = { 200: Type.String() };
const langQuery = Type.Object({ lang: line(5), done: line(40) });
const csrf = { _csrf: text(200) };
const confirm = { confirmNames: line(5) };
/** One name per field of a repeated row, posted once per row (a single row posts a string). */
const column = (max: number, rows: number) =>
  Type.Optional(Type.Union([text(max), Type.Array(text(max), { maxItems: rows })]));
const columns = (fields: Record<string, string>, max: Record<string, number>, rows: number) =>
  Object.fromEntries(Object.entries(fields).map(([field, name]) => [name, column(max[field] ?? 5000, rows)]));
const visitBody = Type.Object({
  visitedOn: text(100),
  place: text(5000),
  ...columns(rowFields.visitors, {}, visitorRows),
  ...columns(rowFields.attendees, { organisationId: 100 }, attendeeRows),
  ...confirm,
  ...csrf,
});
/** A plan has at most a few dozen measures; the form has one row per measure. */
const findingRows = 100;
const followUpBody = Type.Object({
  ...columns(rowFields.findings, { measureId: 100, assessment: 40, finding: 20_000 }, findingRows),
  ...columns(
    rowFields.nextSteps,
    { description: 20_000, measureId: 100, ownerOrganisationId: 100, dueOn: 100 },
    nextStepRows,
  ),
  ...confirm,
  ...csrf,
});
const reportBody = Type.Object({ report: text(100_000), finish: line(5), ...confirm, ...csrf });
const visitParams = Type.Object({ id: Id });

type Values = Record<string, string | undefined>;

/** The posted columns as `prefix.row.field` values, as the validators and the form's ids number them. */
function unpack(body: Record<string, unknown>, prefixes: readonly (keyof typeof rowFields)[]): Values {
  const values: Values = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') values[key] = value;
  for (const prefix of prefixes)
    for (const [field, name] of Object.entries(rowFields[prefix])) {
      const raw = body[name];
      const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
      delete values[name];
      list.forEach((v, i) => {
        values[`${prefix}.${i}.${field}`] = typeof v === 'string' ? v : '';
      });
    }
  return values;
}

/** The filled rows of a repeated part of a form, and where each was in the form. */
function filled(
  values: Values,
  prefix: string,
  count: number,
  fields: readonly string[],
  keep: (row: Values) => boolean,
) {
  const kept: { row: Values; at: number }[] = [];
  for (let i = 0; i < count; i++) {
    const row = Object.fromEntries(fields.map((f) => [f, values[`${prefix}.${i}.${f}`]]));
    if (keep(row)) kept.push({ row, at: i });
  }
  return kept;
}

/** The refusal's texts under the form's own field names (a row numbered as in the form). */
function errorTexts(
  errors: readonly FieldError<string>[],
  lang: Lang,
  positions: Record<string, readonly number[]>,
): FieldErrors {
  const own = visitTexts(lang).refusals as Record<string, string>;
  const renamed = errors.map((e) => ({
    ...e,
    field: e.field.replace(/^([a-zA-Z]+)\.([0-9]+)/, (whole, prefix: string, k: string) => {
      const at = positions[prefix]?.[Number(k)];
      return at === undefined ? whole : `${prefix}.${at}`;
    }),
  }));
  return fieldErrorTexts(
    renamed,
    lang,
    (code) => own[code] ?? (actionPlanTexts(lang).refusals as Record<string, string>)[code],
  );
}

function failed(
  form: VisitFormState['form'],
  values: Values,
  outcome: { errors: readonly FieldError<string>[]; warnings: readonly FieldWarning[] },
  lang: Lang,
  positions: Record<string, readonly number[]> = {},
): VisitFormState {
  return {
    form,
    values: values as VisitFormValues,
    errors: errorTexts(outcome.errors, lang, positions),
    warnings: warningTexts(outcome.warnings, lang),
  };
}

/**
 * The coordinator's pages (docs/decisions/0108): the overview across the municipalities in scope,
 * a plan, and the follow-up visits. Signed in with the installation-level account; a municipal
 * session opens none of them, and they open no municipal page.
 */
export async function coordinatorRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);
  const gate = (request: FastifyRequest, reply: FastifyReply) =>
    requireCoordinator(app.db, app.config.secureCookies, request, reply);

  app.get('/coordinator', { schema: { querystring: langQuery, response: html } }, async (request, reply) => {
    const coordinator = await gate(request, reply);
    if (!coordinator) return reply;
    const overview = await coordinatorOverview(app.db, coordinator.scope, today());
    const ctx = pageContext(request);
    const notice = request.query.done === 'answered' ? visitTexts(ctx.lang).coordinator.answered : undefined;
    return sendPage(
      reply,
      <CoordinatorOverviewPage ctx={ctx} coordinator={coordinator} overview={overview} notice={notice} />,
    );
  });

  app.post(
    '/coordinator/matters/:id/answer',
    {
      schema: {
        params: visitParams,
        querystring: langQuery,
        body: Type.Object({ answer: text(100_000), ...confirm, ...csrf }),
      },
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const coordinator = await gate(request, reply);
      if (!coordinator) return reply;
      const body = request.body as Values;
      const outcome = await answerMatter(
        app.db,
        coordinator,
        request.params.id,
        body.answer,
        body.confirmNames === 'on',
        today(),
        request.ip,
      );
      const ctx = pageContext(request);
      if (outcome.ok) return reply.redirect(coordinatorHref('/coordinator?done=answered', ctx.lang), 303);
      const own = visitTexts(ctx.lang).matterRefusals as Record<string, string>;
      const errors = fieldErrorTexts(outcome.errors, ctx.lang, (code) => own[code]);
      const overview = await coordinatorOverview(app.db, coordinator.scope, today());
      return sendPage(
        reply,
        <CoordinatorOverviewPage
          ctx={ctx}
          coordinator={coordinator}
          overview={overview}
          answering={{
            matterId: request.params.id,
            value: body.answer ?? '',
            errors,
            warnings: warningTexts(outcome.warnings, ctx.lang),
          }}
        />,
        outcome.errors.some((e) => e.field === '_form') ? 409 : 400,
      );
    },
  );

  async function planPage(
    request: FastifyRequest,
    reply: FastifyReply,
    coordinator: Coordinator,
    planId: string,
    state: VisitFormState | null = null,
  ) {
    const found = await planInScope(app.db, coordinator.scope, planId);
    if (!found) throw notFound();
    const contents = await planContents(
      app.db,
      found.plan,
      await planOrganisationIds(app.db, planId),
      today(),
    );
    const { visits } = await visitsOfPlan(app.db, planId);
    return sendPage(
      reply,
      <CoordinatorPlanPage
        ctx={pageContext(request)}
        coordinator={coordinator}
        municipalityName={found.municipalityName}
        contents={contents}
        visits={visits}
        state={state}
      />,
      state ? 400 : 200,
    );
  }

  app.get(
    '/coordinator/plans/:id',
    { schema: { params: visitParams, querystring: langQuery, response: html } },
    async (request, reply) => {
      const coordinator = await gate(request, reply);
      if (!coordinator) return reply;
      return planPage(request, reply, coordinator, request.params.id);
    },
  );

  app.post(
    '/coordinator/plans/:id/visits',
    { schema: { params: visitParams, querystring: langQuery, body: visitBody }, attachValidation: true },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const coordinator = await gate(request, reply);
      if (!coordinator) return reply;
      const values = unpack(request.body, ['visitors', 'attendees']);
      const visitors = filled(values, 'visitors', visitorRows, ['name', 'organisation'], (r) =>
        Boolean(r.name?.trim() || r.organisation?.trim()),
      );
      const attendees = filled(
        values,
        'attendees',
        attendeeRows,
        ['name', 'role', 'organisationId', 'organisationName'],
        (r) => Boolean(r.name?.trim() || r.role?.trim() || r.organisationId || r.organisationName?.trim()),
      );
      const outcome = await createVisit(
        app.db,
        coordinator,
        request.params.id,
        {
          visitedOn: values.visitedOn ?? '',
          place: values.place ?? '',
          visitors: visitors.map(({ row }) => ({
            name: row.name ?? '',
            organisation: row.organisation ?? '',
          })),
          attendees: attendees.map(({ row }) => ({
            name: row.name ?? '',
            role: row.role ?? '',
            organisationId: row.organisationId ?? '',
            organisationName: row.organisationName ?? '',
          })),
        },
        values.confirmNames === 'on',
        today(),
        request.ip,
      );
      const lang = pageContext(request).lang;
      if (outcome.ok)
        return reply.redirect(coordinatorHref(`/coordinator/visits/${outcome.id}?done=created`, lang), 303);
      // The coordinator is visitor 0; the form's first row is visitor 1.
      const state = failed('visit', values, outcome, lang, {
        visitors: [-1, ...visitors.map((v) => v.at)],
        attendees: attendees.map((a) => a.at),
      });
      return planPage(request, reply, coordinator, request.params.id, state);
    },
  );

  async function visitPage(
    request: FastifyRequest,
    reply: FastifyReply,
    coordinator: Coordinator,
    visitId: string,
    state: VisitFormState | null = null,
    status = 200,
  ) {
    const page = await visitInScope(app.db, coordinator.scope, visitId);
    if (!page) throw notFound();
    const [measures, organisations, organisationIds] = await Promise.all([
      app.db
        .selectFrom('action_plan_measure')
        .select(['id', 'title'])
        .where('plan_id', '=', page.plan.id)
        .orderBy('area_position')
        .orderBy('created_at')
        .execute(),
      organisationsOf(app.db, page.plan.municipality_id),
      planOrganisationIds(app.db, page.plan.id),
    ]);
    const ctx = pageContext(request);
    const v = visitTexts(ctx.lang).visit;
    const notices: Record<string, string> = {
      created: v.created,
      held: v.heldNotice,
      followUp: v.followUpSaved,
      report: v.reportSaved,
      finished: v.reportFinished,
    };
    const query = request.query as { done?: string };
    return sendPage(
      reply,
      <VisitPageView
        ctx={ctx}
        coordinator={coordinator}
        page={page}
        measures={measures}
        // Next steps are owned by organisations taking part in the plan.
        organisations={organisations.filter((o) => organisationIds.includes(o.id))}
        notice={state ? undefined : notices[query.done ?? '']}
        state={state}
      />,
      status,
    );
  }

  app.get(
    '/coordinator/visits/:id',
    { schema: { params: visitParams, querystring: langQuery, response: html } },
    async (request, reply) => {
      const coordinator = await gate(request, reply);
      if (!coordinator) return reply;
      return visitPage(request, reply, coordinator, request.params.id);
    },
  );

  app.post(
    '/coordinator/visits/:id/hold',
    { schema: { params: visitParams, querystring: langQuery, body: Type.Object(csrf) } },
    async (request, reply) => {
      const coordinator = await gate(request, reply);
      if (!coordinator) return reply;
      await holdVisit(app.db, coordinator, request.params.id, today(), request.ip);
      const lang = pageContext(request).lang;
      return reply.redirect(coordinatorHref(`/coordinator/visits/${request.params.id}?done=held`, lang), 303);
    },
  );

  app.post(
    '/coordinator/visits/:id/follow-up',
    { schema: { params: visitParams, querystring: langQuery, body: followUpBody }, attachValidation: true },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const coordinator = await gate(request, reply);
      if (!coordinator) return reply;
      const values = unpack(request.body, ['findings', 'nextSteps']);
      const findings = filled(values, 'findings', findingRows, ['measureId', 'assessment', 'finding'], (r) =>
        Boolean(r.assessment || r.finding?.trim()),
      );
      const steps = filled(
        values,
        'nextSteps',
        nextStepRows,
        ['description', 'measureId', 'ownerOrganisationId', 'ownerRole', 'dueOn'],
        (r) =>
          Boolean(r.description?.trim() || r.ownerRole?.trim() || r.dueOn?.trim() || r.ownerOrganisationId),
      );
      const outcome = await recordFollowUp(
        app.db,
        coordinator,
        request.params.id,
        { findings: findings.map((f) => f.row), nextSteps: steps.map((s) => s.row) },
        values.confirmNames === 'on',
        today(),
        request.ip,
      );
      const lang = pageContext(request).lang;
      if (outcome.ok)
        return reply.redirect(
          coordinatorHref(`/coordinator/visits/${request.params.id}?done=followUp`, lang),
          303,
        );
      const state = failed('followUp', values, outcome, lang, {
        findings: findings.map((f) => f.at),
        nextSteps: steps.map((s) => s.at),
      });
      return visitPage(request, reply, coordinator, request.params.id, state, 400);
    },
  );

  app.post(
    '/coordinator/visits/:id/report',
    { schema: { params: visitParams, querystring: langQuery, body: reportBody }, attachValidation: true },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const coordinator = await gate(request, reply);
      if (!coordinator) return reply;
      const values = request.body as Values;
      const finish = values.finish === 'yes';
      const outcome = await saveReport(
        app.db,
        coordinator,
        request.params.id,
        values.report,
        finish,
        values.confirmNames === 'on',
        today(),
        request.ip,
      );
      const lang = pageContext(request).lang;
      if (outcome.ok)
        return reply.redirect(
          coordinatorHref(
            `/coordinator/visits/${request.params.id}?done=${finish ? 'finished' : 'report'}`,
            lang,
          ),
          303,
        );
      return visitPage(
        request,
        reply,
        coordinator,
        request.params.id,
        failed('report', values, outcome, lang),
        400,
      );
    },
  );

  app.get(
    '/coordinator/visits/:id/snapshot',
    { schema: { params: visitParams, querystring: langQuery, response: html } },
    async (request, reply) => {
      const coordinator = await gate(request, reply);
      if (!coordinator) return reply;
      const page = await visitInScope(app.db, coordinator.scope, request.params.id);
      if (!page?.snapshot) throw notFound();
      return sendPage(
        reply,
        <SnapshotPage
          ctx={pageContext(request)}
          page={page}
          snapshot={page.snapshot.snapshot as PlanSnapshot}
          digest={page.snapshot.digest}
        />,
      );
    },
  );
}
