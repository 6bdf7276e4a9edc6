import { UrgencyTag } from '../cases/components.tsx';
import type { HomeSection } from '../home/sections.ts';
import { permittedActions } from '../platform/access/policy.ts';
import type { PageContext } from '../platform/layout/page-context.ts';
import type { ListedCase } from './domain/case-list.ts';
import { workdayTexts } from './i18n/index.ts';
import type { CaseRow } from './queries/cases.ts';
import { type ManagerDay, readManagerDay } from './service/manager-day.ts';
import { type NotificationsView, readNotifications } from './service/notifications.ts';
import { NotificationsSection } from './views/notifications.tsx';

/** Unread notifications on top of the start page; nothing when there are none. */
export const notificationsSection: HomeSection<NotificationsView> = {
  id: 'notifications',
  order: 1,
  placement: 'beforeLinks',
  applies: ({ actor }) => !!actor && permittedActions(actor.role).includes('notification.read'),
  load: async (scope) => {
    const view = await readNotifications(scope, { unreadOnly: true, limit: 10 });
    return view.unread ? view : null;
  },
  render: (ctx, view) => <NotificationsSection ctx={ctx} view={view} />,
};

function ManagerTable({
  ctx,
  cases,
  empty,
}: {
  ctx: PageContext;
  cases: ListedCase<CaseRow>[];
  empty: string;
}) {
  const tx = workdayTexts(ctx.lang);
  if (cases.length === 0) return <p>{empty}</p>;
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{tx.columns.child}</th>
            <th scope="col">{tx.columns.nextStep}</th>
            <th scope="col">{tx.columns.left}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map(({ c, nextStep, deadline }) => (
            <tr key={c.id} data-case={c.id}>
              <td>
                <a href={`/cases/${c.id}`}>
                  {c.family_name}, {c.given_name}
                </a>
              </td>
              <td>
                {nextStep ? tx.nextSteps[nextStep] : tx.done}
                {c.concluded_on ? <span class="hint"> ({tx.concludedOn(c.concluded_on)})</span> : null}
              </td>
              <td>{deadline ? <UrgencyTag lang={ctx.lang} item={deadline} /> : tx.noDeadline}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The manager's day: decisions waiting first, then investigations to distribute. */
export const managerDaySection: HomeSection<ManagerDay> = {
  id: 'managerDay',
  order: 2,
  placement: 'beforeLinks',
  applies: ({ actor }) => !!actor?.unitId && permittedActions(actor.role).includes('caseList.readUnit'),
  load: (scope, { today }) => readManagerDay(scope, today),
  render: (ctx, day) => {
    const tx = workdayTexts(ctx.lang);
    return (
      <>
        <section aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">{tx.waitingTitle}</h2>
          <ManagerTable ctx={ctx} cases={day.waiting} empty={tx.waitingEmpty} />
        </section>
        <section aria-labelledby="unassigned-heading">
          <h2 id="unassigned-heading">{tx.unassignedTitle}</h2>
          <ManagerTable ctx={ctx} cases={day.unassigned} empty={tx.unassignedEmpty} />
          <p>
            <a href="/my-cases/unit">{tx.seeAll}</a>
          </p>
        </section>
      </>
    );
  },
};
