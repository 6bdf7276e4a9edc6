import { Notice, SelectField } from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { sipTexts } from '../i18n/index.ts';
import type { SipListRow } from '../queries/lists.ts';
import { sipStatuses } from '../schema.ts';
import type { SipListing } from '../service/lists.ts';
import { rowChildName, StatusTag } from './shared.tsx';

export function SipListPage({
  ctx,
  listing,
  filter,
  childName,
  partner,
  notice,
}: {
  ctx: PageContext;
  listing: SipListing;
  filter: { status: string; mine: boolean; child: string };
  childName: string | null;
  partner: boolean;
  notice?: string | undefined;
}) {
  const s = sipTexts(ctx.lang);
  const title = childName ? s.forChild(childName) : s.title;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <p>{partner ? s.partnerIntro : s.intro}</p>
      {partner ? (
        <p>
          <a class="button button--secondary" href="/sips/request">
            {s.requestSip}
          </a>
        </p>
      ) : (
        <form method="get" action="/sips" class="filter-form">
          {filter.child ? <input type="hidden" name="child" value={filter.child} /> : null}
          <SelectField
            name="status"
            label={s.filterStatus}
            value={filter.status}
            options={[['', s.anyStatus] as const, ...sipStatuses.map((st) => [st, s.status[st]] as const)]}
          />
          <div class="checkbox">
            <input type="checkbox" id="mine" name="mine" value="on" checked={filter.mine} />
            <label for="mine">{s.onlyMine}</label>
          </div>
          <button type="submit" class="button button--secondary">
            {s.filter}
          </button>
        </form>
      )}
      <SipTable ctx={ctx} rows={listing.rows} caption={partner ? s.myPlans : title} />
      {partner ? (
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading">{s.requestsSent}</h2>
          {listing.requests.length === 0 ? (
            <p>{s.noPlans}</p>
          ) : (
            <ul class="plain-list">
              {listing.requests.map((r) => (
                <li key={r.id}>
                  <a href={`/sips/${r.id}`}>{r.requested_child_name ?? '–'}</a>{' '}
                  <StatusTag s={s} status={r.status} />{' '}
                  {r.close_reason === 'declined' ? s.closeReasons.declined : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </Layout>
  );
}

function SipTable({ ctx, rows, caption }: { ctx: PageContext; rows: SipListRow[]; caption: string }) {
  const s = sipTexts(ctx.lang);
  if (rows.length === 0) return <p>{s.noPlans}</p>;
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.child}</th>
            <th scope="col">{s.statusLabel}</th>
            <th scope="col">{s.nextFollowUp}</th>
            <th scope="col">{s.coordinator}</th>
            <th scope="col">{s.lead}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={`/sips/${r.id}`}>{rowChildName(r)}</a>
              </td>
              <td>
                <StatusTag s={s} status={r.status} />
                {r.status === 'closed' && r.close_reason ? ` ${s.closeReasons[r.close_reason]}` : ''}
              </td>
              <td>{r.status === 'active' ? (r.follow_up_on ?? s.notSet) : '–'}</td>
              <td>{r.coordinator_name ?? '–'}</td>
              <td>{r.lead_organisation_name ?? s.notSet}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
