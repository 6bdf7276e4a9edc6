import type { Kysely } from 'kysely';
import { addDays, addMonths, type IsoDate } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import type { GuardianshipRow, ResponsibilityRow } from './inputs.ts';
import { earlier } from './periods.ts';

type Db = Kysely<Database>;

/**
 * Who was the child's responsible social worker, and when (decision 0097): a case's history of
 * assignments (`case_responsibility`, written when a manager assigns it) gives one stretch per
 * worker, each until the day before the next worker's first day or until the case closed. A case
 * assigned before the history was kept counts its present worker from the day its investigation
 * opened. A worker replaced on the day they were assigned (a mistake put right) held no day.
 */
export interface ResponsibleCase {
  id: string;
  childId: string;
  unitId: string;
  responsibleUserId: string | null;
  startedOn: IsoDate;
  closedOn: IsoDate | null;
}

export function responsibilityPeriods(
  cases: readonly ResponsibleCase[],
  history: readonly { caseId: string; userId: string; fromOn: IsoDate }[],
): ResponsibilityRow[] {
  const byCase = new Map<string, { userId: string; fromOn: IsoDate }[]>();
  for (const h of history) byCase.set(h.caseId, [...(byCase.get(h.caseId) ?? []), h]);
  const rows: ResponsibilityRow[] = [];
  for (const c of cases) {
    const log = (byCase.get(c.id) ?? []).sort((a, b) => a.fromOn.localeCompare(b.fromOn));
    if (log.length === 0) {
      if (c.responsibleUserId)
        rows.push({
          childId: c.childId,
          workerId: c.responsibleUserId,
          unitId: c.unitId,
          from: c.startedOn,
          to: c.closedOn,
        });
      continue;
    }
    log.forEach((entry, i) => {
      const next = log[i + 1];
      const to = next ? addDays(next.fromOn, -1) : c.closedOn;
      if (to !== null && to < entry.fromOn) return;
      rows.push({ childId: c.childId, workerId: entry.userId, unitId: c.unitId, from: entry.fromOn, to });
    });
  }
  return rows;
}

/** The responsibilities over the twelve months up to the period's end, and the children's guardians. */
export async function responsibilityTouching(
  db: Db,
  municipalityId: string,
  period: { to: IsoDate },
  today: IsoDate,
): Promise<{ responsibilities: ResponsibilityRow[]; guardianships: GuardianshipRow[] }> {
  const end = earlier(period.to, today);
  const from = addMonths(end, -12);
  const cases = await db
    .selectFrom('child_case as c')
    .select([
      'c.id',
      'c.child_id',
      'c.unit_id',
      'c.responsible_user_id',
      'c.opened_on',
      'c.investigation_opened_on',
      'c.closed_on',
    ])
    .where('c.municipality_id', '=', municipalityId)
    .where((eb) => eb.or([eb('c.closed_on', 'is', null), eb('c.closed_on', '>=', from)]))
    .where('c.opened_on', '<=', end)
    .where((eb) =>
      eb.or([
        eb('c.responsible_user_id', 'is not', null),
        eb.exists(
          eb
            .selectFrom('case_responsibility as r')
            .select('r.id')
            .whereRef('r.case_id', '=', 'c.id')
            .where('r.municipality_id', '=', municipalityId),
        ),
      ]),
    )
    .execute();
  const ids = cases.map((c) => c.id);
  const history = ids.length
    ? await db
        .selectFrom('case_responsibility')
        .select(['case_id', 'user_id', 'from_on'])
        .where('municipality_id', '=', municipalityId)
        .where('case_id', 'in', ids)
        .execute()
    : [];
  const responsibilities = responsibilityPeriods(
    cases.map((c) => ({
      id: c.id,
      childId: c.child_id,
      unitId: c.unit_id,
      responsibleUserId: c.responsible_user_id,
      startedOn: c.investigation_opened_on ?? c.opened_on,
      closedOn: c.closed_on,
    })),
    history.map((h) => ({ caseId: h.case_id, userId: h.user_id, fromOn: h.from_on })),
  );
  const children = [...new Set(responsibilities.map((r) => r.childId))];
  const guardianships = children.length
    ? await db
        .selectFrom('guardianship')
        .select(['child_id', 'guardian_id', 'kind'])
        .where('municipality_id', '=', municipalityId)
        .where('child_id', 'in', children)
        .execute()
    : [];
  return {
    responsibilities,
    guardianships: guardianships.map((g) => ({
      childId: g.child_id,
      guardianId: g.guardian_id,
      kind: g.kind,
    })),
  };
}
