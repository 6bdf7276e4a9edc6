import type { Lang } from '../../platform/i18n/i18n.ts';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import type { PoliceSummary } from '../domain.ts';
import { jointVisitsTexts } from '../i18n/index.ts';
import { at, FrameList } from './shared.tsx';

/** The parts of a summary beyond its frame, each only when the consent names it. */
export function SummaryDetails({ lang, summary }: { lang: Lang; summary: PoliceSummary }) {
  const tx = jointVisitsTexts(lang);
  return (
    <>
      <FrameList lang={lang} frame={summary} />
      <dl class="summary-list">
        {'summary' in summary ? (
          <>
            <dt>{tx.policeSummary}</dt>
            <dd>{summary.summary || '–'}</dd>
          </>
        ) : null}
        {summary.support ? (
          <>
            <dt>{tx.supportOffered}</dt>
            <dd>
              {summary.support.offered || '–'}
              {summary.support.response ? ` (${tx.supportResponses[summary.support.response]})` : ''}
            </dd>
          </>
        ) : null}
        {summary.followUpOn ? (
          <>
            <dt>{tx.followUp}</dt>
            <dd>{tx.followUpDue(summary.followUpOn)}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}

export function PoliceListPage({ ctx, summaries }: { ctx: PageContext; summaries: PoliceSummary[] }) {
  const tx = jointVisitsTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={tx.policeTitle}>
      <h1>{tx.policeTitle}</h1>
      <p>{tx.policeIntro}</p>
      {summaries.length === 0 ? (
        <p>{tx.policeEmpty}</p>
      ) : (
        <ul class="plain-list">
          {summaries.map((s) => (
            <li key={s.id}>
              <a href={`/joint-visits/${s.id}/summary`}>{tx.summaryFor(s.policeReference)}</a> –{' '}
              {at(s.visitAt)}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function PoliceSummaryPage({ ctx, summary }: { ctx: PageContext; summary: PoliceSummary }) {
  const tx = jointVisitsTexts(ctx.lang);
  const title = tx.summaryFor(summary.policeReference);
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/joint-visits">{tx.policeTitle}</a>
      </p>
      <h1>{title}</h1>
      <p>{tx.policeIntro}</p>
      <SummaryDetails lang={ctx.lang} summary={summary} />
    </Layout>
  );
}
