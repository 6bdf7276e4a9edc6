import type { Kysely } from 'kysely';
import { addDays, addMonths } from '../deadlines/calendar.ts';
import { parsePersonalNumber } from '../people/personal-number.ts';
import { todayInSweden } from '../platform/dates.ts';
import type { Database } from '../platform/db/schema.ts';
import type { IndicatorData } from './compute.ts';
import type { CaseRow, ChildSex, ExtensionRow, ReportRow, SipRow } from './inputs.ts';
import { favourableDecisions } from './ivo-queries.ts';
import type { DateRange } from './periods.ts';
import { placementsTouching } from './placement-queries.ts';
import { responsibilityTouching } from './responsibility-queries.ts';

/**
 * The rows the indicators are computed from, one query per source (docs/design/statistics.md,
 * "Queries"; decision 0094: plain queries over date indexes, no pre-aggregation). Each reads only
 * what bounds its figures: a margin before the period for the clocks that started earlier, and
 * for re-reports the twelve months after it. Sources Samtak does not keep yet (placements,
 * favourable decisions, responsibility periods) are left out, so their figures show as
 * unavailable rather than as zero.
 */

type Db = Kysely<Database>;

/** Initial assessments fall due 14 days (moved past holidays, at most ten days) after opening. */
const initialMarginDays = 24;

/** Cases whose clocks or dates can put them in the period, and the extensions of their limits. */
export async function casesTouching(
  db: Db,
  municipalityId: string,
  period: DateRange,
): Promise<{ cases: CaseRow[]; extensions: ExtensionRow[] }> {
  const openedFrom = addDays(period.from, -initialMarginDays);
  const investigationFrom = addDays(addMonths(period.from, -4), -10);
  const rows = await db
    .selectFrom('child_case as c')
    .where('c.municipality_id', '=', municipalityId)
    .where((eb) =>
      eb.or([
        eb.between('c.opened_on', openedFrom, period.to),
        eb.between('c.investigation_opened_on', investigationFrom, period.to),
        eb.between('c.decided_on', period.from, period.to),
        eb.between('c.closed_on', period.from, period.to),
        // A report of the period may belong to an older case (what it led to).
        eb(
          'c.id',
          'in',
          eb
            .selectFrom('report')
            .select('case_id')
            .where('municipality_id', '=', municipalityId)
            .where('case_id', 'is not', null)
            .where('received_on', '>=', period.from)
            .where('received_on', '<=', period.to)
            .$narrowType<{ case_id: string }>(),
        ),
      ]),
    )
    .select((eb) => [
      'c.id',
      'c.child_id',
      'c.unit_id',
      'c.opened_on',
      'c.initial_decision',
      'c.initial_decided_on',
      'c.investigation_opened_on',
      'c.decision_outcome',
      'c.decided_on',
      'c.closed_on',
      // The unit that made the initial assessment: the intake unit of the case's first report
      // (child_case.unit_id moves with the investigation).
      eb
        .selectFrom('report as r')
        .select('r.unit_id')
        .whereRef('r.case_id', '=', 'c.id')
        .where('r.municipality_id', '=', municipalityId)
        .where('r.unit_id', 'is not', null)
        .orderBy('r.received_on')
        .orderBy('r.received_at')
        .limit(1)
        .as('intake_unit_id'),
    ])
    .execute();
  const extensions = await db
    .selectFrom('deadline_extension')
    .select(['case_id', 'rule_id', 'extended_to'])
    .where('municipality_id', '=', municipalityId)
    // An extension always ends after the due date it extends, which is after openedFrom.
    .where('extended_to', '>=', openedFrom)
    .execute();
  return {
    cases: rows.map((c) => ({
      id: c.id,
      childId: c.child_id,
      unitId: c.unit_id,
      intakeUnitId: c.intake_unit_id ?? null,
      openedOn: c.opened_on,
      initialDecision: c.initial_decision,
      initialDecidedOn: c.initial_decided_on,
      investigationOpenedOn: c.investigation_opened_on,
      decisionOutcome: c.decision_outcome,
      decidedOn: c.decided_on,
      closedOn: c.closed_on,
    })),
    extensions: extensions.map((e) => ({ caseId: e.case_id, ruleId: e.rule_id, extendedTo: e.extended_to })),
  };
}

function sexOf(personalNumber: string | null, today: string): ChildSex {
  if (!personalNumber) return 'unknown';
  const parsed = parsePersonalNumber(personalNumber, today);
  return parsed.ok ? parsed.value.sexHint : 'unknown';
}

/**
 * Reports received in the period, and the later reports of children whose case closed in it
 * (received in the twelve months after the period), each under its intake unit or its case's.
 */
export async function reportsReceived(
  db: Db,
  municipalityId: string,
  period: DateRange,
  today: string,
): Promise<ReportRow[]> {
  const laterTo = addMonths(period.to, 12);
  const rows = await db
    .selectFrom('report as r')
    .leftJoin('person as p', (join) =>
      join.onRef('p.id', '=', 'r.child_id').onRef('p.municipality_id', '=', 'r.municipality_id'),
    )
    .where('r.municipality_id', '=', municipalityId)
    .where((eb) =>
      eb.or([
        eb.between('r.received_on', period.from, period.to),
        eb.and([
          eb('r.received_on', '>', period.from),
          eb('r.received_on', '<=', laterTo),
          eb(
            'r.child_id',
            'in',
            eb
              .selectFrom('child_case')
              .select('child_id')
              .where('municipality_id', '=', municipalityId)
              .where('closed_on', '>=', period.from)
              .where('closed_on', '<=', period.to),
          ),
        ]),
      ]),
    )
    .select((eb) => [
      'r.id',
      'r.case_id',
      'r.child_id',
      'r.received_on',
      'r.reporter_kind',
      'r.reporter_organisation_kind',
      'r.joined_ongoing',
      'r.child_birth_date',
      'r.child_personal_number',
      'p.birth_date',
      'p.personal_number',
      eb.fn
        .coalesce(
          'r.unit_id',
          eb
            .selectFrom('report as first')
            .select('first.unit_id')
            .whereRef('first.case_id', '=', 'r.case_id')
            .where('first.municipality_id', '=', municipalityId)
            .where('first.unit_id', 'is not', null)
            .orderBy('first.received_on')
            .orderBy('first.received_at')
            .limit(1),
        )
        .as('unit'),
    ])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    childId: r.child_id,
    unitId: r.unit ?? null,
    receivedOn: r.received_on,
    reporterKind: r.reporter_kind,
    organisationKind: r.reporter_organisation_kind,
    joinedOngoing: r.joined_ongoing,
    childBirthDate: r.birth_date ?? r.child_birth_date,
    childSex: sexOf(r.personal_number ?? r.child_personal_number, today),
  }));
}

/**
 * Plans started or agreed in the period, under their coordinator's unit. Samtak records no
 * separate start date: a plan's work starts the day it was created (a draft by social services,
 * or a partner's request, taken up the same day as far as the records tell); a request still
 * waiting or declined has not started (decision 0095).
 */
export async function sipsTouching(db: Db, municipalityId: string, period: DateRange): Promise<SipRow[]> {
  // created_at is an instant; a day's margin either side, then the Swedish date decides.
  const fromInstant = new Date(`${addDays(period.from, -1)}T00:00:00Z`);
  const toInstant = new Date(`${addDays(period.to, 2)}T00:00:00Z`);
  const rows = await db
    .selectFrom('sip as s')
    .leftJoin('user_account as u', (join) =>
      join.onRef('u.id', '=', 's.coordinator_user_id').onRef('u.municipality_id', '=', 's.municipality_id'),
    )
    .where('s.municipality_id', '=', municipalityId)
    .where((eb) =>
      eb.or([
        eb.and([eb('s.created_at', '>=', fromInstant), eb('s.created_at', '<', toInstant)]),
        eb.between('s.agreed_on', period.from, period.to),
      ]),
    )
    .select([
      's.id',
      's.child_id',
      's.status',
      's.close_reason',
      's.requested_by_organisation_id',
      's.created_at',
      's.agreed_on',
      'u.unit_id',
    ])
    .execute();
  return rows.map((s) => {
    const created = todayInSweden(new Date(s.created_at));
    const notStarted = s.status === 'requested' || (s.close_reason === 'declined' && !s.agreed_on);
    return {
      id: s.id,
      childId: s.child_id,
      unitId: s.unit_id ?? null,
      requestedOn: s.requested_by_organisation_id ? created : null,
      startedOn: notStarted ? null : created,
      agreedOn: s.agreed_on,
    };
  });
}

/** Everything the indicator pages read for one period, as far as Samtak keeps it today. */
export async function indicatorData(
  db: Db,
  municipalityId: string,
  period: DateRange,
  today: string,
): Promise<IndicatorData> {
  // One after another: inside a transaction (the rows behind a figure) there is one connection.
  const cases = await casesTouching(db, municipalityId, period);
  const reports = await reportsReceived(db, municipalityId, period, today);
  const sips = await sipsTouching(db, municipalityId, period);
  const placements = await placementsTouching(db, municipalityId, period);
  const responsibility = await responsibilityTouching(db, municipalityId, period, today);
  const since = addMonths(period.from, -4);
  const decisions = await favourableDecisions(db, municipalityId, { since, upTo: period.to }, today);
  return { cases, reports, sips, placements, responsibility, decisions };
}

/** The municipality's units, by name, for the unit choice and the per-unit table. */
export function unitsOf(db: Db, municipalityId: string) {
  return db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('name')
    .execute();
}

export async function municipalityName(db: Db, municipalityId: string): Promise<string> {
  const row = await db
    .selectFrom('municipality')
    .select('name')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return row.name;
}
