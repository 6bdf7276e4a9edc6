import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { placementTexts } from '../i18n/index.ts';
import type { PlacementSummary } from '../service/read.ts';
import { childName, NextDuty } from './shared.tsx';

/** The designated worker's placed children (or a unit's): each with its next duty and next visit. */
export function PlacementListPage({
  ctx,
  rows,
  today,
  unit,
  mayExport,
  mayListUnit = true,
}: {
  ctx: PageContext;
  rows: PlacementSummary[];
  today: string;
  unit: boolean;
  mayExport: boolean;
  /** Whether the user may see the unit's placements (a manager): the link is shown only then. */
  mayListUnit?: boolean;
}) {
  const p = placementTexts(ctx.lang);
  const title = unit ? p.unitTitle : p.title;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{unit ? p.unitDuties : p.myPlacementsIntro}</p>
      <ul class="plain-list">
        {unit || mayListUnit ? (
          <li>
            <a href={unit ? '/placements' : '/placements?unit=1'}>{unit ? p.title : p.unitTitle}</a>
          </li>
        ) : null}
        <li>
          <a href="/homes">{p.homesTitle}</a>
        </li>
        {mayExport ? (
          <li>
            <a href="/placements/ivo-list">{p.ivoList}</a>
          </li>
        ) : null}
      </ul>
      {rows.length === 0 ? (
        <p>{p.noPlacements}</p>
      ) : (
        <section class="table-wrap" tabindex={0} aria-label={title}>
          <table class="table">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{p.child}</th>
                <th scope="col">{p.form}</th>
                <th scope="col">{p.nextDuty}</th>
                <th scope="col">{p.nextVisit}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.row.id} data-placement={r.row.id}>
                  <td>
                    <a href={`/placements/${r.row.id}`}>{childName(r.child)}</a>
                  </td>
                  <td>{r.period ? p.forms[r.period.form] : '–'}</td>
                  <td>
                    <NextDuty lang={ctx.lang} duty={r.duties[0]} today={today} />
                  </td>
                  <td>
                    {r.contactStatus ? (
                      <>
                        {r.contactStatus.visits.nextDueOn}
                        {r.contactStatus.visits.below || r.contactStatus.privateTalks.below ? (
                          <span class="tag tag--warning"> {p.belowGuideline}</span>
                        ) : null}
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Layout>
  );
}
