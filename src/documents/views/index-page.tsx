import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import {
  applicationAnswers,
  caseReference,
  choiceKey,
  type DocumentKind,
  dispatchMethods,
} from '../domain.ts';
import { documentsTexts } from '../i18n/index.ts';
import type { DocumentsView } from '../service.ts';

export type Values = Record<string, string | undefined>;

/** The case's documents: each to print, what the letters need to know, and the record of sending. */
export function DocumentsIndexPage({
  ctx,
  view,
  can,
  notice,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: DocumentsView;
  can: { dispatch: boolean; details: boolean };
  notice?: string | undefined;
  errors?: FieldErrors;
  values?: Values;
}) {
  const d = documentsTexts(ctx.lang);
  const k = view.case;
  const name = `${view.child.given_name} ${view.child.family_name}`;
  const base = `/documents/cases/${k.id}`;
  const kindName = (kind: DocumentKind) => d.kinds[kind];
  const hasDecisionText = k.conclusion_text !== null || k.decided_on !== null;
  return (
    <Layout ctx={ctx} title={d.title(name)}>
      <p>
        <a href={`/cases/${k.id}`}>{d.backToCase}</a>
      </p>
      <h1>{d.title(name)}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      <dl class="summary-list">
        <dt>{d.caseReference}</dt>
        <dd>{caseReference(k)}</dd>
        <dt>{d.child}</dt>
        <dd>
          <a href={`/people/${view.child.id}`}>{name}</a>
        </dd>
        <dt>{d.responsible}</dt>
        <dd>{view.responsibleName ?? d.notSet}</dd>
      </dl>

      <h2 id="documents-heading">{d.documentsTitle}</h2>
      {view.choices.length === 0 ? (
        <p>{d.noDocuments}</p>
      ) : (
        <section class="table-wrap" aria-labelledby="documents-heading" tabindex={0}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{d.document}</th>
                <th scope="col">{d.recipient}</th>
                <th scope="col">{d.date}</th>
              </tr>
            </thead>
            <tbody>
              {view.choices.map((c) => {
                const [rk, rid] = c.recipient.split(':');
                return (
                  <tr key={choiceKey(c)}>
                    <td>
                      <a href={`${base}/${c.kind}/${rk}/${rid}`}>
                        {kindName(c.kind)}
                        <span class="visually-hidden">, {c.recipientName}</span>
                      </a>
                    </td>
                    <td>{c.recipientName}</td>
                    <td>{c.date}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      {can.details && hasDecisionText ? (
        <section class="panel" aria-labelledby="details-heading">
          <h2 id="details-heading">{d.detailsTitle}</h2>
          <p>{d.detailsIntro}</p>
          <form method="post" action={`${base}/details`} novalidate>
            <CsrfField token={ctx.csrf} />
            <TextArea
              name="proposal"
              label={d.proposal}
              hint={d.proposalHint}
              value={values.proposal ?? view.details?.proposal}
              error={errors.proposal}
              maxLength={20_000}
            />
            <RadioGroup
              name="application"
              legend={d.application}
              value={values.application ?? view.details?.application}
              error={errors.application}
              options={applicationAnswers.map((a) => [a, d.applicationAnswers[a]] as const)}
            />
            <TextArea
              name="appliedFor"
              label={d.appliedFor}
              value={values.appliedFor ?? view.details?.applied_for}
              error={errors.appliedFor}
              maxLength={20_000}
              rows={2}
            />
            <button type="submit" class="button button--secondary">
              {d.saveDetails}
            </button>
          </form>
        </section>
      ) : null}

      <section>
        <h2 id="dispatches-heading">{d.dispatchesTitle}</h2>
        {view.dispatches.length === 0 ? (
          <p>{d.noDispatches}</p>
        ) : (
          <section class="table-wrap" aria-labelledby="dispatches-heading" tabindex={0}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{d.date}</th>
                  <th scope="col">{d.document}</th>
                  <th scope="col">{d.recipient}</th>
                  <th scope="col">{d.method}</th>
                  <th scope="col">{d.recordedBy}</th>
                </tr>
              </thead>
              <tbody>
                {view.dispatches.map((x) => (
                  <tr key={x.id}>
                    <td>{x.sent_on}</td>
                    <td>
                      {kindName(x.document_kind)}
                      {x.note ? <p class="hint prewrap">{x.note}</p> : null}
                    </td>
                    <td>{x.recipient_name}</td>
                    <td>{d.methods[x.method]}</td>
                    <td>{x.recorded_by_name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>

      {can.dispatch && view.choices.length ? (
        <section class="panel" aria-labelledby="dispatch-heading">
          <h2 id="dispatch-heading">{d.dispatchTitle}</h2>
          <form method="post" action={`${base}/dispatches`} novalidate>
            <CsrfField token={ctx.csrf} />
            <SelectField
              name="document"
              label={d.dispatchDocument}
              value={values.document}
              error={errors.document}
              options={[
                ['', d.chooseOne],
                ...view.choices.map(
                  (c) => [choiceKey(c), `${kindName(c.kind)} – ${c.recipientName}`] as const,
                ),
              ]}
            />
            <RadioGroup
              name="method"
              legend={d.method}
              value={values.method}
              error={errors.method}
              options={dispatchMethods.map((m) => [m, d.methods[m]] as const)}
            />
            <TextField
              name="sentOn"
              label={d.sentOn}
              hint={d.sentOnHint}
              value={values.sentOn ?? view.today}
              error={errors.sentOn}
              width="medium"
              maxLength={10}
            />
            <TextArea
              name="note"
              label={d.note}
              hint={d.noteHint}
              value={values.note}
              error={errors.note}
              maxLength={1000}
              rows={2}
            />
            <button type="submit" class="button">
              {d.recordDispatch}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
