import { formatDateTime } from '../../platform/dates.ts';
import { CsrfField } from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { workdayTexts } from '../i18n/index.ts';
import type { NotificationRow } from '../queries/notifications.ts';
import type { NotificationsView } from '../service/notifications.ts';

/** Where a read mark sends the user back to: the start page or the list. */
export type BackTo = 'home' | 'list';

function ReadButton({
  ctx,
  action,
  label,
  back,
}: {
  ctx: PageContext;
  action: string;
  label: string;
  back: BackTo;
}) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={ctx.csrf} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" class="button button--secondary button--small">
        {label}
      </button>
    </form>
  );
}

export function NotificationList({
  ctx,
  items,
  back,
}: {
  ctx: PageContext;
  items: readonly NotificationRow[];
  back: BackTo;
}) {
  const tx = workdayTexts(ctx.lang);
  if (items.length === 0) return <p>{tx.noNotifications}</p>;
  return (
    <ul class="notification-list">
      {items.map((n) => {
        const child = [n.given_name, n.family_name].filter(Boolean).join(' ');
        return (
          <li key={n.id} data-notification={n.id}>
            <p>
              {n.read_at ? null : <strong class="tag tag--warning">{tx.unread(1)}</strong>}{' '}
              <a href={n.case_id ? `/cases/${n.case_id}` : '/my-cases'}>
                {tx.notificationTexts[n.kind](child, n.created_by_name ?? tx.someone)}
              </a>{' '}
              <span class="hint">{formatDateTime(new Date(n.created_at))}</span>
            </p>
            {n.read_at ? (
              <p class="hint">{tx.readMark}</p>
            ) : (
              <ReadButton ctx={ctx} action={`/notifications/${n.id}/read`} label={tx.markRead} back={back} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** On the start page: unread notifications, with the count as a badge in the heading. */
export function NotificationsSection({ ctx, view }: { ctx: PageContext; view: NotificationsView }) {
  const tx = workdayTexts(ctx.lang);
  return (
    <section aria-labelledby="notifications-heading" class="panel">
      <h2 id="notifications-heading">
        {tx.notificationsTitle} <span class="tag tag--warning">{tx.unread(view.unread)}</span>
      </h2>
      <NotificationList ctx={ctx} items={view.items} back="home" />
      <p>
        <a href="/notifications">{tx.allNotifications}</a>
      </p>
      {view.unread > 1 ? (
        <ReadButton ctx={ctx} action="/notifications/read-all" label={tx.markAllRead} back="home" />
      ) : null}
    </section>
  );
}

export function NotificationsPage({ ctx, view }: { ctx: PageContext; view: NotificationsView }) {
  const tx = workdayTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={tx.notificationsTitle}>
      <h1>{tx.notificationsTitle}</h1>
      <p class="lead">{tx.unread(view.unread)}</p>
      {view.unread > 0 ? (
        <ReadButton ctx={ctx} action="/notifications/read-all" label={tx.markAllRead} back="list" />
      ) : null}
      <NotificationList ctx={ctx} items={view.items} back="list" />
    </Layout>
  );
}
