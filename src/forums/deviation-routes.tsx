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
import { deviationStep, deviationsPage, reportDeviation } from './deviation-service.ts';
import { deviationTexts } from './deviation-texts.ts';
import { type DeviationFormState, DeviationsPageView } from './views/deviation-page.tsx';

const html = { 200: Type.String() };
const page = { preHandler: requireSignedInPage };
const query = Type.Object({ lang: line(5), done: line(40), quarter: line(10) });
const params = Type.Object({ id: Id });
const stepParams = Type.Object({ id: Id, deviationId: Id });
const csrf = { _csrf: text(200) };
const confirm = { confirmNames: line(5) };
const reportBody = Type.Object({
  counterpartOrganisationId: text(100),
  occurredOn: text(100),
  category: text(100),
  description: text(20_000),
  suggestion: text(20_000),
  ...confirm,
  ...csrf,
});
const answerBody = Type.Object({ answer: text(20_000), ...confirm, ...csrf });

function failed(
  form: string,
  values: Record<string, string | undefined>,
  outcome: { errors: readonly FieldError<string>[]; warnings: readonly FieldWarning[] },
  lang: Lang,
  rename: (field: string) => string = (field) => field,
): DeviationFormState {
  const own = deviationTexts(lang).refusals;
  const texts = fieldErrorTexts(outcome.errors, lang, (code) => own[code]);
  const errors = Object.fromEntries(
    Object.entries(texts).map(([field, message]) => [field === '_form' ? field : rename(field), message]),
  );
  return { form, values, errors, warnings: warningTexts(outcome.warnings, lang) };
}

/** A forum's collaboration deviations (docs/decisions/0135). */
export async function deviationRoutes(app: App): Promise<void> {
  const today = () => todayFor(app.config);
  const notices = (lang: Lang): Record<string, string> => {
    const d = deviationTexts(lang);
    return { reported: d.reported, answer: d.answered, review: d.reviewed, close: d.closed };
  };

  app.get(
    '/forums/:id/deviations',
    { ...page, schema: { params, querystring: query, response: html } },
    async (request, reply) => {
      const data = await deviationsPage(
        app.db,
        accessContext(request),
        request.params.id,
        today(),
        request.query.quarter,
      );
      const ctx = pageContext(request);
      return sendPage(
        reply,
        <DeviationsPageView ctx={ctx} page={data} notice={notices(ctx.lang)[request.query.done ?? '']} />,
      );
    },
  );

  app.post(
    '/forums/:id/deviations',
    { ...page, schema: { params, querystring: query, body: reportBody }, attachValidation: true },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      const values = request.body as Record<string, string | undefined>;
      const ctx = pageContext(request);
      const outcome = await reportDeviation(
        app.db,
        accessContext(request),
        request.params.id,
        values,
        values.confirmNames === 'on',
        today(),
      );
      if (outcome.ok)
        return reply.redirect(
          withLang(`/forums/${request.params.id}/deviations?done=reported`, ctx.lang),
          303,
        );
      const data = await deviationsPage(
        app.db,
        accessContext(request),
        request.params.id,
        today(),
        undefined,
      );
      const wrongState = outcome.errors.some((e) => e.field === '_form');
      return sendPage(
        reply,
        <DeviationsPageView ctx={ctx} page={data} state={failed('report', values, outcome, ctx.lang)} />,
        wrongState ? 409 : 400,
      );
    },
  );

  for (const step of ['answer', 'review', 'close'] as const)
    app.post(
      `/forums/:id/deviations/:deviationId/${step}`,
      {
        ...page,
        schema: {
          params: stepParams,
          querystring: query,
          body: step === 'answer' ? answerBody : Type.Object(csrf),
        },
        attachValidation: true,
      },
      async (request, reply) => {
        allowTextRefusals(request.validationError);
        const { id, deviationId } = request.params;
        const values = request.body as Record<string, string | undefined>;
        const ctx = pageContext(request);
        const outcome = await deviationStep(
          app.db,
          accessContext(request),
          id,
          deviationId,
          step,
          values.answer,
          values.confirmNames === 'on',
          today(),
        );
        if (outcome.ok)
          return reply.redirect(withLang(`/forums/${id}/deviations?done=${step}`, ctx.lang), 303);
        const data = await deviationsPage(app.db, accessContext(request), id, today(), undefined);
        const wrongState = outcome.errors.some((e) => e.field === '_form');
        return sendPage(
          reply,
          <DeviationsPageView
            ctx={ctx}
            page={data}
            state={failed(deviationId, values, outcome, ctx.lang, (field) => `${field}-${deviationId}`)}
          />,
          wrongState ? 409 : 400,
        );
      },
    );
}
