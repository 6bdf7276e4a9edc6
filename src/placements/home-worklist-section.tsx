import { decide } from '../platform/access/policy.ts';
import type { AccessScope } from '../platform/access/scope.ts';
import type { PageContext } from '../platform/layout/page-context.ts';
import type { WorklistSection } from '../worklists/sections.ts';
import { type HomeWorkItem, homeWorklist, type PlacedAlert, placedAlerts } from './home-worklist.ts';
import { homeAlerts } from './homes.ts';
import { placementTexts } from './i18n/index.ts';
import { moreTexts } from './i18n/more.ts';
import { loadPlacements } from './queries/facts.ts';
import { homeFindingUnitIds, type LoadedHome, loadHomes, placementSettings } from './queries/homes.ts';
import { placementDuties } from './schedule.ts';
import { placementAudit } from './service/scope.ts';
import { AlertList } from './views/homes.tsx';

/**
 * The home-finding team's part of its members' worklists (docs/decisions/0122): the homes with
 * something to renew or do. Shown to those who manage the register of homes; the home is named,
 * a placed child is not (the home's page names them), and every placement read is audited.
 */

async function activePlacementIds(scope: AccessScope): Promise<string[]> {
  const rows = await scope.db
    .selectFrom('placement')
    .select('id')
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('ended_on', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

type Item = HomeWorkItem<{ id: string; name: string }> & { loaded: LoadedHome };

export const homesOnWorklist: WorklistSection<{ items: Item[] }> = {
  id: 'homeFinding',
  order: 25,
  load: async (scope, { which, today }) => {
    if (which !== 'own') return null;
    const resource = {
      type: 'homeRegister' as const,
      municipalityId: scope.actor.municipalityId,
      homeFindingUnitIds: await homeFindingUnitIds(scope),
    };
    if (!decide(scope.actor, 'home.manage', resource).allowed) return null;
    const [homes, settings, ids] = await Promise.all([
      loadHomes(scope),
      placementSettings(scope),
      activePlacementIds(scope),
    ]);
    const placements = await loadPlacements(scope, ids);
    const placed = placedAlerts(
      placements.map((p) => ({ placementId: p.row.id, duties: placementDuties(p.facts) })),
      today,
    );
    const byId = new Map(homes.map((h) => [h.row.id, h]));
    const items = homeWorklist(
      homes.map((h) => ({
        home: { id: h.row.id, name: h.row.name },
        alerts: homeAlerts(h.home, today, settings.registerExtractMaxAgeMonths),
      })),
      placed,
    ).map((item) => ({ ...item, loaded: byId.get(item.home.id)! }));
    if (items.length === 0) return null;
    const shown = new Set(items.flatMap((i) => i.placed.map((a) => a.placementId)));
    await scope.audit(
      { action: 'home.list', recordType: 'placementHome' },
      ...placements.filter((p) => shown.has(p.row.id)).map((p) => placementAudit(p, 'placement.list')),
    );
    return { items };
  },
  render: (ctx, data) => <HomeWorklist ctx={ctx} items={data.items} />,
};

function placedText(ctx: PageContext, alert: PlacedAlert): string {
  const m = moreTexts(ctx.lang).homeAlerts;
  switch (alert.code) {
    case 'emergencyHomeOverdue':
      return m.emergencyHomeOverdue(alert.dueOn);
    case 'emergencyHomeDueSoon':
      return m.emergencyHomeDueSoon(alert.dueOn);
    case 'agreementMissing':
      return m.agreementMissing;
  }
}

function HomeWorklist({ ctx, items }: { ctx: PageContext; items: Item[] }) {
  const p = placementTexts(ctx.lang);
  const m = moreTexts(ctx.lang);
  return (
    <section aria-labelledby="home-worklist-heading">
      <h2 id="home-worklist-heading">{m.homeWorklistHeading}</h2>
      <p class="hint">{m.homeWorklistIntro}</p>
      <ul class="plain-list">
        {items.map((item) => (
          <li key={item.home.id} data-home={item.home.id}>
            <a href={`/homes/${item.home.id}`}>{item.home.name}</a>
            {item.alerts.length ? <AlertList p={p} alerts={item.alerts} carers={item.loaded.carers} /> : null}
            {item.placed.length ? (
              <ul class="plain-list">
                {item.placed.map((a) => (
                  <li key={`${a.code}-${a.placementId}`} data-alert={a.code}>
                    <span class={a.code === 'emergencyHomeDueSoon' ? 'tag' : 'tag tag--warning'}>
                      {placedText(ctx, a)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
