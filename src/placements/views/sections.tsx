import type { PageContext } from '../../platform/layout/page-context.ts';
import { placementTexts } from '../i18n/index.ts';
import { currentDecision, currentPeriod, startedOn } from '../model.ts';
import type { LoadedPlacement } from '../queries/facts.ts';
import type { PlacementSummary } from '../service/read.ts';
import { childName, NextDuty } from './shared.tsx';

/** The placements of a child or a case: when, where, on what basis, how it ended. */
export function PlacementHistory({
  ctx,
  placements,
  startHref,
}: {
  ctx: PageContext;
  placements: LoadedPlacement[];
  startHref: string | null;
}) {
  const p = placementTexts(ctx.lang);
  return (
    <section aria-labelledby="placements-heading" class="panel">
      <h2 id="placements-heading">{p.placementHistory}</h2>
      <p>{p.placementHistoryIntro}</p>
      {placements.length === 0 ? (
        <p>{p.noPlacements}</p>
      ) : (
        <ul class="plain-list">
          {placements.map((pl) => {
            const period = currentPeriod(pl.placement);
            return (
              <li key={pl.row.id} data-placement={pl.row.id}>
                <a href={`/placements/${pl.row.id}`}>
                  {startedOn(pl.placement) ?? '–'}
                  {pl.row.ended_on ? `–${pl.row.ended_on}` : ''}: {period ? p.forms[period.form] : '–'}
                </a>{' '}
                ({p.bases[currentDecision(pl.placement).basis]}
                {period ? `, ${pl.homeNames.get(period.homeId) ?? ''}` : ''}){' '}
                <span class={pl.row.ended_on ? 'tag tag--closed' : 'tag tag--active'}>
                  {pl.row.ended_on ? p.ended : p.ongoing}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {startHref ? (
        <p>
          <a class="button button--secondary" href={startHref}>
            {p.startPlacement}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** Placed children on the worklist, soonest duty first. */
export function PlacementWorklist({
  ctx,
  rows,
  today,
}: {
  ctx: PageContext;
  rows: PlacementSummary[];
  today: string;
}) {
  const p = placementTexts(ctx.lang);
  const sorted = [...rows].sort((a, b) =>
    (a.duties[0]?.dueOn ?? '9999').localeCompare(b.duties[0]?.dueOn ?? '9999'),
  );
  return (
    <section aria-labelledby="placement-worklist-heading">
      <h2 id="placement-worklist-heading">{p.dueDuties}</h2>
      <ul class="plain-list">
        {sorted.map((r) => (
          <li key={r.row.id} data-placement={r.row.id}>
            <a href={`/placements/${r.row.id}`}>{childName(r.child)}</a>:{' '}
            <NextDuty lang={ctx.lang} duty={r.duties[0]} today={today} />
            {r.contactStatus?.visits.below || r.contactStatus?.privateTalks.below ? (
              <span class="tag tag--warning"> {p.belowGuideline}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
