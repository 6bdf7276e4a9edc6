import { GuardWarnings } from '../../collaboration/guard-warnings.tsx';
import { collaborationTexts } from '../../collaboration/i18n/index.ts';
import { withLang } from '../../good-practice/views/shared.tsx';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import type { DeviationsPage } from '../deviation-service.ts';
import { deviationTexts } from '../deviation-texts.ts';
import { answerOverdue, deviationCategories } from '../deviations.ts';

export interface DeviationFormState {
  /** 'report', or the id of the deviation whose answer was refused. */
  form: string;
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  warnings: string[];
}

/** A forum's collaboration deviations: the quarter's review, the list, the forms. */
export function DeviationsPageView({
  ctx,
  page,
  notice,
  state = null,
}: {
  ctx: PageContext;
  page: DeviationsPage;
  notice?: string | undefined;
  state?: DeviationFormState | null;
}) {
  const d = deviationTexts(ctx.lang);
  const base = `/forums/${page.forum.id}/deviations`;
  const org = (id: string) => page.organisations.find((o) => o.id === id)?.name ?? '–';
  const reportState = state?.form === 'report' ? state : null;
  const values = reportState?.values ?? {};
  const errors = reportState?.errors ?? {};
  const { review } = page;
  const warned = (s: DeviationFormState | null) =>
    s?.warnings.length ? (
      <>
        <GuardWarnings ctx={ctx} warnings={s.warnings} />
        <Checkbox name="confirmNames" label={collaborationTexts(ctx.lang).confirmNames} />
      </>
    ) : null;
  return (
    <Layout ctx={ctx} title={`${d.title} – ${page.forum.name}`}>
      <p>
        <a href={withLang(`/forums/${page.forum.id}`, ctx.lang)}>{d.back}</a>
      </p>
      <h1>
        {d.title} – {page.forum.name}
      </h1>
      {notice ? <Notice>{notice}</Notice> : null}
      {state ? <ErrorSummary t={ctx.t} errors={state.errors} /> : null}
      <p>{d.intro}</p>

      <section aria-labelledby="quarter">
        <h2 id="quarter">{d.quarter(review.quarter)}</h2>
        <p class="hint">{d.quarterHint}</p>
        {review.deviations.length === 0 ? (
          <p>{d.noneDue}</p>
        ) : (
          <>
            <h3>{d.byCategory}</h3>
            <ul>
              {review.byCategory.map((c) => (
                <li key={c.category}>
                  {d.categories[c.category]}: {c.count}
                </li>
              ))}
            </ul>
            <h3>{d.byPair}</h3>
            <ul>
              {review.byPair.map((p) => (
                <li key={p.organisationIds.join()}>
                  {p.organisationIds.map(org).join(' – ')}: {p.count}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="all">
        <h2 id="all">{d.all}</h2>
        {page.deviations.length === 0 ? <p>{d.none}</p> : null}
        <ul class="item-list">
          {page.deviations.map((x) => {
            const answering = state?.form === x.id ? state : null;
            const late = answerOverdue(
              {
                id: x.id,
                reportedOn: x.reported_on,
                status: x.status,
                category: x.category,
                reportingOrganisationId: x.reporting_organisation_id,
                counterpartOrganisationId: x.counterpart_organisation_id,
              },
              page.today,
            );
            return (
              <li key={x.id}>
                <p>
                  <strong>{d.categories[x.category]}</strong> <span class="tag">{d.statuses[x.status]}</span>{' '}
                  {late ? <span class="tag tag--warning">{d.unansweredLate}</span> : null}
                </p>
                <p>
                  {d.from(org(x.reporting_organisation_id), org(x.counterpart_organisation_id))} ·{' '}
                  {d.occurredOn(x.occurred_on)}, {d.reportedOn(x.reported_on)}
                </p>
                <p class="pre-line">{x.description}</p>
                {x.suggestion ? <p class="pre-line">{`${d.suggestionIs}: ${x.suggestion}`}</p> : null}
                {x.answer ? (
                  <p class="pre-line">{`${d.answerIs(x.answered_on ?? '')}: ${x.answer}`}</p>
                ) : null}
                {x.status === 'reported' && page.ownOrganisation === x.counterpart_organisation_id ? (
                  <form
                    method="post"
                    action={withLang(`${base}/${x.id}/answer`, ctx.lang)}
                    class="stack-form"
                  >
                    <CsrfField token={ctx.csrf} />
                    <TextArea
                      id={`answer-${x.id}`}
                      name="answer"
                      label={d.fields.answer}
                      value={answering?.values.answer}
                      error={answering?.errors[`answer-${x.id}`]}
                      rows={3}
                    />
                    {warned(answering)}
                    <button type="submit" class="button">
                      {d.answer}
                    </button>
                  </form>
                ) : null}
                {page.canReview &&
                (x.status === 'reported' || x.status === 'answered' || x.status === 'reviewed') ? (
                  <form
                    method="post"
                    action={withLang(
                      `${base}/${x.id}/${x.status === 'reviewed' ? 'close' : 'review'}`,
                      ctx.lang,
                    )}
                    class="inline-form"
                  >
                    <CsrfField token={ctx.csrf} />
                    <button type="submit" class="button button--secondary button--small">
                      {x.status === 'reviewed' ? d.closeButton : d.reviewButton}
                    </button>
                  </form>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      {page.canReport ? (
        <form method="post" action={withLang(base, ctx.lang)} class="stack-form">
          <h2>{d.report}</h2>
          <CsrfField token={ctx.csrf} />
          <SelectField
            id="counterpartOrganisationId"
            name="counterpartOrganisationId"
            label={d.fields.counterpartOrganisationId}
            value={values.counterpartOrganisationId}
            options={[
              ['', d.choose],
              ...page.organisations
                .filter((o) => o.id !== page.ownOrganisation)
                .map((o) => [o.id, o.name] as const),
            ]}
            error={errors.counterpartOrganisationId}
          />
          <TextField
            id="occurredOn"
            name="occurredOn"
            label={d.fields.occurredOn}
            value={values.occurredOn}
            error={errors.occurredOn}
          />
          <SelectField
            id="category"
            name="category"
            label={d.fields.category}
            value={values.category}
            options={[['', d.choose], ...deviationCategories.map((c) => [c, d.categories[c] ?? c] as const)]}
            error={errors.category}
          />
          <TextArea
            id="description"
            name="description"
            label={d.fields.description}
            value={values.description}
            error={errors.description}
            rows={5}
          />
          <TextArea
            id="suggestion"
            name="suggestion"
            label={d.fields.suggestion}
            value={values.suggestion}
            error={errors.suggestion}
            rows={3}
          />
          {warned(reportState)}
          <button type="submit" class="button">
            {d.send}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}
