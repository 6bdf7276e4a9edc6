import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { reportingTexts } from './i18n/reporting.ts';
import type { StoredSubmission, SubmissionRow } from './submission-store.ts';
import type { Difference } from './submissions.ts';
import { isSmall } from './suppression.ts';

/** The submissions to the state: the list, one submission, and its differences from the one before. */

/** A submission as listed; `mayPrepare`: the viewer may see its rows (and small counts). */
type Listed = Omit<StoredSubmission, 'payload'> & { mayPrepare: boolean };

/** A count of rows, hidden when 1–4 from whoever may not see the rows (decisions 0091, 0133). */
const rowCount = (s: Listed) => (!s.mayPrepare && isSmall(s.rowCount) ? '..' : String(s.rowCount));

const when = (d: Date, lang: 'sv' | 'en') =>
  new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(d);

export function SubmissionsPage({
  ctx,
  submissions,
}: {
  ctx: PageContext;
  /** Newest first; `difference` against the one of the same kind before (null: the first, or not shown). */
  submissions: readonly (Listed & { difference: Difference<SubmissionRow> | null })[];
}) {
  const tx = reportingTexts(ctx.lang).submissions;
  const compares = submissions.some((s) => s.mayPrepare);
  return (
    <Layout ctx={ctx} title={tx.title}>
      <h1>{tx.title}</h1>
      <p class="lead">{tx.intro}</p>
      {submissions.length === 0 ? (
        <p>{tx.none}</p>
      ) : (
        <section class="table-wrap" aria-label={tx.title} tabindex={0}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{tx.kind}</th>
                <th scope="col">{tx.period}</th>
                <th scope="col">{tx.submittedAt}</th>
                <th scope="col">{tx.submittedBy}</th>
                <th scope="col">{tx.rows}</th>
                {compares ? <th scope="col">{tx.comparedWithPrevious}</th> : null}
              </tr>
            </thead>
            <tbody>
              {submissions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <a href={`/statistics/submissions/${s.id}`}>
                      {tx.kinds[s.kind]} {s.periodKey}
                    </a>
                  </th>
                  <td>{s.periodKey}</td>
                  <td>{when(s.submittedAt, ctx.lang)}</td>
                  <td>{s.submittedBy}</td>
                  <td>{rowCount(s)}</td>
                  {compares ? (
                    <td>
                      {!s.mayPrepare ? (
                        '–'
                      ) : s.difference ? (
                        <a href={`/statistics/submissions/${s.id}/changes`}>
                          {tx.differenceSummary(
                            s.difference.added.length,
                            s.difference.removed.length,
                            s.difference.changed.length,
                            s.difference.unchanged,
                          )}
                        </a>
                      ) : (
                        tx.firstOfKind
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Layout>
  );
}

function RowsTable({
  caption,
  fields,
  rows,
}: {
  caption: string;
  fields: readonly string[];
  rows: readonly SubmissionRow[];
}) {
  return (
    <section class="table-wrap" aria-label={caption} tabindex={0}>
      <table class="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {fields.map((f) => (
              <th scope="col" key={f}>
                {f}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={String(i)}>
              {fields.map((f) => (
                <td key={f}>{r[f] === null || r[f] === undefined ? '–' : String(r[f])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Metadata({ ctx, s }: { ctx: PageContext; s: Listed }) {
  const tx = reportingTexts(ctx.lang).submissions;
  return (
    <dl class="definition-list">
      <dt>{tx.kind}</dt>
      <dd>{tx.kinds[s.kind]}</dd>
      <dt>{tx.period}</dt>
      <dd>{s.periodKey}</dd>
      <dt>{tx.submittedAt}</dt>
      <dd>{when(s.submittedAt, ctx.lang)}</dd>
      <dt>{tx.submittedBy}</dt>
      <dd>{s.submittedBy}</dd>
      <dt>{tx.rows}</dt>
      <dd>{rowCount(s)}</dd>
      <dt>{tx.sha}</dt>
      <dd>
        <code>{s.fileSha256}</code>
      </dd>
    </dl>
  );
}

export function SubmissionPage({
  ctx,
  submission,
  rows,
}: {
  ctx: PageContext;
  submission: Listed;
  /** Null when the viewer may not see the rows. */
  rows: { fields: string[]; rows: readonly SubmissionRow[] } | null;
}) {
  const tx = reportingTexts(ctx.lang).submissions;
  const title = `${tx.kinds[submission.kind]} ${submission.periodKey}`;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/statistics/submissions">{tx.back}</a>
      </p>
      <h1>{title}</h1>
      <Metadata ctx={ctx} s={submission} />
      {rows ? (
        <>
          <p>
            <a href={`/statistics/submissions/${submission.id}/changes`}>{tx.changes}</a>
          </p>
          <RowsTable caption={tx.rows} fields={rows.fields} rows={rows.rows} />
        </>
      ) : (
        <p class="hint">{tx.rowsHidden}</p>
      )}
    </Layout>
  );
}

export function ChangesPage({
  ctx,
  submission,
  previous,
  fields,
  difference,
}: {
  ctx: PageContext;
  submission: Listed;
  previous: Listed | null;
  fields: string[];
  difference: Difference<SubmissionRow>;
}) {
  const tx = reportingTexts(ctx.lang).submissions;
  const title = `${tx.changesTitle}: ${tx.kinds[submission.kind]} ${submission.periodKey}`;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/statistics/submissions/${submission.id}`}>
          {tx.kinds[submission.kind]} {submission.periodKey}
        </a>
      </p>
      <h1>{title}</h1>
      {previous ? (
        <p class="lead">{tx.previous(previous.periodKey, when(previous.submittedAt, ctx.lang))}</p>
      ) : (
        <p class="lead">{tx.noPrevious}</p>
      )}
      <h2>
        {tx.added} ({difference.added.length})
      </h2>
      {difference.added.length ? (
        <RowsTable caption={tx.added} fields={fields} rows={difference.added} />
      ) : null}
      <h2>
        {tx.removed} ({difference.removed.length})
      </h2>
      {difference.removed.length ? (
        <RowsTable caption={tx.removed} fields={fields} rows={difference.removed} />
      ) : null}
      <h2>
        {tx.changed} ({difference.changed.length})
      </h2>
      {difference.changed.map((c, i) => (
        <section class="table-wrap" key={String(i)} aria-label={`${tx.changed} ${i + 1}`} tabindex={0}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{tx.field}</th>
                <th scope="col">{tx.before}</th>
                <th scope="col">{tx.after}</th>
              </tr>
            </thead>
            <tbody>
              {c.fields.map((f) => (
                <tr key={f}>
                  <th scope="row">{f}</th>
                  <td>{String(c.before[f] ?? '–')}</td>
                  <td data-changed={f}>{String(c.after[f] ?? '–')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <p>{tx.unchanged(difference.unchanged)}</p>
    </Layout>
  );
}
