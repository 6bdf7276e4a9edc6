import { CsrfField, Notice } from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { registerReportingTexts } from './i18n/register-reporting.ts';
import type { ProducedRegister, SubmissionListing } from './register-service.ts';
import { isSmall } from './suppression.ts';

const stamp = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(d);

/** A count about children, hidden when small from whoever may not see the children (decision 0091). */
const count = (n: number, whole: boolean) => (!whole && isSmall(n) ? '..' : String(n));

function YearForm({ ctx, year, maxYear }: { ctx: PageContext; year: number; maxYear: number }) {
  const tx = registerReportingTexts(ctx.lang).register;
  return (
    <form method="get" action="/statistics/reporting/register" class="filter-form">
      <div class="field">
        <label for="year">{tx.yearLabel}</label>
        <input
          id="year"
          name="year"
          class="input input--short"
          inputMode="numeric"
          value={String(year)}
          maxLength={4}
          max={maxYear}
        />
      </div>
      <button type="submit" class="button">
        {tx.produce}
      </button>
    </form>
  );
}

export function ReportingPage({
  ctx,
  submissions,
  mayPrepare,
  year,
  maxYear,
  notice,
}: {
  ctx: PageContext;
  submissions: readonly SubmissionListing[];
  mayPrepare: boolean;
  year: number;
  maxYear: number;
  notice?: string | undefined;
}) {
  const tx = registerReportingTexts(ctx.lang).register;
  return (
    <Layout ctx={ctx} title={tx.title}>
      <h1>{tx.title}</h1>
      <p class="lead">{tx.intro}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      {mayPrepare ? <YearForm ctx={ctx} year={year} maxYear={maxYear} /> : <p>{tx.forManagers}</p>}
      <h2>{tx.submissions}</h2>
      {submissions.length === 0 ? (
        <p>{tx.noSubmissions}</p>
      ) : (
        <section class="table-wrap" aria-label={tx.submissions} tabindex={0}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{tx.year}</th>
                <th scope="col">{tx.submittedAt}</th>
                <th scope="col">{tx.submittedBy}</th>
                <th scope="col">{tx.rows}</th>
                {mayPrepare ? <th scope="col">{tx.changes}</th> : null}
                <th scope="col">{tx.hash}</th>
              </tr>
            </thead>
            <tbody>
              {submissions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.year}</th>
                  <td>{stamp(s.submittedAt)}</td>
                  <td>{s.submittedByName}</td>
                  <td>{count(s.rowCount, mayPrepare)}</td>
                  {mayPrepare ? (
                    <td>
                      {s.difference
                        ? tx.difference(
                            s.difference.added.length,
                            s.difference.removed.length,
                            s.difference.changed.length,
                            s.difference.unchanged,
                          )
                        : tx.firstSubmission}
                    </td>
                  ) : null}
                  <td>
                    <code class="hash">{s.fileSha256.slice(0, 16)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {mayPrepare ? null : <p class="hint">{tx.suppressedNote}</p>}
    </Layout>
  );
}

export function RegisterYearPage({
  ctx,
  produced,
  today,
  maxYear,
}: {
  ctx: PageContext;
  produced: ProducedRegister;
  today: string;
  maxYear: number;
}) {
  const tx = registerReportingTexts(ctx.lang).register;
  const { validation, year } = produced;
  const { fatal, error, warning } = validation.counts;
  return (
    <Layout ctx={ctx} title={tx.yearTitle(year)}>
      <p>
        <a href="/statistics/reporting">{tx.title}</a>
      </p>
      <h1>{tx.yearTitle(year)}</h1>
      <p class="lead">{tx.yearIntro(year, today)}</p>
      <YearForm ctx={ctx} year={year} maxYear={maxYear} />
      <p>{tx.summary(produced.records.length, produced.childCount)}</p>
      <p class="hint">{tx.layoutNote}</p>
      <h2>{tx.validation}</h2>
      <p data-counts={`${fatal} ${error} ${warning}`}>
        {tx.counts(fatal, error, warning)} {validation.mayBeSent ? tx.mayBeSent : tx.mayNotBeSent}
      </p>
      {validation.findings.length === 0 ? (
        <p>{tx.noFindings}</p>
      ) : (
        <section class="table-wrap" aria-label={tx.validation} tabindex={0}>
          <table class="table findings">
            <thead>
              <tr>
                <th scope="col">{tx.row}</th>
                <th scope="col">{tx.code}</th>
                <th scope="col">{tx.severity}</th>
                <th scope="col">{tx.field}</th>
                <th scope="col">{tx.message}</th>
                <th scope="col">{tx.placement}</th>
              </tr>
            </thead>
            <tbody>
              {validation.findings.map((f) => {
                const placementId = f.careId ? produced.placementOf(f.careId) : null;
                return (
                  <tr key={`${f.row}-${f.code}`} data-code={f.code} data-severity={f.severity}>
                    <th scope="row">{f.row === 0 ? tx.wholeFile : f.row}</th>
                    <td>{f.code}</td>
                    <td>{tx.severities[f.severity]}</td>
                    <td>
                      <code>{f.field}</code>
                    </td>
                    <td>{tx.rules[f.rule]}</td>
                    <td>
                      {placementId ? (
                        <a href={`/placements/${placementId}`}>
                          {tx.open}
                          <span class="visually-hidden"> {tx.onRow(f.row)}</span>
                        </a>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      {validation.mayBeSent ? (
        <p>
          <a
            class="button button--secondary"
            href={`/statistics/reporting/register/file?year=${year}`}
            download
          >
            {tx.download}
          </a>
        </p>
      ) : null}
      {validation.mayBeSent ? (
        <form method="post" action="/statistics/reporting/register" class="narrow">
          <CsrfField token={ctx.csrf} />
          <input type="hidden" name="year" value={String(year)} />
          <input type="hidden" name="sha256" value={produced.fileSha256} />
          <p class="hint">{tx.submitHint}</p>
          <button type="submit" class="button">
            {tx.submit}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}
