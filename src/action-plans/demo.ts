import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { addDays, addMonths } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import type { MeasureStatus } from './measures.ts';
import type { PlanIndicatorTable } from './schema.ts';

/**
 * The demo's action plan (issue 18): Sjövik's adopted plan with Östersund's six areas, twelve
 * measures in all four states (one late), two of Samtak's indicators showing live figures from the
 * demo cases and plans, one indicator entered by hand, and two matters raised nationally (one
 * answered). Fictional; nothing about a child.
 */

type Org = 'socialServices' | 'school' | 'bup' | 'police';

const areas: { area: string; rationale: string; themes: string[] }[] = [
  {
    area: 'childrensEnvironment',
    rationale:
      'Barn i Sjövik ska växa upp i en trygg miljö; vräkningar av barnfamiljer och barnfattigdom ska förebyggas.',
    themes: ['childPoverty', 'parentingSupport'],
  },
  {
    area: 'influenceAndParticipation',
    rationale: 'Barnets röst ska synas i varje utredning, och socialsekreterarna ska ha mer tid med barnen.',
    themes: ['childsVoice', 'workload'],
  },
  {
    area: 'schooling',
    rationale: 'Placerade barn lämnar oftare skolan utan fullständiga betyg.',
    themes: ['familyHomes', 'schoolAttendance'],
  },
  {
    area: 'health',
    rationale: 'Barn med psykisk ohälsa ska få stöd tidigt, tillsammans med BUP.',
    themes: ['childPsychiatryCollaboration', 'earlyCoordinatedEfforts'],
  },
  {
    area: 'coordinationAndCollaboration',
    rationale: 'Samverkan med skola, polis och regionen ska bli en del av vardagen.',
    themes: ['policeCollaboration', 'childPsychiatryCollaboration'],
  },
  {
    area: 'qualityOfWork',
    rationale: 'Utredningarna ska hålla tiderna, och personalen ska stanna.',
    themes: ['staffingAndCompetence', 'workload'],
  },
];

const measures: {
  area: number;
  title: string;
  owner: Org;
  role: string;
  dueIn: number;
  status: MeasureStatus;
  partners?: Org[];
  cites?: string[];
  evidence?: string;
  reason?: string;
}[] = [
  {
    area: 0,
    title: 'Rutin för att förebygga vräkningar av barnfamiljer',
    owner: 'socialServices',
    role: 'Enhetschef, ekonomiskt bistånd',
    dueIn: 60,
    status: 'started',
  },
  {
    area: 0,
    title: 'Öppna familjecentral i centrum',
    owner: 'socialServices',
    role: 'Verksamhetschef',
    dueIn: 200,
    status: 'planned',
    partners: ['bup'],
  },
  {
    area: 1,
    title: 'Administrativ assistent i utredningsgruppen',
    owner: 'socialServices',
    role: 'Enhetschef, Barn och unga',
    dueIn: -30,
    status: 'done',
    evidence: 'Assistenten anställdes i september; socialsekreterarna redovisar mer tid för samtal.',
  },
  {
    area: 1,
    title: 'Barnets egna ord i varje utredning',
    owner: 'socialServices',
    role: 'Metodutvecklare',
    dueIn: -10,
    status: 'started',
  },
  {
    area: 2,
    title: 'Skolfam för barn i familjehem',
    owner: 'school',
    role: 'Rektor, elevhälsan',
    dueIn: 120,
    status: 'started',
    partners: ['socialServices'],
    cites: ['Skolfam: skolstöd för barn i familjehem'],
  },
  {
    area: 2,
    title: 'Bokpaket till barnen i familjehemmen',
    owner: 'socialServices',
    role: 'Familjehemssekreterare',
    dueIn: 90,
    status: 'started',
    cites: ['Bokpaket till familjehemmen'],
  },
  {
    area: 3,
    title: 'Socialpsykiatriskt team för unga med självskadebeteende',
    owner: 'bup',
    role: 'Enhetschef, BUP Sjövik',
    dueIn: 180,
    status: 'planned',
    partners: ['socialServices'],
  },
  {
    area: 3,
    title: 'Gemensam telefontid för familjehem hos BUP',
    owner: 'bup',
    role: 'Samordnare, BUP Sjövik',
    dueIn: 30,
    status: 'dropped',
    reason: 'Ersätts av konsultationen i det socialpsykiatriska teamet.',
  },
  {
    area: 4,
    title: 'Chefsnätverk med skola, polis och region',
    owner: 'socialServices',
    role: 'Socialchef',
    dueIn: -60,
    status: 'done',
    partners: ['school', 'police', 'bup'],
    evidence: 'Nätverket har träffats fyra gånger; minnesanteckningar finns.',
  },
  {
    area: 4,
    title: 'Gemensamma hembesök med polisen efter en händelse',
    owner: 'police',
    role: 'Kommunpolis',
    dueIn: 45,
    status: 'started',
    partners: ['socialServices'],
    cites: ['Gemensamma hembesök med polisen efter en händelse'],
  },
  {
    area: 5,
    title: 'Mentorer för nyanställda socialsekreterare',
    owner: 'socialServices',
    role: 'Enhetschef, Barn och unga',
    dueIn: 150,
    status: 'planned',
    cites: ['Mentorer för nya socialsekreterare'],
  },
  {
    area: 5,
    title: 'Mätning av arbetsbelastning varje kvartal',
    owner: 'socialServices',
    role: 'Verksamhetsutvecklare',
    dueIn: 20,
    status: 'planned',
  },
];

export async function seedActionPlanDemo(
  db: Kysely<Database>,
  options: { today: string; municipalityId: string; managerId: string; organisations: Record<Org, string> },
): Promise<number> {
  const { today, municipalityId, managerId, organisations } = options;
  const plan = await db
    .insertInto('action_plan')
    .values({
      municipality_id: municipalityId,
      series_id: randomUUID(),
      version: 1,
      status: 'adopted',
      title: 'Plan för handling 2026–2027',
      adopted_by_body: 'Socialnämnden',
      adopted_on: addMonths(today, -4),
      deadline: addMonths(today, 14),
      summary: 'Planen skrevs efter den nationella samordnarens första besök och följs upp vid nästa.',
      created_by: managerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('action_plan_organisation')
    .values(Object.values(organisations).map((id) => ({ plan_id: plan.id, organisation_id: id })))
    .execute();
  await db
    .insertInto('action_plan_area')
    .values(
      areas.map((a, position) => ({
        plan_id: plan.id,
        position,
        area: a.area,
        rationale: a.rationale,
        themes: a.themes,
      })),
    )
    .execute();
  const examples = await db
    .selectFrom('good_practice_revision')
    .select(['example_id', 'title'])
    .where('state', '=', 'published')
    .execute();
  for (const m of measures) {
    const row = await db
      .insertInto('action_plan_measure')
      .values({
        plan_id: plan.id,
        area_position: m.area,
        title: m.title,
        owner_organisation_id: organisations[m.owner],
        owner_role: m.role,
        starts_on: addMonths(today, -3),
        due_on: addDays(today, m.dueIn),
        status: m.status,
        evidence: m.evidence ?? '',
        drop_reason: m.reason ?? '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (m.partners?.length)
      await db
        .insertInto('action_plan_measure_partner')
        .values(m.partners.map((p) => ({ measure_id: row.id, organisation_id: organisations[p] })))
        .execute();
    const cited = examples.filter((e) => m.cites?.includes(e.title));
    if (cited.length)
      await db
        .insertInto('action_plan_measure_example')
        .values(cited.map((e) => ({ measure_id: row.id, example_id: e.example_id })))
        .execute();
    const steps: MeasureStatus[] =
      m.status === 'planned'
        ? ['planned']
        : m.status === 'started'
          ? ['planned', 'started']
          : m.status === 'done'
            ? ['planned', 'started', 'done']
            : ['planned', 'dropped'];
    await db
      .insertInto('action_plan_measure_status')
      .values(
        steps.map((to, i) => ({
          measure_id: row.id,
          from_status: i === 0 ? null : steps[i - 1]!,
          to_status: to,
          changed_on: addMonths(today, -3 + i),
          changed_by: managerId,
          evidence: to === 'done' ? (m.evidence ?? '') : '',
          reason: to === 'dropped' ? (m.reason ?? '') : '',
        })),
      )
      .execute();
  }
  const indicator = (
    area: number,
    values: Omit<Insertable<PlanIndicatorTable>, 'plan_id' | 'area_position'>,
  ) =>
    db
      .insertInto('plan_indicator')
      .values({ plan_id: plan.id, area_position: area, ...values })
      .returning('id')
      .executeTakeFirstOrThrow();
  await indicator(5, {
    name: 'Förhandsbedömningar inom 14 dagar',
    definition:
      'Andelen förhandsbedömningar under de senaste tolv månaderna som var klara inom 14 dagar från att ärendet öppnades.',
    unit: 'percent',
    direction: 'increase',
    baseline_value: 70,
    baseline_on: addMonths(today, -12),
    target_value: 95,
    target_by: addMonths(today, 14),
    source_kind: 'samtak',
    samtak_indicator_id: 'initialAssessmentWithin14Days',
  });
  await indicator(4, {
    name: 'Påbörjade SIP',
    definition: 'Antalet samordnade individuella planer som påbörjats under de senaste tolv månaderna.',
    unit: 'count',
    direction: 'increase',
    baseline_value: 2,
    baseline_on: addMonths(today, -12),
    target_value: 20,
    target_by: addMonths(today, 14),
    source_kind: 'samtak',
    samtak_indicator_id: 'sipsStarted',
  });
  const attendance = await indicator(2, {
    name: 'Skolnärvaro bland placerade barn',
    definition:
      'Genomsnittlig närvaro under terminen bland barn placerade i familjehem, enligt skolans register.',
    unit: 'percent',
    direction: 'increase',
    baseline_value: 82,
    baseline_on: addMonths(today, -10),
    target_value: 92,
    target_by: addMonths(today, 14),
    source_kind: 'manual',
    source_description: 'Skolans närvarostatistik, sammanställd per termin',
  });
  await db
    .insertInto('plan_indicator_value')
    .values({
      indicator_id: attendance.id,
      measured_on: addMonths(today, -4),
      value: 86,
      source: 'Skolans närvarostatistik, vårterminen',
      entered_by: managerId,
    })
    .execute();
  await db
    .insertInto('national_matter')
    .values([
      {
        municipality_id: municipalityId,
        plan_id: plan.id,
        title: 'Återrapporteringen av riktade statsbidrag tynger små kommuner',
        description:
          'Varje riktat bidrag har sin egen redovisning; en liten förvaltning lägger veckor på det.',
        themes: ['documentationAndReporting', 'workload'],
        raised_on: addMonths(today, -3),
        status: 'answered',
        answer: 'Frågan är lyft till Socialstyrelsen och ingår i arbetet med en samlad redovisning.',
        answered_by_name: 'Nationella samordnaren',
        answered_on: addMonths(today, -1),
        raised_by: managerId,
      },
      {
        municipality_id: municipalityId,
        plan_id: plan.id,
        title: 'Svårt att rekrytera familjehem i glesbygd',
        description:
          'Familjehemmen finns långt från barnens skolor och nätverk; ersättningarna räcker inte till resorna.',
        themes: ['familyHomes', 'collaborationBetweenMunicipalities'],
        raised_on: addDays(today, -20),
        status: 'raised',
        raised_by: managerId,
      },
    ])
    .execute();
  await db
    .insertInto('collaboration_change')
    .values([
      {
        record_type: 'actionPlan',
        record_id: plan.id,
        action: 'created',
        actor_user_id: managerId,
        actor_name: 'Socialtjänsten, Sjöviks kommun',
      },
      {
        record_type: 'actionPlan',
        record_id: plan.id,
        action: 'adopted',
        actor_user_id: managerId,
        actor_name: 'Socialtjänsten, Sjöviks kommun',
        note: 'Socialnämnden',
      },
    ])
    .execute();
  return measures.length;
}
