import { CsrfField } from '../platform/layout/forms.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { registerReportingTexts } from './i18n/register-reporting.ts';

/**
 * The start page's way to the comparison values and the reporting to the state, and the form that
 * exports the page's tables in the background with a progress page (decision 0132).
 */
export function ReportingLinks({
  ctx,
  s,
}: {
  ctx: PageContext;
  s: { periodKey: string; unitId: string | null };
}) {
  const tx = registerReportingTexts(ctx.lang);
  return (
    <>
      <form method="post" action="/statistics/export-jobs" class="inline-form">
        <CsrfField token={ctx.csrf} />
        <input type="hidden" name="period" value={s.periodKey} />
        <input type="hidden" name="unit" value={s.unitId ?? ''} />
        <input type="hidden" name="table" value="units" />
        <input type="hidden" name="format" value="xlsx" />
        <button type="submit" class="button button--secondary">
          {tx.exportJob.start}
        </button>
      </form>
      <nav aria-label={tx.links}>
        <ul>
          <li>
            <a href="/statistics/comparison">{tx.comparison.title}</a>
          </li>
          <li>
            <a href="/statistics/reporting">{tx.register.title}</a>
          </li>
        </ul>
      </nav>
    </>
  );
}
