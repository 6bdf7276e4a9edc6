import type { Insertable, Kysely } from 'kysely';
import { addDays } from '../deadlines/calendar.ts';
import { defaultFollowUpOn, swedishInstant } from '../joint-visits/domain.ts';
import type { JointVisitTable } from '../joint-visits/schema.ts';
import type { Database } from '../platform/db/schema.ts';

/**
 * Joint home visits with the police for Sjövik's demo, one at every stage: last night's visit
 * still waiting for the family's consent, one with consent and a summary the police can read, one
 * whose consent was withdrawn, one whose follow-up is overdue, and one followed up. Everything is
 * invented, like the families.
 */
export async function seedDemoJointVisits(
  trx: Kysely<Database>,
  input: {
    municipalityId: string;
    today: string;
    units: { intake: string; investigation: string };
    users: { intake: string; socialworker: string };
    police: string;
  },
): Promise<number> {
  const { municipalityId: m, today, units, users, police } = input;
  const reports = await trx
    .selectFrom('report as r')
    .innerJoin('child_case as c', 'c.id', 'r.case_id')
    .select(['r.id', 'r.child_id', 'r.case_id', 'r.received_at', 'c.phase', 'c.responsible_user_id'])
    .where('r.municipality_id', '=', m)
    .where('r.child_id', 'is not', null)
    .orderBy('r.received_at', 'desc')
    .execute();
  const used = new Set<string>();
  const pick = (test: (r: (typeof reports)[number]) => boolean) => {
    const report = reports.find((r) => !used.has(r.child_id!) && test(r));
    if (report) used.add(report.child_id!);
    return report;
  };
  const intakeReports = [
    pick((r) => r.phase === 'initialAssessment'),
    pick((r) => r.phase === 'initialAssessment'),
    pick((r) => r.phase === 'initialAssessment'),
  ];
  const investigated = [
    pick((r) => r.phase === 'investigation' && r.responsible_user_id === users.socialworker),
    pick((r) => r.phase === 'investigation' && r.responsible_user_id === users.socialworker),
  ];
  const now = Date.now();
  const at = (daysAgo: number, time: string) => {
    const instant = swedishInstant(addDays(today, -daysAgo), time);
    // Never in the future, whatever hour the demo is started at.
    return new Date(Math.min(instant.getTime(), now - 10 * 60_000));
  };
  const hoursBefore = (instant: Date, hours: number) => new Date(instant.getTime() - hours * 3_600_000);
  const recordedBy = (r: (typeof reports)[number], intake: boolean) =>
    intake ? users.intake : (r.responsible_user_id ?? users.socialworker);
  const frame = (
    r: (typeof reports)[number],
    visitAt: Date,
    incidentHoursBefore: number,
    intake: boolean,
    reference: string,
  ) => ({
    municipality_id: m,
    report_id: r.id,
    case_id: r.case_id,
    child_id: r.child_id!,
    unit_id: intake ? units.intake : units.investigation,
    police_organisation_id: police,
    police_reference: reference,
    incident_at: hoursBefore(visitAt, incidentHoursBefore),
    visit_at: visitAt,
    place: 'Familjens bostad, Sjövik',
    social_services_participants: intake
      ? 'Iris Holm, socialsekreterare (mottagningen)'
      : 'Sam Berg, socialsekreterare',
    police_participants: 'Per Olsson, ungdomspolis; Lena Ek, polisassistent',
    follow_up_user_id: recordedBy(r, intake),
    recorded_by: recordedBy(r, intake),
    follow_up_on: defaultFollowUpOn(addDays(today, 0)),
  });
  const consent = (kinds: ('summary' | 'support' | 'followUp')[], givenAt: Date, by: string) => ({
    consent_given_by: 'Båda vårdnadshavarna; barnet fick veta vad som delas',
    consent_given_at: givenAt,
    consent_kinds: kinds,
    consent_recorded_by: by,
    consent_recorded_at: givenAt,
  });
  const findings = {
    child_met_alone: true,
    childs_account:
      'Det var bråk igen och pappa kastade en stol. Jag gick in till mitt rum och satte på musik.',
    risk_factors: 'Återkommande bråk mellan de vuxna, alkohol på kvällarna.',
    protective_factors: 'Mamma söker hjälp, mormor bor nära, barnet har en trygg lärare.',
    protection_outcome: 'noImmediateProtection' as const,
    support_offered: 'Stödsamtal för barnet på Familjecentrum, samtal med föräldrarna om våld.',
    support_response: 'accepted' as const,
  };
  const rows: Insertable<JointVisitTable>[] = [];
  const [waiting, shared, withdrawn] = intakeReports;
  if (waiting) {
    const visitAt = at(1, '22:05');
    rows.push({
      ...frame(waiting, visitAt, 1, true, '5000-K41872-26'),
      follow_up_on: defaultFollowUpOn(addDays(today, -1)),
    });
  }
  if (shared) {
    const visitAt = at(2, '19:40');
    rows.push({
      ...frame(shared, visitAt, 0.75, true, '5000-K41533-26'),
      ...findings,
      ...consent(['summary', 'support', 'followUp'], new Date(visitAt.getTime() + 45 * 60_000), users.intake),
      police_summary:
        'Familjen tog emot oss. Barnet är tryggt i kväll. Familjen har tackat ja till stöd från socialtjänsten, som följer upp.',
      follow_up_on: defaultFollowUpOn(addDays(today, -2)),
    });
  }
  if (withdrawn) {
    const visitAt = at(6, '23:15');
    rows.push({
      ...frame(withdrawn, visitAt, 2, true, '5000-K40210-26'),
      ...findings,
      support_response: 'declined',
      ...consent(['summary'], new Date(visitAt.getTime() + 30 * 60_000), users.intake),
      police_summary: 'Familjen ville inte ha stöd i nuläget.',
      consent_withdrawn_at: at(4, '10:00'),
      consent_withdrawn_by: users.intake,
      consent_withdrawal_note: 'Mamma ringde och tog tillbaka samtycket till att polisen får veta något.',
      follow_up_on: defaultFollowUpOn(addDays(today, -6)),
    });
  }
  const [overdue, done] = investigated;
  if (overdue) {
    const visitAt = at(20, '17:30');
    rows.push({
      ...frame(overdue, visitAt, 3, false, '5000-K38800-26'),
      ...findings,
      child_met_alone: false,
      child_not_met_alone_reason: 'Barnet ville inte prata utan mamma; ett enskilt samtal bokades i skolan.',
      ...consent([], new Date(visitAt.getTime() + 60 * 60_000), users.socialworker),
      follow_up_on: defaultFollowUpOn(addDays(today, -20)),
    });
  }
  if (done) {
    const visitAt = at(40, '20:20');
    rows.push({
      ...frame(done, visitAt, 1.5, false, '5000-K36011-26'),
      ...findings,
      ...consent(['support', 'followUp'], new Date(visitAt.getTime() + 30 * 60_000), users.socialworker),
      follow_up_on: defaultFollowUpOn(addDays(today, -40)),
      follow_up_done_on: addDays(today, -27),
      follow_up_done_by: users.socialworker,
      follow_up_note: 'Familjen går på samtal varannan vecka. Inget nytt har hänt.',
    });
  }
  if (rows.length) await trx.insertInto('joint_visit').values(rows).execute();
  return rows.length;
}
