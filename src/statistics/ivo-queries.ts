import type { Kysely } from 'kysely';
import type { IsoDate } from '../deadlines/calendar.ts';
import { parsePersonalNumber } from '../people/personal-number.ts';
import type { Database } from '../platform/db/schema.ts';
import type { IvoDecision } from './ivo-report.ts';

type Db = Kysely<Database>;

/**
 * Favourable decisions and their execution (decision 0098): each intervention a case's decision
 * granted (`case_intervention` of a case decided with interventions) is one decision under
 * 11 kap. 1 § SoL, of its decision day; when it was carried out, interrupted, resumed or ended,
 * and the reasons for a delay, are recorded in `decision_execution` on the IVO page.
 */
export interface IvoDecisionRow extends IvoDecision {
  caseId: string;
  interventionTypeId: string;
  childName: string;
}

export const decisionId = (caseId: string, typeId: string) => `${caseId}.${typeId}`;

/** The decisions made up to a day that were not carried out before `since` (or were interrupted). */
export async function favourableDecisions(
  db: Db,
  municipalityId: string,
  range: { since: IsoDate; upTo: IsoDate },
  today: IsoDate,
): Promise<IvoDecisionRow[]> {
  const rows = await db
    .selectFrom('case_intervention as ci')
    .innerJoin('child_case as c', (j) =>
      j.onRef('c.id', '=', 'ci.case_id').onRef('c.municipality_id', '=', 'ci.municipality_id'),
    )
    .innerJoin('intervention_type as it', (j) =>
      j.onRef('it.id', '=', 'ci.intervention_type_id').onRef('it.municipality_id', '=', 'ci.municipality_id'),
    )
    .innerJoin('person as p', (j) =>
      j.onRef('p.id', '=', 'c.child_id').onRef('p.municipality_id', '=', 'c.municipality_id'),
    )
    .leftJoin('decision_execution as e', (j) =>
      j
        .onRef('e.case_id', '=', 'ci.case_id')
        .onRef('e.intervention_type_id', '=', 'ci.intervention_type_id')
        .onRef('e.municipality_id', '=', 'ci.municipality_id'),
    )
    .select([
      'ci.case_id',
      'ci.intervention_type_id',
      'c.child_id',
      'c.unit_id',
      'c.decided_on',
      'it.name',
      'p.given_name',
      'p.family_name',
      'p.personal_number',
      'p.birth_date',
      'e.carried_out_on',
      'e.interrupted_on',
      'e.resumed_on',
      'e.ended_on',
      'e.delay_reason',
    ])
    .where('ci.municipality_id', '=', municipalityId)
    .where('c.decision_outcome', '=', 'interventions')
    .where('c.decided_on', 'is not', null)
    .where('c.decided_on', '<=', range.upTo)
    .where((eb) =>
      eb.or([
        eb('e.carried_out_on', 'is', null),
        eb('e.carried_out_on', '>=', range.since),
        eb('e.interrupted_on', 'is not', null),
      ]),
    )
    .orderBy('c.decided_on')
    .execute();
  return rows.map((r) => {
    const parsed = r.personal_number ? parsePersonalNumber(r.personal_number, today) : null;
    return {
      id: decisionId(r.case_id, r.intervention_type_id),
      caseId: r.case_id,
      interventionTypeId: r.intervention_type_id,
      childId: r.child_id,
      childName: `${r.given_name} ${r.family_name}`,
      unitId: r.unit_id,
      interventionKind: r.name,
      reportable: true,
      decidedOn: r.decided_on!,
      carriedOutOn: r.carried_out_on,
      interruptedOn: r.interrupted_on,
      resumedOn: r.resumed_on,
      endedOn: r.ended_on,
      delayReason: r.delay_reason,
      sex: parsed?.ok ? parsed.value.sexHint : 'unknown',
      birthYear: r.birth_date ? Number(r.birth_date.slice(0, 4)) : null,
    };
  });
}
