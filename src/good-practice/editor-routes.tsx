import { Type } from 'typebox';
import { fieldErrorTexts, warningTexts } from '../collaboration/messages.ts';
import { ensureAllowed } from '../platform/access/scope.ts';
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
import type { ModerationStep } from './comments.ts';
import type { ExampleStep } from './examples.ts';
import { type ExampleFormValues, exampleFieldNames, exampleInputOf, formValuesOf } from './form-values.ts';
import { goodPracticeTexts } from './i18n/index.ts';
import {
  createExample,
  editorOverview,
  exampleForEditor,
  moderateComment,
  type SaveOutcome,
  takeExampleStep,
  updateExample,
} from './service.ts';
import { EditorExamplePage, EditorOverviewPage } from './views/editor-pages.tsx';
import { ExampleFormPage } from './views/form-page.tsx';
import { withLang } from './views/shared.tsx';

const html = { 200: Type.String() };
const langQuery = Type.Object({ lang: line(5), done: line(40) });
const idParams = Type.Object({ id: Id });
// The personal data here is the commenters' e-mail addresses on the overview (audited there).
const personal = { preHandler: requireSignedInPage, config: { personalData: true } };
const signedIn = { preHandler: requireSignedInPage };

// Generous limits at the edge: a too-long text gets its own message from validation.
export const exampleBody = Type.Object(
  {
    ...Object.fromEntries(exampleFieldNames().map((name) => [name, text(20_000)])),
    themes: Type.Optional(Type.Union([Token(100), Type.Array(Token(100), { maxItems: 30 })])),
    targetGroups: Type.Optional(Type.Union([Token(100), Type.Array(Token(100), { maxItems: 30 })])),
    _csrf: text(200),
  },
  { additionalProperties: false },
);
/** A choice among the form's ids (themes, target groups): letters and digits only. */
function Token(max: number) {
  return Type.String({ maxLength: max, pattern: '^[A-Za-z0-9]*$' });
}
const stepBody = Type.Object({
  step: Type.Union(stepNames().map((s) => Type.Literal(s))),
  note: text(2000),
  _csrf: text(200),
});
const moderationBody = Type.Object({
  step: Type.Union([Type.Literal('approve'), Type.Literal('reject'), Type.Literal('remove')]),
  reason: text(2000),
  _csrf: text(200),
});

function stepNames(): ExampleStep[] {
  return ['submit', 'publish', 'returnToDraft', 'confirmCurrent', 'withdraw'];
}

function formErrors(outcome: Extract<SaveOutcome, { ok: false }>, lang: Lang) {
  const refusals = goodPracticeTexts(lang).refusals;
  return {
    errors: fieldErrorTexts(outcome.errors, lang, (code) => refusals[code]),
    warnings: warningTexts(outcome.warnings, lang),
  };
}

/** Writing, reviewing and publishing examples, and moderating comments (docs/decisions/0105). */
export async function goodPracticeEditorRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);

  app.get(
    '/examples/editor',
    { ...personal, schema: { querystring: langQuery, response: html } },
    async (request, reply) => {
      const ctx = pageContext(request);
      const overview = await editorOverview(app.db, accessContext(request), today());
      const done = request.query.done;
      const notice =
        done === 'approve' || done === 'reject'
          ? goodPracticeTexts(ctx.lang).comments.states[done === 'approve' ? 'approved' : 'rejected']
          : undefined;
      return sendPage(reply, <EditorOverviewPage ctx={ctx} overview={overview} notice={notice} />);
    },
  );

  app.get(
    '/examples/editor/new',
    { ...signedIn, schema: { querystring: langQuery, response: html } },
    async (request, reply) => {
      ensureAllowed(request.actor, 'example.write', {
        type: 'goodPractice',
        municipalityId: request.actor?.municipalityId ?? '',
        state: null,
        authorUserId: null,
        authorOrganisationKey: null,
        actorIsEditor: false,
      });
      return sendPage(
        reply,
        <ExampleFormPage ctx={pageContext(request)} exampleId={null} values={{ kind: 'example' }} />,
      );
    },
  );

  app.post(
    '/examples/editor',
    { ...signedIn, schema: { querystring: langQuery, body: exampleBody }, attachValidation: true },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const ctx = pageContext(request);
      const values = request.body as ExampleFormValues;
      const outcome = await createExample(
        app.db,
        accessContext(request),
        exampleInputOf(values),
        values.confirmNames === 'on',
        today(),
      );
      if (outcome.ok)
        return reply.redirect(withLang(`/examples/editor/${outcome.exampleId}?done=saved`, ctx.lang), 303);
      return sendPage(
        reply,
        <ExampleFormPage ctx={ctx} exampleId={null} values={values} {...formErrors(outcome, ctx.lang)} />,
        400,
      );
    },
  );

  app.get(
    '/examples/editor/:id',
    { ...signedIn, schema: { params: idParams, querystring: langQuery, response: html } },
    async (request, reply) => {
      const ctx = pageContext(request);
      const data = await exampleForEditor(app.db, accessContext(request), request.params.id);
      const e = goodPracticeTexts(ctx.lang).editor;
      const done = request.query.done;
      const notice =
        done === 'saved' ? e.saved : done && done in e.stepDone ? e.stepDone[done as ExampleStep] : undefined;
      return sendPage(reply, <EditorExamplePage ctx={ctx} data={data} notice={notice} today={today()} />);
    },
  );

  app.get(
    '/examples/editor/:id/edit',
    { ...signedIn, schema: { params: idParams, querystring: langQuery, response: html } },
    async (request, reply) => {
      const ctx = pageContext(request);
      const data = await exampleForEditor(app.db, accessContext(request), request.params.id);
      const latest = data.revisions[0]!;
      return sendPage(
        reply,
        <ExampleFormPage ctx={ctx} exampleId={latest.id} values={formValuesOf(latest)} />,
      );
    },
  );

  app.post(
    '/examples/editor/:id/edit',
    {
      ...signedIn,
      schema: { params: idParams, querystring: langQuery, body: exampleBody },
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const ctx = pageContext(request);
      const values = request.body as ExampleFormValues;
      const outcome = await updateExample(
        app.db,
        accessContext(request),
        request.params.id,
        exampleInputOf(values),
        values.confirmNames === 'on',
        today(),
      );
      if (outcome.ok)
        return reply.redirect(withLang(`/examples/editor/${request.params.id}?done=saved`, ctx.lang), 303);
      if ('refusal' in outcome) {
        const data = await exampleForEditor(app.db, accessContext(request), request.params.id);
        const error = goodPracticeTexts(ctx.lang).editor.stepRefusals.wrongState;
        return sendPage(
          reply,
          <EditorExamplePage ctx={ctx} data={data} error={error} today={today()} />,
          409,
        );
      }
      return sendPage(
        reply,
        <ExampleFormPage
          ctx={ctx}
          exampleId={request.params.id}
          values={values}
          {...formErrors(outcome, ctx.lang)}
        />,
        400,
      );
    },
  );

  app.post(
    '/examples/editor/:id/steps',
    { ...signedIn, schema: { params: idParams, querystring: langQuery, body: stepBody } },
    async (request, reply) => {
      const ctx = pageContext(request);
      const { step } = request.body;
      const outcome = await takeExampleStep(
        app.db,
        accessContext(request),
        request.params.id,
        step,
        request.body.note ?? '',
        today(),
      );
      if (outcome.ok)
        return reply.redirect(withLang(`/examples/editor/${request.params.id}?done=${step}`, ctx.lang), 303);
      const data = await exampleForEditor(app.db, accessContext(request), request.params.id);
      const error = goodPracticeTexts(ctx.lang).editor.stepRefusals[outcome.refusal];
      return sendPage(reply, <EditorExamplePage ctx={ctx} data={data} error={error} today={today()} />, 409);
    },
  );

  app.post(
    '/examples/editor/comments/:id',
    { ...signedIn, schema: { params: idParams, querystring: langQuery, body: moderationBody } },
    async (request, reply) => {
      const ctx = pageContext(request);
      const step: ModerationStep = request.body.step;
      const outcome = await moderateComment(
        app.db,
        accessContext(request),
        request.params.id,
        step,
        request.body.reason ?? '',
      );
      if (outcome.ok) return reply.redirect(withLang(`/examples/editor?done=${step}#pending`, ctx.lang), 303);
      const g = goodPracticeTexts(ctx.lang);
      const message =
        outcome.refusal === 'reasonRequired'
          ? g.comments.reasonRequired
          : outcome.refusal === 'notAnEditor'
            ? g.denyReasons.notAnEditor
            : g.editor.stepRefusals.wrongState;
      const overview = await editorOverview(app.db, accessContext(request), today());
      return sendPage(reply, <EditorOverviewPage ctx={ctx} overview={overview} notice={message} />, 409);
    },
  );
}
