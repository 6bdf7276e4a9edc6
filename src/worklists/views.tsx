import type { ComponentChildren } from 'preact';
import { DeadlineText, UrgencyTag } from '../cases/components.tsx';
import { casesTexts } from '../cases/i18n/index.ts';
import { formatDateTime } from '../platform/dates.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import { worklistsTexts } from './i18n/index.ts';
import type { Worklist, WorklistItem } from './queries.ts';

export function itemHref(item: WorklistItem): string {
  return item.caseId ? `/cases/${item.caseId}` : `/intake/reports/${item.reportId}`;
}

export function Reminders({ lang, items }: { lang: Lang; items: readonly WorklistItem[] }) {
  const tx = worklistsTexts(lang);
  const overdue = items.filter((i) => i.urgency === 'overdue').length;
  const soon = items.filter((i) => i.urgency === 'dueToday' || i.urgency === 'dueSoon').length;
  return (
    <div class={overdue ? 'notice notice--urgent' : 'notice'} role="status">
      <p>
        <strong>{tx.remindersTitle}:</strong> {overdue || soon ? tx.reminders(overdue, soon) : tx.noReminders}
      </p>
    </div>
  );
}

export function WorklistTable({ lang, items }: { lang: Lang; items: readonly WorklistItem[] }) {
  const tx = worklistsTexts(lang);
  const c = casesTexts(lang);
  if (items.length === 0) return <p>{tx.worklistEmpty}</p>;
  return (
    <div class="table-wrap">
      <table class="table worklist">
        <thead>
          <tr>
            <th scope="col">{c.child}</th>
            <th scope="col">{tx.what}</th>
            <th scope="col">{tx.left}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr
              key={`${item.caseId ?? item.reportId}:${item.key}`}
              class={item.immediate ? 'row--urgent' : undefined}
            >
              <td>
                <a href={itemHref(item)}>{item.childName || c.noName}</a>
                {item.asReported ? ` (${tx.asReported})` : ''}
                {item.immediate ? <span class="tag tag--urgent">{c.immediate}</span> : null}
                {item.unassigned ? <span class="tag tag--warning">{tx.unassigned}</span> : null}
              </td>
              <td>
                <DeadlineText lang={lang} d={item} />
                {item.receivedAt && item.deadline.ruleId === 'protectionAssessment' ? (
                  <>
                    {' '}
                    <span class="received-at">{tx.receivedAt(formatDateTime(item.receivedAt))}</span>
                  </>
                ) : null}
              </td>
              <td>
                <UrgencyTag lang={lang} item={item} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WorklistPage({
  ctx,
  list,
  unit,
  children,
}: {
  ctx: PageContext;
  list: Worklist;
  unit: boolean;
  /** More of the user's work due, from other features (coordinated plans). */
  children?: ComponentChildren;
}) {
  const { lang } = ctx;
  const tx = worklistsTexts(lang);
  const title = unit ? tx.unitWorklistTitle : tx.worklistTitle;
  const total = list.lastMonth.met + list.lastMonth.missed;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{tx.worklistIntro}</p>
      <Reminders lang={lang} items={list.items} />
      {unit ? <p data-testid="met-last-month">{tx.metLastMonth(list.lastMonth.met, total)}</p> : null}
      <WorklistTable lang={lang} items={list.items} />
      {children}
    </Layout>
  );
}
