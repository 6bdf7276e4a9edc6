import type { Kysely } from 'kysely';
import { type RequestContext, withAccess } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import { contactStatus } from '../contacts.ts';
import { currentPeriod } from '../model.ts';
import { type LoadedPlacement, loadPlacements, visiblePlacementIds } from '../queries/facts.ts';
import { loadHomes, placementSettings } from '../queries/homes.ts';
import { placementDuties } from '../schedule.ts';
import { authorizeLookup, placementAudit, placementResource, seenPlacements } from './scope.ts';

/** A placement with what its page shows: duties, where the child stands against the guideline. */
export function summarise(
  p: LoadedPlacement,
  guideline: { visitsPerYear: number; privateTalksPerYear: number },
  today: string,
) {
  return {
    ...p,
    duties: placementDuties(p.facts),
    contactStatus: contactStatus(p.placement, p.contacts, guideline, today),
    period: currentPeriod(p.placement),
  };
}
export type PlacementSummary = ReturnType<typeof summarise>;

/** One placement, authorised and audited; null when it does not exist in the actor's municipality. */
export async function readPlacement(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  today: string,
) {
  return withAccess(db, context, async (scope) => {
    const [p] = await loadPlacements(scope, [id]);
    if (!p) {
      authorizeLookup(scope);
      return null;
    }
    scope.authorize('placement.read', placementResource(p), { audit: placementAudit(p, 'placement.read') });
    const settings = await placementSettings(scope);
    const [homes, workers] = await Promise.all([
      loadHomes(scope),
      scope.db
        .selectFrom('user_account')
        .select(['id', 'display_name'])
        .where('municipality_id', '=', scope.actor.municipalityId)
        .where('role', '=', 'socialWorker')
        .where('active', '=', true)
        .orderBy('display_name')
        .execute(),
    ]);
    const designatedName = workers.find((w) => w.id === p.row.designated_worker_id)?.display_name ?? null;
    await scope.audit(placementAudit(p, 'placement.read'));
    return { ...summarise(p, settings, today), settings, homes, workers, designatedName, today };
  });
}
export type PlacementView = NonNullable<Awaited<ReturnType<typeof readPlacement>>>;

/** The placements an actor lists: their own (unitId null) or a unit's (its managers). */
export async function listPlacements(
  db: Kysely<Database>,
  context: RequestContext,
  options: { unitId: string | null; includeEnded?: boolean },
  today: string,
) {
  return withAccess(db, context, async (scope) => {
    scope.authorize('placement.list', {
      type: 'placementRegister',
      municipalityId: scope.actor.municipalityId,
      unitId: options.unitId,
    });
    const ids = await visiblePlacementIds(scope, options);
    const [loaded, settings] = await Promise.all([loadPlacements(scope, ids), placementSettings(scope)]);
    await scope.audit(...seenPlacements(loaded));
    return { rows: loaded.map((p) => summarise(p, settings, today)), settings };
  });
}
