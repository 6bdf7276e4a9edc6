import { Type } from 'typebox';
import type { FieldError } from '../collaboration/form.ts';
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
import type { ForumInput } from './forum.ts';
import { forumTexts } from './i18n/index.ts';
import type { MeetingRecordInput } from './meetings.ts';
import {
  approveMinutes,
  closeAction,
  createForum,
  forumPage,
  meetingPage,
  myForums,
  newForumOptions,
  planMeeting,
  recordMeeting,
} from './service.ts';
import {
  type FormValues,
  ForumFormPage,
  ForumListPage,
  ForumOverviewPage,
  representativeRows,
} from './views/forum-pages.tsx';
import { actionRows, ForumMeetingPage } from './views/meeting-page.tsx';

const html = { 200: Type.String() };
const langQuery = Type.Object({ lang: line(5), done: line(40) });
const page = { preHandler: requireSignedInPage };
const token = Type.String({ maxLength: 100, pattern: '^[A-Za-z0-9]*$' });
const idList = Type.Optional(Type.Union([Id, Type.Array(Id, { maxItems: 50 })]));
const csrf = { _csrf: text(200), confirmNames: line(5) };
const maxRepresentatives = 40;

export const forumBody = Type.Object({
  name: text(5000),
  purpose: text(20_000),
  level: text(40),
  cadence: text(40),
  parentForumId: text(100),
  goalAreas: Type.Optional(Type.Union([token, Type.Array(token, { maxItems: 10 })])),
  /** Only `municipal` is accepted here: county and national forums are the coordinator's (0129). */
  reach: text(40),
  organisationIds: idList,
  ...Object.fromEntries(
    Array.from({ length: representativeRows }, (_, i) =>
      ['organisationId', 'userId', 'name', 'title', 'role'].map((f) => [`reps.${i}.${f}`, text(5000)]),
    ).flat(),
  ),
  ...csrf,
});
export const planBody = Type.Object({
  plannedOn: text(100),
  place: text(5000),
  newItems: text(20_000),
  ...csrf,
});
const recordBody = Type.Object({
  heldOn: text(100),
  minutes: text(40_000),
  decisions: text(40_000),
  ...Object.fromEntries(
    Array.from({ length: maxRepresentatives }, (_, i) =>
      ['representativeId', 'presence', 'substituteName'].map((f) => [`attendance.${i}.${f}`, text(5000)]),
    ).flat(),
  ),
  ...Object.fromEntries(
    Array.from({ length: actionRows }, (_, i) =>
      ['description', 'organisationId', 'person', 'dueOn'].map((f) => [`actions.${i}.${f}`, text(5000)]),
    ).flat(),
  ),
  ...csrf,
});
const actionBody = Type.Object({ to: text(40), note: text(5000), back: text(100), ...csrf });

export const one = (v: unknown) =>
  Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : undefined;
export const many = (v: unknown) => [v ?? []].flat().map(String);

function errorTexts(errors: readonly FieldError<string>[], lang: Lang) {
  const f = forumTexts(lang);
  return fieldErrorTexts(errors, lang, (code) => (f.refusals as Record<string, string>)[code]);
}

/** The form's flat rows as the forum's members with their representatives. */
export function forumInputOf(values: FormValues): ForumInput {
  const organisationIds = many(values.organisationIds);
  const reps = Array.from({ length: representativeRows }, (_, i) => ({
    organisationId: one(values[`reps.${i}.organisationId`]) ?? '',
    userId: one(values[`reps.${i}.userId`]),
    name: one(values[`reps.${i}.name`]),
    title: one(values[`reps.${i}.title`]),
    role: one(values[`reps.${i}.role`]),
  })).filter((r) => r.organisationId && r.name?.trim());
  return {
    name: one(values.name),
    purpose: one(values.purpose),
    level: one(values.level),
    cadence: one(values.cadence),
    parentForumId: one(values.parentForumId),
    goalAreas: many(values.goalAreas),
    members: organisationIds.map((organisationId) => ({
      organisationId,
      representatives: reps.filter((r) => r.organisationId === organisationId),
    })),
  };
}

/** Collaboration forums of the municipality (docs/decisions/0107). */
export async function forumRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);

  app.get(
    '/forums',
    { ...page, schema: { querystring: langQuery, response: html } },
    async (request, reply) => {
      const ctx = pageContext(request);
      const forums = await myForums(app.db, accessContext(request));
      return sendPage(
        reply,
        <ForumListPage ctx={ctx} forums={forums} canCreate={ctx.actor?.role === 'manager'} />,
      );
    },
  );

  app.get(
    '/forums/new',
    { ...page, schema: { querystring: langQuery, response: html } },
    async (request, reply) => {
      const options = await newForumOptions(app.db, accessContext(request));
      return sendPage(reply, <ForumFormPage ctx={pageContext(request)} options={options} values={{}} />);
    },
  );

  app.post(
    '/forums',
    { ...page, schema: { querystring: langQuery, body: forumBody }, attachValidation: true },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const ctx = pageContext(request);
      const values = request.body as FormValues;
      const input = forumInputOf(values);
      // A representative of an organisation that is not ticked as a member is not silently dropped.
      const ticked = new Set(many(values.organisationIds));
      const stray = Array.from({ length: representativeRows }, (_, i) => i).find((i) => {
        const org = one(values[`reps.${i}.organisationId`]);
        return org && !ticked.has(org);
      });
      const outcome =
        stray === undefined
          ? await createForum(
              app.db,
              accessContext(request),
              { ...input, reach: one(values.reach) },
              values.confirmNames === 'on',
              today(),
            )
          : {
              ok: false as const,
              errors: [{ field: `reps.${stray}.organisationId`, code: 'repOrganisationNotMember' }],
              warnings: [],
            };
      if (outcome.ok) return reply.redirect(withLang(`/forums/${outcome.id}?done=created`, ctx.lang), 303);
      const options = await newForumOptions(app.db, accessContext(request));
      return sendPage(
        reply,
        <ForumFormPage
          ctx={ctx}
          options={options}
          values={values}
          errors={errorTexts(outcome.errors as FieldError<string>[], ctx.lang)}
          warnings={warningTexts(outcome.warnings, ctx.lang)}
        />,
        400,
      );
    },
  );

  app.get(
    '/forums/:id',
    { ...page, schema: { params: Type.Object({ id: Id }), querystring: langQuery, response: html } },
    async (request, reply) => {
      const ctx = pageContext(request);
      const data = await forumPage(app.db, accessContext(request), request.params.id, today());
      const f = forumTexts(ctx.lang);
      const notice = { created: f.created, action: f.actionClosed }[request.query.done ?? ''];
      return sendPage(reply, <ForumOverviewPage ctx={ctx} page={data} notice={notice} />);
    },
  );

  app.post(
    '/forums/:id/meetings',
    {
      ...page,
      schema: { params: Type.Object({ id: Id }), querystring: langQuery, body: planBody },
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const ctx = pageContext(request);
      const b = request.body;
      const outcome = await planMeeting(
        app.db,
        accessContext(request),
        request.params.id,
        { plannedOn: b.plannedOn ?? '', place: b.place ?? '', newItems: b.newItems ?? '' },
        today(),
      );
      if (outcome.ok)
        return reply.redirect(
          withLang(`/forums/${request.params.id}/meetings/${outcome.id}?done=planned`, ctx.lang),
          303,
        );
      const data = await forumPage(app.db, accessContext(request), request.params.id, today());
      return sendPage(
        reply,
        <ForumOverviewPage ctx={ctx} page={data} errors={errorTexts(outcome.errors, ctx.lang)} />,
        400,
      );
    },
  );

  const meetingParams = Type.Object({ id: Id, meetingId: Id });
  app.get(
    '/forums/:id/meetings/:meetingId',
    { ...page, schema: { params: meetingParams, querystring: langQuery, response: html } },
    async (request, reply) => {
      const ctx = pageContext(request);
      const data = await meetingPage(
        app.db,
        accessContext(request),
        request.params.id,
        request.params.meetingId,
        today(),
      );
      const m = forumTexts(ctx.lang).meeting;
      const notice = {
        planned: m.planned,
        recorded: m.recorded,
        approved: m.approved,
        action: forumTexts(ctx.lang).actionClosed,
      }[request.query.done ?? ''];
      return sendPage(reply, <ForumMeetingPage ctx={ctx} page={data} notice={notice} />);
    },
  );

  app.post(
    '/forums/:id/meetings/:meetingId/record',
    {
      ...page,
      schema: { params: meetingParams, querystring: langQuery, body: recordBody },
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const ctx = pageContext(request);
      const values = request.body as FormValues;
      const { id, meetingId } = request.params;
      const input: MeetingRecordInput = {
        heldOn: one(values.heldOn),
        minutes: one(values.minutes),
        decisions: (one(values.decisions) ?? '').split(/\r?\n/),
        attendance: Array.from({ length: maxRepresentatives }, (_, i) => ({
          representativeId: one(values[`attendance.${i}.representativeId`]),
          presence: one(values[`attendance.${i}.presence`]),
          substituteName: one(values[`attendance.${i}.substituteName`]),
        })).filter((a) => a.representativeId),
        actions: Array.from({ length: actionRows }, (_, i) => ({
          description: one(values[`actions.${i}.description`]),
          organisationId: one(values[`actions.${i}.organisationId`]),
          person: one(values[`actions.${i}.person`]),
          dueOn: one(values[`actions.${i}.dueOn`]),
        })).filter((a) => a.description?.trim() || a.organisationId || a.dueOn?.trim()),
      };
      const outcome = await recordMeeting(
        app.db,
        accessContext(request),
        id,
        meetingId,
        input,
        values.confirmNames === 'on',
        today(),
      );
      if (outcome.ok)
        return reply.redirect(withLang(`/forums/${id}/meetings/${meetingId}?done=recorded`, ctx.lang), 303);
      const data = await meetingPage(app.db, accessContext(request), id, meetingId, today());
      const status = outcome.errors.some((e) => e.field === '_form') ? 409 : 400;
      return sendPage(
        reply,
        <ForumMeetingPage
          ctx={ctx}
          page={data}
          values={values}
          errors={errorTexts(outcome.errors, ctx.lang)}
          warnings={warningTexts(outcome.warnings, ctx.lang)}
        />,
        status,
      );
    },
  );

  app.post(
    '/forums/:id/meetings/:meetingId/approve',
    { ...page, schema: { params: meetingParams, querystring: langQuery, body: Type.Object(csrf) } },
    async (request, reply) => {
      const ctx = pageContext(request);
      const { id, meetingId } = request.params;
      const outcome = await approveMinutes(app.db, accessContext(request), id, meetingId, today());
      if (outcome.ok)
        return reply.redirect(withLang(`/forums/${id}/meetings/${meetingId}?done=approved`, ctx.lang), 303);
      const data = await meetingPage(app.db, accessContext(request), id, meetingId, today());
      return sendPage(
        reply,
        <ForumMeetingPage ctx={ctx} page={data} errors={errorTexts(outcome.errors, ctx.lang)} />,
        409,
      );
    },
  );

  app.post(
    '/forums/:id/actions/:actionId',
    {
      ...page,
      schema: { params: Type.Object({ id: Id, actionId: Id }), querystring: langQuery, body: actionBody },
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const ctx = pageContext(request);
      const { id, actionId } = request.params;
      const b = request.body;
      const outcome = await closeAction(
        app.db,
        accessContext(request),
        id,
        actionId,
        { to: b.to ?? '', note: b.note ?? '' },
        today(),
      );
      const back =
        b.back && /^[0-9a-f-]{36}$/.test(b.back) ? `/forums/${id}/meetings/${b.back}` : `/forums/${id}`;
      if (outcome.ok) return reply.redirect(withLang(`${back}?done=action`, ctx.lang), 303);
      const data = await forumPage(app.db, accessContext(request), id, today());
      return sendPage(
        reply,
        <ForumOverviewPage ctx={ctx} page={data} errors={errorTexts(outcome.errors, ctx.lang)} />,
        400,
      );
    },
  );
}
