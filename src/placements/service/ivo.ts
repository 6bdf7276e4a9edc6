import type { Kysely } from 'kysely';
import { type RequestContext, withAccess } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import { type IvoListRow, ivoListDuty, ivoListRows, type ListChild, type ListHome } from '../ivo-list.ts';
import { loadPlacements } from '../queries/facts.ts';
import { loadHomes } from '../queries/homes.ts';
import { seenPlacements } from './scope.ts';

/**
 * The list to IVO of the children in family homes during a year (SoF 3 kap. 4 §), by the
 * committee's managers: every child listed is audited as seen, and the export itself as
 * ivoList.export (docs/decisions/0074).
 */
export async function ivoList(db: Kysely<Database>, context: RequestContext, year: number) {
  return withAccess(db, context, async (scope) => {
    scope.authorize('ivoList.export', {
      type: 'placementRegister',
      municipalityId: scope.actor.municipalityId,
      unitId: null,
    });
    const first = `${year}-01-01`;
    const rows = await scope.db
      .selectFrom('placement as p')
      .select('p.id')
      .where('p.municipality_id', '=', scope.actor.municipalityId)
      .where((eb) => eb.or([eb('p.ended_on', 'is', null), eb('p.ended_on', '>=', first)]))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('placement_period as pp')
            .select('pp.id')
            .whereRef('pp.placement_id', '=', 'p.id')
            .where('pp.form', 'in', ['familyHome', 'kinshipFamilyHome'])
            .where('pp.started_on', '<=', `${year}-12-31`),
        ),
      )
      .execute();
    const loaded = await loadPlacements(
      scope,
      rows.map((r) => r.id),
    );
    const homeIds = [...new Set(loaded.flatMap((p) => p.placement.periods.map((x) => x.homeId)))];
    const homes = await loadHomes(scope, homeIds);
    const children = new Map<string, ListChild>(
      loaded.map((p) => [
        p.child.id,
        {
          id: p.child.id,
          givenName: p.child.givenName,
          familyName: p.child.familyName,
          personalNumber: p.child.personalNumber,
          birthDate: p.child.birthDate,
          protectedIdentity: p.child.protectedIdentity,
        },
      ]),
    );
    const homeMap = new Map<string, ListHome>(
      homes.map((h) => [
        h.row.id,
        {
          id: h.row.id,
          name: h.row.name,
          address: [h.row.street_address, h.row.postal_code, h.row.city].filter(Boolean).join(', '),
        },
      ]),
    );
    const list: IvoListRow[] = ivoListRows({
      year,
      placements: loaded.map((p) => p.placement),
      children,
      homes: homeMap,
      restrictions: new Map(loaded.map((p) => [p.row.id, p.facts.restrictions ?? []])),
    });
    await scope.audit(
      { action: 'ivoList.export', recordType: 'ivoList', recordId: null },
      ...seenPlacements(loaded),
    );
    return { year, rows: list, duty: ivoListDuty(year) };
  });
}
export type IvoListView = Awaited<ReturnType<typeof ivoList>>;
