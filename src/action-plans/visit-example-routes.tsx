import { Type } from 'typebox';
import { fieldErrorTexts, warningTexts } from '../collaboration/messages.ts';
import { exampleBody } from '../good-practice/editor-routes.tsx';
import { type ExampleFormValues, exampleInputOf } from '../good-practice/form-values.ts';
import { goodPracticeTexts } from '../good-practice/i18n/index.ts';
import { ExampleFormPage } from '../good-practice/views/form-page.tsx';
import { withLang } from '../good-practice/views/shared.tsx';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { allowTextRefusals, Id, OptionalLine as line } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { pageContext } from '../platform/layout/page-context.ts';
import { startVisitExample, visitExampleDraft } from './visit-example.ts';
import { visitExampleTexts } from './visit-example-texts.ts';

const html = { 200: Type.String() };
const page = { preHandler: requireSignedInPage };
const query = Type.Object({ lang: line(5) });
const params = Type.Object({ id: Id, visitId: Id });

/** A follow-up visit's report started as a good example by the plan's owner (docs/decisions/0139). */
export async function visitExampleRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);
  const action = (planId: string, visitId: string) => `/action-plans/${planId}/visits/${visitId}/example`;

  app.get(
    '/action-plans/:id/visits/:visitId/example',
    { ...page, schema: { params, querystring: query, response: html } },
    async (request, reply) => {
      const ctx = pageContext(request);
      const { id, visitId } = request.params;
      const values = await visitExampleDraft(app.db, accessContext(request), id, visitId, ctx.lang);
      return sendPage(
        reply,
        <ExampleFormPage
          ctx={ctx}
          exampleId={null}
          values={values}
          action={action(id, visitId)}
          intro={visitExampleTexts(ctx.lang).intro}
        />,
      );
    },
  );

  app.post(
    '/action-plans/:id/visits/:visitId/example',
    { ...page, schema: { params, querystring: query, body: exampleBody }, attachValidation: true },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const ctx = pageContext(request);
      const { id, visitId } = request.params;
      const values = request.body as ExampleFormValues;
      const outcome = await startVisitExample(
        app.db,
        accessContext(request),
        id,
        visitId,
        exampleInputOf(values),
        values.confirmNames === 'on',
        today(),
      );
      if (outcome.ok)
        return reply.redirect(withLang(`/examples/editor/${outcome.exampleId}?done=saved`, ctx.lang), 303);
      const refusals = goodPracticeTexts(ctx.lang).refusals;
      return sendPage(
        reply,
        <ExampleFormPage
          ctx={ctx}
          exampleId={null}
          values={{ ...values, kind: 'visitReport' }}
          action={action(id, visitId)}
          intro={visitExampleTexts(ctx.lang).intro}
          errors={fieldErrorTexts(outcome.errors, ctx.lang, (code) => refusals[code])}
          warnings={warningTexts(outcome.warnings, ctx.lang)}
        />,
        400,
      );
    },
  );
}
