import { createHash } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { addDays, addMonths } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import { newReference } from '../reports/domain.ts';
import type { ReportTable } from '../reports/schema.ts';

/**
 * Demo cases for Sjöviks kommun: reports, assessments and investigations at every stage, with
 * dates counted back from today so that some deadlines are due soon and some are overdue. All
 * invented. The demo API client's token is documented in README ("Demo users").
 */
export const demoApiToken = 'SamtakDemoReportToken2026_sjovik';

const interventions = [
  'Familjebehandling',
  'Kontaktperson',
  'Kontaktfamilj',
  'Öppenvård för ungdom',
  'Föräldrastödsprogram',
  'Samtalsstöd för barn',
];

const concerns = [
  'Eleven har kommit till skolan utan frukost och i smutsiga kläder flera veckor. Hen säger att det är bråk hemma på kvällarna.',
  'Barnet berättade för sin lärare att pappa slog mamma i helgen och att hen gömde sig i garderoben.',
  'Grannar hör skrik och gråt sent på kvällarna. Barnet verkar vara ensamt hemma långa stunder.',
  'Barnet har stor frånvaro sedan jul. Vårdnadshavare svarar inte på skolans kontakter.',
  'Vid tandläkarbesöket hade barnet omfattande obehandlade kariesskador. Tre tidigare bokade besök har uteblivit.',
  'Ungdomen har setts med äldre personer som misstänks för narkotikabrott och har slutat komma till skolan.',
  'Barnet har blåmärken på överarmarna och säger att hen inte vill gå hem.',
  'Förälder verkade påverkad vid hämtning på förskolan och körde sedan bil med barnet.',
];

export async function seedDemoCases(
  trx: Kysely<Database>,
  input: {
    municipalityId: string;
    today: string;
    units: { intake: string; investigation: string };
    users: {
      intake: string;
      socialworker: string;
      socialworker2: string;
      manager: string;
      intakemanager: string;
    };
    /** Children of the demo families; the first ones are assigned to the demo social worker. */
    children: {
      id: string;
      given_name: string;
      family_name: string;
      personal_number: string | null;
      birth_date: string | null;
      assigned: boolean;
    }[];
  },
): Promise<{ reports: number; cases: number }> {
  const { municipalityId: m, today, units, users } = input;
  const ago = (days: number) => addDays(today, -days);
  const monthsAgo = (months: number, days = 0) => addDays(addMonths(today, -months), -days);

  const types = await trx
    .insertInto('intervention_type')
    .values(interventions.map((name) => ({ municipality_id: m, name })))
    .returning(['id', 'name'])
    .execute();
  await trx
    .insertInto('api_client')
    .values({
      municipality_id: m,
      name: 'Region Sjövik, journalsystemet (BUP)',
      organisation_kind: 'healthCare',
      token_hash: createHash('sha256').update(demoApiToken).digest('hex'),
    })
    .execute();

  // Sam Berg's own cases use children already assigned to him (continuity); others are new to all.
  const own = input.children.filter((c) => c.assigned);
  const others = input.children.filter((c) => !c.assigned);
  const nextChild = (assigned = false) => (assigned ? own.shift() : others.shift())!;
  let reports = 0;
  let cases = 0;

  const report = async (
    child: (typeof input.children)[number] | null,
    receivedOn: string,
    extra: Partial<Insertable<ReportTable>> = {},
  ) => {
    const professional = reports % 3 !== 2;
    const row = await trx
      .insertInto('report')
      .values({
        municipality_id: m,
        reference: newReference(),
        unit_id: units.intake,
        received_on: receivedOn,
        received_at: new Date(`${receivedOn}T09:${String(10 + (reports % 40)).padStart(2, '0')}:00+01:00`),
        channel: professional ? 'professionalForm' : 'publicForm',
        reporter_kind: professional ? 'professional' : 'anonymous',
        reporter_name: professional ? 'Lena Rektorsson' : null,
        reporter_phone: professional ? '0999-123 45' : null,
        reporter_organisation: professional ? 'Sjövikskolan' : null,
        reporter_organisation_kind: professional ? 'school' : null,
        reporter_title: professional ? 'Rektor' : null,
        feedback_requested: professional,
        child_given_name: child?.given_name ?? 'Okänt',
        child_family_name: child?.family_name ?? null,
        child_personal_number: child?.personal_number ?? null,
        child_birth_date: child?.birth_date ?? null,
        child_whereabouts: 'Sjövikskolan',
        concern: concerns[reports % concerns.length]!,
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    reports++;
    return row.id;
  };

  const openCase = async (
    child: (typeof input.children)[number],
    receivedOn: string,
    values: Partial<Insertable<Database['child_case']>>,
    reportExtra: Partial<Insertable<ReportTable>> = {},
  ) => {
    const row = await trx
      .insertInto('child_case')
      .values({
        municipality_id: m,
        child_id: child.id,
        unit_id: units.intake,
        phase: 'initialAssessment',
        opened_on: receivedOn,
        ...values,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    cases++;
    await report(child, receivedOn, {
      child_id: child.id,
      case_id: row.id,
      linked_at: new Date(`${receivedOn}T11:00:00+01:00`),
      linked_on: receivedOn,
      linked_by: users.intake,
      protection_outcome: 'noImmediateProtection',
      protection_reasoning:
        'Barnet bedöms inte vara i behov av omedelbart skydd. Barnet är i skolan och har en trygg vuxen.',
      protection_assessed_on: receivedOn,
      protection_assessed_by: users.intake,
      ...reportExtra,
    });
    return row.id;
  };

  // New reports at intake today: one without anything done, one where the child needs protection now.
  await report(null, today, {
    child_given_name: 'Pojken i lägenheten',
    child_family_name: null,
    child_personal_number: null,
    child_birth_date: null,
    child_whereabouts: 'Björkgatan 12, tredje våningen',
  });
  await report(nextChild(), today, {
    protection_outcome: 'immediateProtectionNeeded',
    protection_reasoning:
      'Barnet uppger våld i hemmet och vågar inte gå hem efter skolan. Socialjouren kontaktad.',
    protection_assessed_on: today,
    protection_assessed_by: users.intake,
  });
  // Initial assessments: on track, due soon, and one overdue.
  await openCase(nextChild(), ago(2), {});
  await openCase(nextChild(), ago(12), {}, { feedback_requested: true });
  await openCase(nextChild(), ago(16), { immediate_protection: false });
  // Investigations: nearly due, overdue, unassigned, extended, and one on track with the child's voice.
  const voiceCase = await openCase(nextChild(true), monthsAgo(1, 14), {
    phase: 'investigation',
    unit_id: units.investigation,
    initial_decision: 'openInvestigation',
    initial_decided_on: monthsAgo(1, 5),
    investigation_opened_on: monthsAgo(1, 5),
    child_heard: true,
    responsible_user_id: users.socialworker,
    needs_text: 'Barnet går i årskurs 5. Hög frånvaro under hösten, god kontakt med mentor.',
    parents_capacity_text: 'Mamma beskriver trötthet och svårt att få rutiner att fungera.',
  });
  await trx
    .insertInto('childs_voice')
    .values({
      municipality_id: m,
      case_id: voiceCase,
      held_on: monthsAgo(0, 20),
      circumstances: 'Enskilt samtal i skolan, i kuratorns rum.',
      account:
        'Jag tycker om skolan men det är jobbigt hemma när mamma är ledsen. Jag vill att någon hjälper henne.',
      recorded_by: users.socialworker,
      recorded_by_name: 'Sam Berg',
    })
    .execute();
  await openCase(nextChild(true), monthsAgo(4, 5), {
    phase: 'investigation',
    unit_id: units.investigation,
    initial_decision: 'openInvestigation',
    initial_decided_on: addDays(monthsAgo(4, 5), 10),
    investigation_opened_on: addDays(monthsAgo(4, 5), 10),
    child_heard: true,
    responsible_user_id: users.socialworker,
  });
  await openCase(nextChild(true), monthsAgo(4, 3), {
    phase: 'investigation',
    unit_id: units.investigation,
    initial_decision: 'openInvestigation',
    initial_decided_on: monthsAgo(4, 3),
    investigation_opened_on: monthsAgo(4, 3),
    child_heard: false,
    child_not_heard_reason: 'Barnet var sjukt under förhandsbedömningen.',
    responsible_user_id: users.socialworker,
  });
  await openCase(nextChild(), ago(40), {
    phase: 'investigation',
    unit_id: units.investigation,
    initial_decision: 'openInvestigation',
    initial_decided_on: ago(30),
    investigation_opened_on: ago(30),
    child_heard: true,
  });
  const extended = await openCase(nextChild(), monthsAgo(4, 20), {
    phase: 'investigation',
    unit_id: units.investigation,
    initial_decision: 'openInvestigation',
    initial_decided_on: monthsAgo(4, 10),
    investigation_opened_on: monthsAgo(4, 10),
    child_heard: true,
    responsible_user_id: users.socialworker2,
  });
  await trx
    .insertInto('deadline_extension')
    .values({
      municipality_id: m,
      case_id: extended,
      rule_id: 'investigation',
      extended_to: addDays(today, 21),
      reason: 'Väntar på utlåtande från BUP som behövs för att bedöma barnets behov.',
      decided_on: ago(20),
      decided_by: users.manager,
    })
    .execute();
  // Decided last month: closed without intervention, follow-up planned and due.
  await openCase(nextChild(true), monthsAgo(3, 25), {
    phase: 'closed',
    unit_id: units.investigation,
    initial_decision: 'openInvestigation',
    initial_decided_on: monthsAgo(3, 20),
    investigation_opened_on: monthsAgo(3, 20),
    child_heard: true,
    responsible_user_id: users.socialworker,
    concluded_on: ago(45),
    conclusion_text: 'Familjen har fått stöd via skolan och förskolan. Inget ytterligare behov.',
    party_communicated_on: ago(44),
    party_communication_note: 'Skickat till båda vårdnadshavarna, inga synpunkter.',
    decision_outcome: 'noIntervention',
    decision_text: 'Utredningen avslutas utan insats.',
    decided_on: ago(40),
    decided_by: users.manager,
    closed_on: ago(40),
    closed_by: users.socialworker,
    follow_up_planned: true,
  });
  // Not opened: decided within 14 days, the reason recorded; feedback to the school still owed.
  await openCase(
    nextChild(),
    ago(9),
    {
      phase: 'closed',
      initial_decision: 'noInvestigation',
      initial_decision_reason:
        'Vårdnadshavarna har själva sökt stöd hos BUP och skolan följer upp. Oron bedöms omhändertagen.',
      initial_decided_on: ago(1),
      initial_decided_by: users.intake,
      child_heard: true,
      closed_on: ago(1),
      closed_by: users.intake,
    },
    {
      feedback_requested: true,
      channel: 'professionalForm',
      reporter_kind: 'professional',
      reporter_name: 'Bo Sköterska',
      reporter_organisation: 'Elevhälsan Sjövik',
      reporter_organisation_kind: 'school',
    },
  );
  // Decided with an intervention, still open.
  const granted = await openCase(nextChild(), monthsAgo(3, 5), {
    phase: 'investigation',
    unit_id: units.investigation,
    initial_decision: 'openInvestigation',
    initial_decided_on: monthsAgo(3),
    investigation_opened_on: monthsAgo(3),
    child_heard: true,
    responsible_user_id: users.socialworker2,
    childs_voice_waived_reason: 'Barnet är ett år gammalt; observation av samspel i hemmet i stället.',
    concluded_on: ago(6),
    conclusion_text: 'Behov av familjebehandling för att stärka föräldraförmågan.',
    party_communicated_on: ago(5),
    party_communication_note: 'Kommunicerat vid möte med båda vårdnadshavarna.',
    decision_outcome: 'interventions',
    decision_text: 'Familjebehandling beviljas enligt SoL.',
    decided_on: ago(3),
    decided_by: users.manager,
  });
  await trx
    .insertInto('case_intervention')
    .values({
      municipality_id: m,
      case_id: granted,
      intervention_type_id: types.find((t) => t.name === 'Familjebehandling')!.id,
    })
    .execute();
  await trx
    .insertInto('case_note')
    .values({
      municipality_id: m,
      case_id: voiceCase,
      event_date: ago(3),
      body: 'Telefonsamtal med mamma. Hon bekräftar tiden för hembesök nästa vecka.',
      author_id: users.socialworker,
      author_name: 'Sam Berg',
    })
    .execute();
  return { reports, cases };
}
