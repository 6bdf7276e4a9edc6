import type { Lang } from '../platform/i18n/i18n.ts';
import { reportingTexts } from './i18n/reporting.ts';

/** The start page's way to the comparison values and the reporting to the state. */
export function ReportingLinks({ lang }: { lang: Lang }) {
  const tx = reportingTexts(lang);
  return (
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
  );
}
