import { formatReference } from '../deadlines/deadlines.ts';
import type { Messages } from '../platform/i18n/messages.ts';
import type { CaseDeadline, OpenDeadline } from './domain.ts';

/** Days left, or how late: the words a worklist and a case page use for a deadline. */
export function TimeLeft({ t, item }: { t: Messages; item: Pick<OpenDeadline, 'daysLeft'> }) {
  return <>{item.daysLeft < 0 ? t.cases.overdue(-item.daysLeft) : t.cases.daysLeft(item.daysLeft)}</>;
}

export function UrgencyTag({ t, item }: { t: Messages; item: Pick<OpenDeadline, 'urgency' | 'daysLeft'> }) {
  const cls =
    item.urgency === 'overdue' || item.urgency === 'dueToday'
      ? 'tag tag--urgent'
      : item.urgency === 'dueSoon'
        ? 'tag tag--warning'
        : 'tag';
  return (
    <span class={cls}>
      <TimeLeft t={t} item={item} />
    </span>
  );
}

/** One deadline: what is required, by when (and why the date moved), the law in force. */
export function DeadlineText({ t, d }: { t: Messages; d: CaseDeadline }) {
  const { deadline } = d;
  return (
    <>
      <strong>{t.cases.rules[deadline.ruleId]}</strong>: {t.cases.due}{' '}
      <span class="due-date" data-rule={deadline.ruleId} data-due={deadline.dueDate}>
        {deadline.dueDate}
      </span>
      {deadline.moved ? <> ({t.cases.movedFrom(deadline.statutoryDate)})</> : null}
      {deadline.extended ? <> ({t.cases.extendedNote})</> : null}{' '}
      <span class="legal-ref">
        {t.cases.legalRef}: {formatReference(deadline.reference)}
      </span>
    </>
  );
}

export function DeadlineList({
  t,
  deadlines,
  open,
}: {
  t: Messages;
  deadlines: readonly CaseDeadline[];
  open: readonly OpenDeadline[];
}) {
  if (deadlines.length === 0) return <p>{t.cases.noDeadlines}</p>;
  const openByKey = new Map(open.map((o) => [o.key, o]));
  return (
    <ul class="deadline-list">
      {deadlines.map((d) => {
        const o = openByKey.get(d.key);
        return (
          <li key={d.key} class={o ? `urgency--${o.urgency}` : 'deadline--done'} data-key={d.key}>
            <DeadlineText t={t} d={d} /> {o ? <UrgencyTag t={t} item={o} /> : null}
            {d.completedOn ? <span class="tag tag--ok">{t.cases.done(d.completedOn)}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
