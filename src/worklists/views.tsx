import type { ComponentChildren } from 'preact';
import { DeadlineText, UrgencyTag } from '../cases/components.tsx';
import type { Messages } from '../platform/i18n/messages.ts';
import { Layout } from '../platform/layout/Layout.tsx';
import type { PageContext } from '../platform/layout/page-context.ts';
import type { Worklist, WorklistItem } from './queries.ts';

export function itemHref(item: WorklistItem): string {
  return item.caseId ? `/cases/${item.caseId}` : `/intake/reports/${item.reportId}`;
}

export function Reminders({ t, items }: { t: Messages; items: readonly WorklistItem[] }) {
  const overdue = items.filter((i) => i.urgency === 'overdue').length;
  const soon = items.filter((i) => i.urgency === 'dueToday' || i.urgency === 'dueSoon').length;
  return (
    <div class={overdue ? 'notice notice--urgent' : 'notice'} role="status">
      <p>
        <strong>{t.cases.remindersTitle}:</strong>{' '}
        {overdue || soon ? t.cases.reminders(overdue, soon) : t.cases.noReminders}
      </p>
    </div>
  );
}

export function WorklistTable({ t, items }: { t: Messages; items: readonly WorklistItem[] }) {
  if (items.length === 0) return <p>{t.cases.worklistEmpty}</p>;
  return (
    <div class="table-wrap">
      <table class="table worklist">
        <thead>
          <tr>
            <th scope="col">{t.cases.child}</th>
            <th scope="col">{t.cases.what}</th>
            <th scope="col">{t.cases.left}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr
              key={`${item.caseId ?? item.reportId}:${item.key}`}
              class={item.immediate ? 'row--urgent' : undefined}
            >
              <td>
                <a href={itemHref(item)}>{item.childName || t.cases.noName}</a>
                {item.asReported ? ` (${t.cases.asReported})` : ''}
                {item.immediate ? <span class="tag tag--urgent">{t.cases.immediate}</span> : null}
                {item.unassigned ? <span class="tag tag--warning">{t.cases.unassigned}</span> : null}
              </td>
              <td>
                <DeadlineText t={t} d={item} />
              </td>
              <td>
                <UrgencyTag t={t} item={item} />
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
  const { t } = ctx;
  const title = unit ? t.cases.unitWorklistTitle : t.cases.worklistTitle;
  const total = list.lastMonth.met + list.lastMonth.missed;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t.cases.worklistIntro}</p>
      <Reminders t={t} items={list.items} />
      {unit ? <p data-testid="met-last-month">{t.cases.metLastMonth(list.lastMonth.met, total)}</p> : null}
      <WorklistTable t={t} items={list.items} />
      {children}
    </Layout>
  );
}
