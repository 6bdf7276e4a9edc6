import type { PageContext } from '../../platform/layout/page-context.ts';
import { sipTexts } from '../i18n/index.ts';
import type { DueAction, SipListRow } from '../queries/lists.ts';
import type { Worklist } from '../service/lists.ts';
import { DueTag, rowChildName } from './shared.tsx';

export function SipWorklistSection({ ctx, worklist }: { ctx: PageContext; worklist: Worklist }) {
  const s = sipTexts(ctx.lang);
  const empty =
    worklist.followUps.length +
      worklist.actions.length +
      worklist.requests.length +
      worklist.awaitingAgreement.length ===
    0;
  return (
    <section aria-labelledby="sip-worklist" class="worklist">
      <h2 id="sip-worklist">{s.worklistTitle}</h2>
      {empty ? <p>{s.worklistEmpty}</p> : null}
      <WorklistRows
        ctx={ctx}
        id="sip-follow-ups"
        title={s.worklistFollowUps}
        rows={worklist.followUps}
        date={(r) => r.follow_up_on}
        today={worklist.today}
      />
      {worklist.actions.length ? (
        <>
          <h3 id="sip-actions">{s.worklistActions}</h3>
          <ul class="plain-list" aria-labelledby="sip-actions">
            {worklist.actions.map((a: DueAction) => (
              <li key={a.id}>
                <a href={`/sips/${a.sip_id}#actions-heading`}>
                  {a.given_name} {a.family_name}
                </a>
                : {a.description} ({a.responsible_name ?? a.responsible_other}) – {a.due_on}{' '}
                <DueTag s={s} date={a.due_on} today={worklist.today} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <WorklistRows
        ctx={ctx}
        id="sip-requests"
        title={s.worklistRequests}
        rows={worklist.requests}
        date={() => null}
        today={worklist.today}
      />
      <WorklistRows
        ctx={ctx}
        id="sip-awaiting"
        title={s.worklistAwaiting}
        rows={worklist.awaitingAgreement}
        date={(r) => r.meeting_on}
        today={worklist.today}
      />
      <WorklistRows
        ctx={ctx}
        id="sip-plans"
        title={s.myPlans}
        rows={worklist.plans}
        date={(r) => (r.status === 'active' ? r.follow_up_on : null)}
        today={worklist.today}
      />
      <p>
        <a href="/sips">{s.title}</a>
      </p>
    </section>
  );
}

function WorklistRows({
  ctx,
  id,
  title,
  rows,
  date,
  today,
}: {
  ctx: PageContext;
  id: string;
  title: string;
  rows: SipListRow[];
  date: (row: SipListRow) => string | null;
  today: string;
}) {
  if (rows.length === 0) return null;
  return (
    <>
      <h3 id={id}>{title}</h3>
      <ul class="plain-list" aria-labelledby={id}>
        {rows.map((r) => {
          const d = date(r);
          return (
            <li key={r.id}>
              <a href={`/sips/${r.id}`}>{rowChildName(r)}</a>
              {r.requested_by_organisation_name && r.status === 'requested'
                ? ` (${r.requested_by_organisation_name})`
                : ''}
              {d ? (
                <>
                  {' '}
                  – {d}{' '}
                  {r.status === 'active' ? <DueTag s={sipTexts(ctx.lang)} date={d} today={today} /> : null}
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
