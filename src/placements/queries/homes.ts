import type { AccessScope } from '../../platform/access/scope.ts';
import type { Home } from '../homes.ts';
import type { PlacementHomeRow } from '../schema.ts';

/** The register of homes: each home with its carers, investigation, extracts and training. */

export interface LoadedHome {
  row: PlacementHomeRow;
  home: Home;
  carers: { id: string; name: string }[];
  investigations: { completedOn: string; result: 'approved' | 'notApproved' }[];
  extracts: {
    carerId: string;
    register: 'criminalRecord' | 'suspicionRegister';
    obtainedOn: string;
    assessment: string;
  }[];
  training: { carerId: string; completedOn: string }[];
}

export async function loadHomes(scope: AccessScope, ids?: readonly string[]): Promise<LoadedHome[]> {
  const m = scope.actor.municipalityId;
  let q = scope.db.selectFrom('placement_home').selectAll().where('municipality_id', '=', m);
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where('id', 'in', ids);
  }
  const rows = await q.orderBy('name').execute();
  if (rows.length === 0) return [];
  const homeIds = rows.map((r) => r.id);
  const [carers, investigations, extracts, training] = await Promise.all([
    scope.db
      .selectFrom('placement_home_carer')
      .select(['id', 'home_id', 'name'])
      .where('municipality_id', '=', m)
      .where('home_id', 'in', homeIds)
      .orderBy('name')
      .execute(),
    scope.db
      .selectFrom('placement_home_investigation')
      .select(['home_id', 'completed_on', 'result'])
      .where('municipality_id', '=', m)
      .where('home_id', 'in', homeIds)
      .orderBy('completed_on')
      .orderBy('created_at')
      .execute(),
    scope.db
      .selectFrom('placement_home_register_extract')
      .select(['home_id', 'carer_id', 'register', 'obtained_on', 'assessment'])
      .where('municipality_id', '=', m)
      .where('home_id', 'in', homeIds)
      .orderBy('obtained_on')
      .execute(),
    scope.db
      .selectFrom('placement_home_training')
      .select(['home_id', 'carer_id', 'completed_on'])
      .where('municipality_id', '=', m)
      .where('home_id', 'in', homeIds)
      .orderBy('completed_on')
      .execute(),
  ]);
  return rows.map((row) => {
    const own = <T extends { home_id: string }>(items: readonly T[]) =>
      items.filter((i) => i.home_id === row.id);
    const ownCarers = own(carers).map((c) => ({ id: c.id, name: c.name }));
    const ownInvestigations = own(investigations).map((i) => ({
      completedOn: i.completed_on,
      result: i.result,
    }));
    const ownExtracts = own(extracts).map((e) => ({
      carerId: e.carer_id,
      register: e.register,
      obtainedOn: e.obtained_on,
      assessment: e.assessment,
    }));
    const ownTraining = own(training).map((t) => ({ carerId: t.carer_id, completedOn: t.completed_on }));
    const home: Home =
      row.kind === 'privateHome'
        ? {
            kind: 'privateHome',
            id: row.id,
            name: row.name,
            forms: row.forms,
            municipalityCode: row.home_municipality_code,
            carers: ownCarers,
            // The latest investigation decides (a home may be investigated again).
            investigation: ownInvestigations.at(-1) ?? null,
            registerExtracts: ownExtracts,
            training: ownTraining,
            placedByOthers: row.placed_by_others,
          }
        : {
            kind: 'provider',
            id: row.id,
            name: row.name,
            forms: row.forms,
            ownership: row.ownership ?? 'private',
            ivoPermit:
              row.ivo_permit_reference && row.ivo_permit_granted_on
                ? {
                    reference: row.ivo_permit_reference,
                    grantedOn: row.ivo_permit_granted_on,
                    forms: row.ivo_permit_forms,
                  }
                : null,
            ivoNotifiedOn: row.ivo_notified_on,
          };
    return {
      row,
      home,
      carers: ownCarers,
      investigations: ownInvestigations,
      extracts: ownExtracts,
      training: ownTraining,
    };
  });
}

/** The municipality's home-finding units (kind 'placement'), for the policy. */
export async function homeFindingUnitIds(scope: AccessScope): Promise<string[]> {
  const rows = await scope.db
    .selectFrom('unit')
    .select('id')
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('kind', '=', 'placement')
    .where('active', '=', true)
    .execute();
  return rows.map((r) => r.id);
}

/** The municipality's guideline and settings, defaults when none are saved. */
export async function placementSettings(scope: AccessScope) {
  const row = await scope.db
    .selectFrom('placement_setting')
    .selectAll()
    .where('municipality_id', '=', scope.actor.municipalityId)
    .executeTakeFirst();
  return {
    visitsPerYear: row?.visits_per_year ?? 4,
    privateTalksPerYear: row?.private_talks_per_year ?? 4,
    registerExtractMaxAgeMonths: row?.register_extract_max_age_months ?? 12,
  };
}

/** The municipality's code (the placing municipality, for 22 kap. 6 §). */
export async function municipalityCode(scope: AccessScope): Promise<string> {
  const row = await scope.db
    .selectFrom('municipality')
    .select('code')
    .where('id', '=', scope.actor.municipalityId)
    .executeTakeFirstOrThrow();
  return row.code;
}
