import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import type { ExportJobView } from './export-jobs.ts';
import { registerReportingTexts } from './i18n/register-reporting.ts';

/** A job's progress: a progress bar with its words, refreshed by the server's Refresh header. */
export function ExportJobPage({ ctx, job }: { ctx: PageContext; job: ExportJobView }) {
  const tx = registerReportingTexts(ctx.lang).exportJob;
  const status =
    job.status === 'done'
      ? tx.done(job.total)
      : job.status === 'failed'
        ? tx.failed
        : job.total === 0
          ? tx.starting
          : tx.running(job.done, job.total);
  return (
    <Layout ctx={ctx} title={tx.title}>
      <p>
        <a href="/statistics">{tx.back}</a>
      </p>
      <h1>{tx.title}</h1>
      <div role="status" data-status={job.status}>
        <label for="export-progress">{status}</label>
        <progress
          id="export-progress"
          max={Math.max(job.total, 1)}
          value={job.status === 'done' ? Math.max(job.total, 1) : job.done}
        />
      </div>
      {job.status === 'done' ? (
        <p>
          <a
            class="button"
            href={`/statistics/export-jobs/${job.id}/file`}
            download={job.fileName ?? undefined}
          >
            {tx.download} ({job.format.toUpperCase()})
          </a>
        </p>
      ) : job.status === 'running' ? (
        <p>
          <span class="hint">{tx.refreshHint}</span>{' '}
          <a href={`/statistics/export-jobs/${job.id}`}>{tx.refresh}</a>
        </p>
      ) : null}
    </Layout>
  );
}
