import type { AccessScope } from '../platform/access/scope.ts';
import { UserError } from '../platform/http/errors.ts';
import { isId } from '../platform/http/schemas.ts';
import { type IndicatorId, indicatorCatalogue } from './catalogue.ts';
import { statisticsTexts } from './i18n/index.ts';
import type { Period } from './periods.ts';
import { readIndicators } from './service.ts';
import type { DrillRow } from './views.tsx';

/**
 * The children behind one count of one unit's figure, for that unit's manager (authorised by the
 * caller in the same scope). Each child listed is written to the audit trail as seen in a list,
 * with the indicator, period and part as the reason.
 */
export async function drillRows(
  scope: AccessScope,
  o: { id: IndicatorId; period: Period; unitId: string; cell: string; today: string },
): Promise<DrillRow[]> {
  const view = await readIndicators(scope.db, scope.actor, {
    period: o.period,
    unitId: o.unitId,
    today: o.today,
    ids: [o.id],
  });
  const figure = view.figures[0];
  if (!figure || !(o.cell in figure.cells))
    throw new UserError(400, 'cellUnknown', (lang) => statisticsTexts(lang).cellUnknown);
  const ids = [...new Set(figure.rows[o.cell] ?? [])];
  const rows = (ids.length ? await rowsOf(scope, o.id, ids) : []).map(withoutArchived);
  const reason = `${o.id} ${o.period.key} ${o.cell}`;
  await scope.audit(
    { action: 'statistics.drillDown', recordType: 'statisticsUnit', recordId: o.unitId, reason },
    ...rows
      .filter((r) => r.personId)
      .map((r) => ({
        action: 'statistics.drillDown',
        subjectPersonId: r.personId,
        recordType: 'person',
        recordId: r.personId,
        reason,
      })),
  );
  return rows;
}

/**
 * An archived child is unknown outside the archivist's page (decision 0117): their row is still
 * counted, as the figure is, but shows neither name nor number nor link, and is not an audited look.
 */
function withoutArchived(row: DrillRow): DrillRow {
  if (!row.archived) return row;
  return { personId: null, name: '', personalNumber: null, href: null, date: row.date, archived: true };
}

const name = (given: string | null, family: string | null) =>
  [given, family].filter(Boolean).join(' ') || '–';

async function rowsOf(scope: AccessScope, id: IndicatorId, ids: string[]): Promise<DrillRow[]> {
  const db = scope.db;
  const municipalityId = scope.actor.municipalityId;
  const unitOf = indicatorCatalogue[id].unitOf;
  if (unitOf === 'reportUnit') {
    const rows = await db
      .selectFrom('report as r')
      .leftJoin('person as p', 'p.id', 'r.child_id')
      .select([
        'r.id',
        'r.case_id',
        'r.received_on',
        'r.child_given_name',
        'r.child_family_name',
        'p.id as person_id',
        'p.given_name',
        'p.family_name',
        'p.personal_number',
        'p.archived_on',
      ])
      .where('r.municipality_id', '=', municipalityId)
      .where('r.id', 'in', ids)
      .orderBy('r.received_on')
      .execute();
    return rows.map((r) => ({
      personId: r.person_id,
      name: r.person_id ? name(r.given_name, r.family_name) : name(r.child_given_name, r.child_family_name),
      personalNumber: r.personal_number,
      archived: r.archived_on !== null,
      href: r.case_id ? `/cases/${r.case_id}` : `/intake/reports/${r.id}`,
      date: r.received_on,
    }));
  }
  if (unitOf === 'coordinatorUnit') {
    const rows = await db
      .selectFrom('sip as s')
      .leftJoin('person as p', 'p.id', 's.child_id')
      .select([
        's.id',
        's.agreed_on',
        'p.id as person_id',
        'p.given_name',
        'p.family_name',
        'p.personal_number',
        'p.archived_on',
      ])
      .where('s.municipality_id', '=', municipalityId)
      .where('s.id', 'in', ids)
      .execute();
    return rows.map((r) => ({
      personId: r.person_id,
      name: name(r.given_name, r.family_name),
      personalNumber: r.personal_number,
      archived: r.archived_on !== null,
      href: `/sips/${r.id}`,
      date: r.agreed_on,
    }));
  }
  if (unitOf === 'responsibleUnit') {
    // Continuity counts children, or families by their first child (decision 0097).
    const rows = await db
      .selectFrom('person as p')
      .select(['p.id', 'p.given_name', 'p.family_name', 'p.personal_number', 'p.archived_on'])
      .where('p.municipality_id', '=', municipalityId)
      .where('p.id', 'in', ids.filter(isId))
      .execute();
    return rows.map((r) => ({
      personId: r.id,
      name: name(r.given_name, r.family_name),
      personalNumber: r.personal_number,
      archived: r.archived_on !== null,
      href: null,
      date: null,
    }));
  }
  // A decision not carried out is one intervention of a case's decision: "case.intervention" (0098).
  const caseIds = [...new Set(ids.map((i) => (unitOf === 'decisionUnit' ? i.split('.')[0]! : i)))].filter(
    isId,
  );
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom('child_case as c')
    .innerJoin('person as p', 'p.id', 'c.child_id')
    .select([
      'c.id',
      'c.opened_on',
      'p.id as person_id',
      'p.given_name',
      'p.family_name',
      'p.personal_number',
      'p.archived_on',
    ])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.id', 'in', caseIds)
    .orderBy('c.opened_on')
    .execute();
  return rows.map((r) => ({
    personId: r.person_id,
    name: name(r.given_name, r.family_name),
    personalNumber: r.personal_number,
    archived: r.archived_on !== null,
    href: `/cases/${r.id}`,
    date: r.opened_on,
  }));
}
