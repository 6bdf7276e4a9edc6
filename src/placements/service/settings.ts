import type { Kysely } from 'kysely';
import { type AccessScope, type RequestContext, withAccess } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import { type PlacementType, placementTypes } from '../model.ts';
import { placementSettings } from '../queries/homes.ts';
import { type FieldCodes, failed, type Outcome } from './scope.ts';

/**
 * The administrator's settings for placements (docs/decisions/0121): which of the municipality's
 * intervention types are placements and the form each opens, and the municipality's guideline
 * for visits and private talks (not law, decision 0072) and for renewing register extracts. No
 * child's data: the administrator sees only the municipality's lists.
 */

export const settingLimits = {
  visitsPerYear: [1, 52],
  privateTalksPerYear: [1, 52],
  registerExtractMaxAgeMonths: [1, 60],
} as const;
type SettingName = keyof typeof settingLimits;

function asAdmin<T>(db: Kysely<Database>, context: RequestContext, work: (scope: AccessScope) => Promise<T>) {
  return withAccess(db, context, async (scope) => {
    scope.authorize('placementSettings.manage', {
      type: 'administration',
      municipalityId: scope.actor.municipalityId,
    });
    return work(scope);
  });
}

async function interventionTypes(scope: AccessScope) {
  const m = scope.actor.municipalityId;
  return scope.db
    .selectFrom('intervention_type as it')
    .leftJoin('placement_intervention_type as pit', (j) =>
      j
        .onRef('pit.municipality_id', '=', 'it.municipality_id')
        .onRef('pit.intervention_type_id', '=', 'it.id'),
    )
    .select(['it.id', 'it.name', 'it.active', 'pit.intervention_type_id as placementOf', 'pit.form'])
    .where('it.municipality_id', '=', m)
    .orderBy('it.name')
    .execute();
}

/** What the settings page shows: every intervention type (active ones editable) and the guideline. */
export function readPlacementSettings(db: Kysely<Database>, context: RequestContext) {
  return asAdmin(db, context, async (scope) => {
    const [types, settings] = await Promise.all([interventionTypes(scope), placementSettings(scope)]);
    return {
      interventions: types.map((t) => ({
        id: t.id,
        name: t.name,
        active: t.active,
        placement: t.placementOf !== null,
        form: t.form ?? null,
      })),
      settings,
    };
  });
}
export type PlacementSettingsView = Awaited<ReturnType<typeof readPlacementSettings>>;

type Values = Record<string, string | string[] | undefined>;
const list = (v: string | string[] | undefined) => [v ?? []].flat();

/**
 * Saves the page as one: the interventions ticked (each with its form, "id:form", empty for one
 * chosen at the placement) replace the earlier marks; the numbers must be whole and in range.
 */
export function savePlacementSettings(
  db: Kysely<Database>,
  context: RequestContext,
  body: Values,
): Promise<Outcome> {
  return asAdmin(db, context, async (scope) => {
    const errors: FieldCodes = {};
    const numbers = {} as Record<SettingName, number>;
    for (const [name, [min, max]] of Object.entries(settingLimits) as [
      SettingName,
      readonly [number, number],
    ][]) {
      const raw = typeof body[name] === 'string' ? (body[name] as string).trim() : '';
      const n = /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
      if (!(n >= min && n <= max)) errors[name] = 'numberOutOfRange';
      else numbers[name] = n;
    }
    const types = await interventionTypes(scope);
    const active = new Set(types.filter((t) => t.active).map((t) => t.id));
    const ticked = list(body.placements);
    if (ticked.some((id) => !active.has(id))) errors.placements = 'unknownIntervention';
    const formOf = new Map<string, PlacementType | null>();
    for (const entry of list(body.forms)) {
      const [id = '', form = ''] = entry.split(':');
      const known = placementTypes.find((f) => f === form);
      if (!active.has(id) || (form && !known)) errors.placements = 'unknownIntervention';
      else formOf.set(id, known ?? null);
    }
    if (Object.keys(errors).length) return failed(errors);
    const m = scope.actor.municipalityId;
    // Inactive types keep their mark: a case decided with one still opens its placement.
    const kept = types.filter((t) => !t.active && t.placementOf !== null).map((t) => t.id);
    await scope.db
      .deleteFrom('placement_intervention_type')
      .where('municipality_id', '=', m)
      .$if(kept.length > 0, (q) => q.where('intervention_type_id', 'not in', kept))
      .execute();
    const unique = [...new Set(ticked)];
    if (unique.length) {
      await scope.db
        .insertInto('placement_intervention_type')
        .values(
          unique.map((id) => ({
            municipality_id: m,
            intervention_type_id: id,
            form: formOf.get(id) ?? null,
          })),
        )
        .execute();
    }
    const row = {
      visits_per_year: numbers.visitsPerYear,
      private_talks_per_year: numbers.privateTalksPerYear,
      register_extract_max_age_months: numbers.registerExtractMaxAgeMonths,
    };
    await scope.db
      .insertInto('placement_setting')
      .values({ municipality_id: m, ...row })
      .onConflict((oc) => oc.column('municipality_id').doUpdateSet(row))
      .execute();
    await scope.audit({ action: 'placementSettings.manage', recordType: 'placementSettings', recordId: m });
    return { ok: true };
  });
}
