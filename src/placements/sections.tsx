import type { CaseSection } from '../cases/sections.ts';
import type { ReportSection } from '../intake/sections.ts';
import type { PersonSection } from '../people/sections.ts';
import { decide } from '../platform/access/policy.ts';
import type { AccessScope } from '../platform/access/scope.ts';
import type { SipSection } from '../sip/extension.ts';
import type { WorklistSection } from '../worklists/sections.ts';
import { type LoadedPlacement, loadPlacements, visiblePlacementIds } from './queries/facts.ts';
import { placementSettings } from './queries/homes.ts';
import { placementInterventionsOfCase } from './service/create.ts';
import { summarise } from './service/read.ts';
import { placementResource, seenPlacements } from './service/scope.ts';
import { PlacementHistory, PlacementWorklist } from './views/sections.tsx';

/** What placements show on the child's page, the case and the worklist (src/platform/features.ts). */

/** The placements of the child the actor may read, each audited as seen. */
async function readable(scope: AccessScope, ids: readonly string[]): Promise<LoadedPlacement[]> {
  const loaded = await loadPlacements(scope, ids);
  const mine = loaded.filter((p) => decide(scope.actor, 'placement.read', placementResource(p)).allowed);
  if (mine.length) await scope.audit(...seenPlacements(mine));
  return mine;
}

async function placementIdsWhere(scope: AccessScope, column: 'child_id' | 'case_id', id: string) {
  const rows = await scope.db
    .selectFrom('placement')
    .select('id')
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where(column, '=', id)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.id);
}

/** The child's placement history on the child's page. */
export const placementsOfPerson: PersonSection<{ placements: LoadedPlacement[]; startHref: null }> = {
  id: 'placements',
  order: 20,
  load: async (scope, person) => {
    const placements = await readable(scope, await placementIdsWhere(scope, 'child_id', person.id));
    return placements.length ? { placements, startHref: null } : null;
  },
  render: (ctx, data) => <PlacementHistory ctx={ctx} {...data} />,
};

/** The child's placements on a report about the child, once the report is linked to them. */
export const placementsOfReport: ReportSection<{ placements: LoadedPlacement[]; startHref: null }> = {
  id: 'placements',
  order: 20,
  load: async (scope, report) => {
    if (!report.child_id) return null;
    const placements = await readable(scope, await placementIdsWhere(scope, 'child_id', report.child_id));
    return placements.length ? { placements, startHref: null } : null;
  },
  render: (ctx, data) => <PlacementHistory ctx={ctx} {...data} />,
};

/** The child's placements on a coordinated plan, for those who may read them (never a partner). */
export const placementsOfSip: SipSection<{ placements: LoadedPlacement[]; startHref: null }> = {
  id: 'placements',
  order: 20,
  load: async (scope, sip) => {
    if (!sip.child_id) return null;
    const placements = await readable(scope, await placementIdsWhere(scope, 'child_id', sip.child_id));
    return placements.length ? { placements, startHref: null } : null;
  },
  render: (ctx, data) => <PlacementHistory ctx={ctx} {...data} />,
};

/** The case's placements, and the way to record one from its decision. */
export const placementsOfCase: CaseSection<{ placements: LoadedPlacement[]; startHref: string | null }> = {
  id: 'placements',
  order: 20,
  load: async (scope, c) => {
    const placements = await readable(scope, await placementIdsWhere(scope, 'case_id', c.id));
    const mayCreate = decide(scope.actor, 'placement.create', {
      type: 'placement',
      municipalityId: c.municipality_id,
      placement: { unitIds: [c.unit_id], responsibleUserId: c.responsible_user_id, designatedWorkerId: null },
    }).allowed;
    const decided = c.decision_outcome === 'interventions';
    const offered = mayCreate && decided && (await placementInterventionsOfCase(scope, c.id)).length > 0;
    if (!placements.length && !offered) return null;
    return { placements, startHref: offered ? `/cases/${c.id}/placements/new` : null };
  },
  render: (ctx, data) => <PlacementHistory ctx={ctx} {...data} />,
};

/** The designated worker's placed children with their next duty, and the unit's duties for its managers. */
export const placementsOnWorklist: WorklistSection<{ rows: ReturnType<typeof summarise>[]; today: string }> =
  {
    id: 'placements',
    order: 20,
    load: async (scope, { which, today }) => {
      const unitId = which === 'unit' ? scope.actor.unitId : null;
      const allowed = decide(scope.actor, 'placement.list', {
        type: 'placementRegister',
        municipalityId: scope.actor.municipalityId,
        unitId,
      }).allowed;
      if (!allowed) return null;
      const ids = await visiblePlacementIds(scope, { unitId });
      if (!ids.length) return null;
      const [loaded, settings] = await Promise.all([loadPlacements(scope, ids), placementSettings(scope)]);
      await scope.audit(...seenPlacements(loaded));
      const rows = loaded.map((p) => summarise(p, settings, today));
      return { rows, today };
    },
    render: (ctx, data) => <PlacementWorklist ctx={ctx} {...data} />,
  };
