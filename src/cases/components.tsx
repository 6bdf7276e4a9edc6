import type { Urgency } from '../deadlines/deadlines.ts';
import { formatReference } from '../deadlines/deadlines.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import type { CaseDeadline, OpenDeadline } from './domain.ts';
import { casesTexts } from './i18n/index.ts';

/** How urgent a deadline looks: a table, so a new urgency is a compile error until it has its look. */
const urgencyTag: Record<Urgency, string> = {
  overdue: 'tag tag--urgent',
  dueToday: 'tag tag--urgent',
  dueSoon: 'tag tag--warning',
  later: 'tag',
};

/** Days left, or how late: the words a worklist and a case page use for a deadline. */
export function TimeLeft({ lang, item }: { lang: Lang; item: Pick<OpenDeadline, 'daysLeft'> }) {
  const tx = casesTexts(lang);
  return <>{item.daysLeft < 0 ? tx.overdue(-item.daysLeft) : tx.daysLeft(item.daysLeft)}</>;
}

export function UrgencyTag({ lang, item }: { lang: Lang; item: Pick<OpenDeadline, 'urgency' | 'daysLeft'> }) {
  return (
    <span class={urgencyTag[item.urgency]}>
      <TimeLeft lang={lang} item={item} />
    </span>
  );
}

/** One deadline: what is required, by when (and why the date moved), the law in force. */
export function DeadlineText({ lang, d }: { lang: Lang; d: CaseDeadline }) {
  const tx = casesTexts(lang);
  const { deadline } = d;
  return (
    <>
      <strong>{tx.rules[deadline.ruleId]}</strong>: {tx.due}{' '}
      <span class="due-date" data-rule={deadline.ruleId} data-due={deadline.dueDate}>
        {deadline.dueDate}
      </span>
      {deadline.moved ? <> ({tx.movedFrom(deadline.statutoryDate)})</> : null}
      {deadline.extended ? <> ({tx.extendedNote})</> : null}{' '}
      <span class="legal-ref">
        {tx.legalRef}: {formatReference(deadline.reference)}
      </span>
    </>
  );
}

export function DeadlineList({
  lang,
  deadlines,
  open,
  references,
}: {
  lang: Lang;
  deadlines: readonly CaseDeadline[];
  open: readonly OpenDeadline[];
  /** Report references by report id: a case with several reports says whose deadline each is. */
  references?: ReadonlyMap<string, string>;
}) {
  const tx = casesTexts(lang);
  if (deadlines.length === 0) return <p>{tx.noDeadlines}</p>;
  const openByKey = new Map(open.map((o) => [o.key, o]));
  return (
    <ul class="deadline-list">
      {deadlines.map((d) => {
        const o = openByKey.get(d.key);
        return (
          <li key={d.key} class={o ? `urgency--${o.urgency}` : 'deadline--done'} data-key={d.key}>
            <DeadlineText lang={lang} d={d} />
            {d.reportId && references?.get(d.reportId) ? (
              <span class="deadline-report"> ({tx.reportTitle(references.get(d.reportId)!)})</span>
            ) : null}{' '}
            {o ? <UrgencyTag lang={lang} item={o} /> : null}
            {d.completedOn ? <span class="tag tag--ok">{tx.done(d.completedOn)}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
