import { Notice, TextField } from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import type { UnitFigures } from '../domain.ts';
import { jointVisitsTexts } from '../i18n/index.ts';
import { formatMinutes } from '../messages.ts';
import type { VisitRow } from '../queries.ts';
import { at, consentStateOf } from './shared.tsx';

export function VisitListPage({
  ctx,
  rows,
  figures,
  notice,
  reference,
  referenceError,
}: {
  ctx: PageContext;
  rows: VisitRow[];
  figures: UnitFigures | null;
  notice?: string | undefined;
  reference?: string | undefined;
  referenceError?: string | undefined;
}) {
  const tx = jointVisitsTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={tx.title}>
      <h1>{tx.title}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <p>{tx.intro}</p>
      <section class="panel" aria-labelledby="new-heading">
        <h2 id="new-heading">{tx.newVisit}</h2>
        <form method="get" action="/joint-visits/new" novalidate>
          <TextField
            name="reference"
            label={tx.reportReference}
            hint={tx.findReportHint}
            value={reference}
            error={referenceError}
            maxLength={20}
            width="medium"
          />
          <button type="submit" class="button">
            {tx.findReport}
          </button>
        </form>
      </section>
      {figures ? <Figures ctx={ctx} figures={figures} /> : null}
      <h2 id="visits-heading">{tx.listHeading}</h2>
      {rows.length === 0 ? (
        <p>{tx.empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="table" aria-labelledby="visits-heading">
            <thead>
              <tr>
                <th scope="col">{tx.columns.visitAt}</th>
                <th scope="col">{tx.columns.child}</th>
                <th scope="col">{tx.columns.policeReference}</th>
                <th scope="col">{tx.columns.consent}</th>
                <th scope="col">{tx.columns.followUp}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`/joint-visits/${r.id}`}>{at(r.visit_at)}</a>
                  </td>
                  <td>
                    {r.given_name} {r.family_name}
                  </td>
                  <td>{r.police_reference}</td>
                  <td>{tx.consentShort[consentStateOf(r)]}</td>
                  <td>{r.follow_up_done_on ? tx.followedUpOn(r.follow_up_done_on) : r.follow_up_on}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

function Figures({ ctx, figures }: { ctx: PageContext; figures: UnitFigures }) {
  const tx = jointVisitsTexts(ctx.lang);
  const minutes = (m: number | null) => (m === null ? tx.noFigures : formatMinutes(m, ctx.lang));
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">{tx.figures}</h2>
      <dl class="summary-list">
        <dt>{tx.figuresVisits}</dt>
        <dd>{figures.visits}</dd>
        <dt>{tx.figuresMedianIncident}</dt>
        <dd>{minutes(figures.medianIncidentToVisit)}</dd>
        <dt>{tx.figuresMedianReport}</dt>
        <dd>
          {minutes(figures.medianReportToContact)} <span class="hint">{tx.figuresMedianReportHint}</span>
        </dd>
        <dt>{tx.figuresBeforeReport}</dt>
        <dd>{figures.contactBeforeReport}</dd>
        <dt>{tx.figuresConsent}</dt>
        <dd>{figures.withConsent}</dd>
        <dt>{tx.figuresSupport}</dt>
        <dd>{figures.supportAccepted}</dd>
      </dl>
    </section>
  );
}
