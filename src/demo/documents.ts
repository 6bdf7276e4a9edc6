import type { Kysely } from 'kysely';
import { addDays } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import { newReference } from '../reports/domain.ts';

/**
 * The documents of the demo cases (src/documents/): one investigation of Sam Berg's decided with an
 * application partly granted (its letter says how to appeal), its proposal and a letter sent; his
 * case closed without intervention has its decision letter sent (not appealable); the decision not
 * to investigate is handed over, its feedback to the school still owed. All invented.
 */
export async function seedDemoDocuments(
  trx: Kysely<Database>,
  input: {
    municipalityId: string;
    today: string;
    investigationUnitId: string;
    intakeUnitId: string;
    users: { socialworker: string; manager: string; intake: string };
  },
): Promise<number> {
  const { municipalityId: m, today, users } = input;
  const ago = (days: number) => addDays(today, -days);
  const name = async (id: string) =>
    (
      await trx
        .selectFrom('user_account')
        .select('display_name')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).display_name;
  const [workerName, intakeName] = [await name(users.socialworker), await name(users.intake)];
  const firstGuardian = (childId: string) =>
    trx
      .selectFrom('guardianship as g')
      .innerJoin('person as p', 'p.id', 'g.guardian_id')
      .select(['p.id', 'p.given_name', 'p.family_name'])
      .where('g.municipality_id', '=', m)
      .where('g.child_id', '=', childId)
      .orderBy('p.family_name')
      .orderBy('p.given_name')
      .executeTakeFirst();

  // A child of Sam Berg's with guardians and no case yet: the oldest, so the letters go to them too.
  const child = await trx
    .selectFrom('person as p')
    .innerJoin('person_assignment as a', (join) => join.onRef('a.person_id', '=', 'p.id'))
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.personal_number', 'p.birth_date'])
    .where('p.municipality_id', '=', m)
    .where('a.user_id', '=', users.socialworker)
    .where('p.birth_date', '>', `${Number(today.slice(0, 4)) - 17}${today.slice(4)}`)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('child_case as c').select('c.id').whereRef('c.child_id', '=', 'p.id'))),
    )
    .where((eb) =>
      eb.exists(eb.selectFrom('guardianship as g').select('g.child_id').whereRef('g.child_id', '=', 'p.id')),
    )
    .orderBy('p.birth_date')
    .executeTakeFirst();
  let sent = 0;
  if (child) {
    const opened = ago(110);
    const decided = ago(4);
    const kase = await trx
      .insertInto('child_case')
      .values({
        municipality_id: m,
        child_id: child.id,
        unit_id: input.investigationUnitId,
        phase: 'investigation',
        opened_on: opened,
        initial_decision: 'openInvestigation',
        initial_decision_reason: 'Vårdnadshavarna har ansökt om stöd och skolan är orolig.',
        initial_decided_on: addDays(opened, 6),
        initial_decided_by: users.intake,
        investigation_opened_on: addDays(opened, 6),
        child_heard: true,
        responsible_user_id: users.socialworker,
        needs_text:
          'Går i skolan men har hög frånvaro på måndagar. Tycker om fotboll. Sover dåligt när det är bråk hemma.',
        parents_capacity_text:
          'Mamma och pappa vill väl men är oeniga om gränser. Pappa arbetar natt och orkar inte på helgerna.',
        family_environment_text: 'Bor i lägenhet centralt. Farmor finns i närheten och hjälper ibland.',
        concluded_on: ago(20),
        conclusion_text:
          'Barnet behöver vuxna som är överens och förutsägbara. Familjebehandling bedöms kunna ge det. Kontaktfamilj bedöms inte behövas nu, eftersom farmor finns som avlastning.',
        party_communicated_on: ago(18),
        party_communication_note: 'Utredningen skickad till båda vårdnadshavarna.',
        decision_outcome: 'interventions',
        decision_text: 'Familjebehandling beviljas. Ansökan om kontaktfamilj avslås.',
        decided_on: decided,
        decided_by: users.manager,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('report')
      .values({
        municipality_id: m,
        reference: newReference(),
        unit_id: input.intakeUnitId,
        received_on: opened,
        received_at: new Date(`${opened}T08:40:00+01:00`),
        channel: 'professionalForm',
        reporter_kind: 'professional',
        reporter_name: 'Kim Kurator',
        reporter_organisation: 'Sjövikskolan',
        reporter_organisation_kind: 'school',
        reporter_title: 'Skolkurator',
        feedback_requested: true,
        child_given_name: child.given_name,
        child_family_name: child.family_name,
        child_personal_number: child.personal_number,
        child_birth_date: child.birth_date,
        concern:
          'Eleven berättar om bråk hemma på helgerna och sover dåligt. Frånvaron har ökat under hösten.',
        child_id: child.id,
        case_id: kase.id,
        linked_at: new Date(`${opened}T11:00:00+01:00`),
        linked_on: opened,
        linked_by: users.intake,
        protection_outcome: 'noImmediateProtection',
        protection_reasoning: 'Inget tyder på akut fara. Barnet har en trygg vuxen i skolan.',
        protection_assessed_on: opened,
        protection_assessed_by: users.intake,
      })
      .execute();
    await trx
      .insertInto('childs_voice')
      .values({
        municipality_id: m,
        case_id: kase.id,
        held_on: ago(40),
        circumstances: 'Enskilt samtal på fritidsgården.',
        account: 'Det är bäst när mamma och pappa inte bråkar om mig. Jag vill inte bo någon annanstans.',
        recorded_by: users.socialworker,
        recorded_by_name: workerName,
      })
      .execute();
    const types = await trx
      .selectFrom('intervention_type')
      .select(['id', 'name'])
      .where('municipality_id', '=', m)
      .where('name', '=', 'Familjebehandling')
      .execute();
    if (types[0])
      await trx
        .insertInto('case_intervention')
        .values({ municipality_id: m, case_id: kase.id, intervention_type_id: types[0].id })
        .execute();
    await trx
      .insertInto('case_document_details')
      .values({
        municipality_id: m,
        case_id: kase.id,
        proposal: 'Familjebehandling beviljas. Ansökan om kontaktfamilj avslås.',
        application: 'partlyOrRefused',
        applied_for: 'Familjebehandling och kontaktfamilj varannan helg',
        recorded_by: users.socialworker,
      })
      .execute();
    const guardian = await firstGuardian(child.id);
    if (guardian) {
      await trx
        .insertInto('document_dispatch')
        .values({
          municipality_id: m,
          case_id: kase.id,
          document_kind: 'partyCommunication',
          recipient: `person:${guardian.id}`,
          recipient_name: `${guardian.given_name} ${guardian.family_name}`,
          method: 'letter',
          sent_on: ago(18),
          recorded_by: users.socialworker,
          recorded_by_name: workerName,
        })
        .execute();
      sent++;
    }
  }

  // Sam Berg's case closed without intervention: its decision letter went out by letter.
  const closed = await trx
    .selectFrom('child_case')
    .select(['id', 'child_id', 'decided_on'])
    .where('municipality_id', '=', m)
    .where('responsible_user_id', '=', users.socialworker)
    .where('decision_outcome', '=', 'noIntervention')
    .executeTakeFirst();
  const notOpened = await trx
    .selectFrom('child_case')
    .select(['id', 'child_id', 'initial_decided_on as decided_on'])
    .where('municipality_id', '=', m)
    .where('initial_decision', '=', 'noInvestigation')
    .executeTakeFirst();
  for (const [k, kind, method, by, byName] of [
    [closed, 'decision', 'letter', users.socialworker, workerName],
    [notOpened, 'noInvestigation', 'handedOver', users.intake, intakeName],
  ] as const) {
    if (!k?.decided_on) continue;
    const guardian = await firstGuardian(k.child_id);
    if (!guardian) continue;
    await trx
      .insertInto('document_dispatch')
      .values({
        municipality_id: m,
        case_id: k.id,
        document_kind: kind,
        recipient: `person:${guardian.id}`,
        recipient_name: `${guardian.given_name} ${guardian.family_name}`,
        method,
        sent_on: k.decided_on,
        recorded_by: by,
        recorded_by_name: byName,
      })
      .execute();
    sent++;
  }
  return sent;
}
