import { liveIndicatorIds } from '../../src/action-plans/live-indicators.ts';
import { planAreas, targetGroups, themes } from '../../src/collaboration/areas.ts';
import { copyValue } from './audit-stream.ts';
import { organisationId } from './care.ts';
import { episodeCase } from './cases.ts';
import { dateOf, dayMs, type PlanMunicipality } from './plan.ts';
import { derivedSeed, Rng, structuredId } from './rng.ts';

/**
 * The rest of a municipality's working life, at the scale of its staff: the staff register with
 * ten years of employments (turnover, consultants, mentors; issue 17), the working day's
 * notifications and booked visits (issue 14), and the collaboration layer (issue 18): action plans
 * with areas, measures and indicators (two of them Samtak's live ones), standing forums with their
 * meetings, decisions and actions, and good examples shared between municipalities.
 */
export const collaborationColumns = {
  staff_member: ['municipality_id', 'id', 'name', 'created_at'],
  employment: [
    'municipality_id',
    'id',
    'staff_member_id',
    'unit_id',
    'role',
    'started_on',
    'ended_on',
    'end_reason',
    'consultant',
    'fte',
  ],
  mentorship: ['municipality_id', 'id', 'mentor_id', 'mentee_id', 'from_on', 'to_on', 'hours_per_week'],
  workday_notification: [
    'id',
    'municipality_id',
    'user_id',
    'kind',
    'case_id',
    'child_id',
    'created_at',
    'read_at',
  ],
  calendar_appointment: [
    'id',
    'municipality_id',
    'user_id',
    'kind',
    'case_id',
    'starts_at',
    'ends_at',
    'place',
  ],
  good_practice: [
    'id',
    'kind',
    'author_user_id',
    'author_municipality_id',
    'author_organisation_key',
    'author_organisation_name',
    'created_at',
  ],
  good_practice_revision: [
    'id',
    'example_id',
    'revision_no',
    'state',
    'title',
    'area',
    'themes',
    'target_groups',
    'problem',
    'what_was_done',
    'results',
    'contact_name',
    'contact_role',
    'tags',
    'tags_text',
    'evidence_level',
    'written_by',
    'written_at',
    'published_on',
    'last_reviewed_on',
  ],
  action_plan: [
    'id',
    'municipality_id',
    'series_id',
    'version',
    'status',
    'title',
    'adopted_by_body',
    'adopted_on',
    'deadline',
    'summary',
    'created_by',
    'created_at',
  ],
  action_plan_organisation: ['plan_id', 'organisation_id'],
  action_plan_area: ['plan_id', 'position', 'area', 'title', 'rationale', 'themes'],
  action_plan_measure: [
    'id',
    'plan_id',
    'area_position',
    'title',
    'description',
    'owner_organisation_id',
    'owner_role',
    'starts_on',
    'due_on',
    'status',
  ],
  action_plan_measure_example: ['measure_id', 'example_id'],
  plan_indicator: [
    'id',
    'plan_id',
    'area_position',
    'name',
    'definition',
    'unit',
    'direction',
    'baseline_value',
    'baseline_on',
    'target_value',
    'target_by',
    'source_kind',
    'samtak_indicator_id',
    'source_description',
  ],
  plan_indicator_value: ['id', 'indicator_id', 'measured_on', 'value', 'source', 'entered_by'],
  forum: ['id', 'municipality_id', 'name', 'purpose', 'level', 'cadence', 'created_by', 'created_at'],
  forum_member: ['forum_id', 'organisation_id'],
  forum_representative: ['id', 'forum_id', 'organisation_id', 'name', 'title', 'role'],
  forum_meeting: ['id', 'forum_id', 'planned_on', 'place', 'status', 'held_on', 'minutes'],
  forum_decision: ['meeting_id', 'position', 'text'],
  forum_action: [
    'id',
    'forum_id',
    'meeting_id',
    'description',
    'organisation_id',
    'due_on',
    'status',
    'closed_on',
  ],
} as const;

export type CollaborationTable = keyof typeof collaborationColumns;
export type CollaborationTables = Record<CollaborationTable, string[]>;

function row(values: (string | number | boolean | null)[]): string {
  return `${values.map((v) => copyValue(typeof v === 'boolean' ? (v ? 't' : 'f') : v)).join('\t')}\n`;
}
const at = (day: number, hour: number) => new Date(day * dayMs + hour * 3_600_000).toISOString();
const list = (values: readonly string[]) => `{${values.join(',')}}`;

const exampleTitles = [
  ['Familjehemsrekrytering tillsammans med grannkommunerna', 'familyHomes'],
  ['Mentorer för nyanställda socialsekreterare', 'staffingAndCompetence'],
  ['Skolnärvaroteam med elevhälsa och socialtjänst', 'schoolAttendance'],
  ['Gemensamma hembesök med polisen efter våld i hemmet', 'policeCollaboration'],
  ['Tidiga samordnade insatser för förskolebarn', 'earlyCoordinatedEfforts'],
  ['Barnets röst i varje utredning', 'childsVoice'],
  ['Föräldrastöd på arabiska och somaliska', 'parentingSupport'],
  ['Samverkan med BUP om väntetider', 'childPsychiatryCollaboration'],
] as const;

/** Good examples: about one for every 25 children of the tier, between 30 and 4,000. */
export function exampleCount(children: number): number {
  return Math.min(4_000, Math.max(30, Math.round(children / 25)));
}

export function collaborationTables(
  m: PlanMunicipality,
  seed: number,
  options: { children: number; all: readonly PlanMunicipality[] },
): CollaborationTables {
  const t = Object.fromEntries(
    Object.keys(collaborationColumns).map((k) => [k, [] as string[]]),
  ) as CollaborationTables;
  const today = m.todayDay;
  const rng = new Rng(derivedSeed(seed, m.index, 90));
  const staffRoles = new Set(['socialWorker', 'intakeWorker', 'manager']);
  const years = Math.max(1, Math.round((today - m.firstDay) / 365));

  // The staff register: today's staff (matching the user accounts) and those who left, about one in
  // seven a year, each replaced; a tenth are consultants; newcomers of the last year have a mentor.
  let staff = 0;
  let employments = 0;
  const current: { id: string; unit: string; started: number }[] = [];
  const addEmployment = (
    memberId: string,
    unit: string,
    role: string,
    started: number,
    ended: number | null,
  ) =>
    t.employment.push(
      row([
        m.id,
        structuredId(seed, m.index, 40, employments++),
        memberId,
        unit,
        role,
        dateOf(started),
        ended === null ? null : dateOf(ended),
        ended === null
          ? null
          : rng.pick(['otherEmployer', 'otherEmployer', 'internalMove', 'retirement', 'endOfFixedTerm']),
        rng.chance(0.1),
        rng.chance(0.9) ? '1.00' : '0.75',
      ]),
    );
  for (const u of m.users) {
    if (!staffRoles.has(u.role) || u.unit === null) continue;
    const unit = m.units[u.unit]!.id;
    const role = u.role === 'manager' ? 'manager' : u.role;
    const id = structuredId(seed, m.index, 41, staff++);
    const started = today - Math.floor(rng.next() * rng.next() * years * 365);
    t.staff_member.push(row([m.id, id, u.displayName, at(started, 8)]));
    addEmployment(id, unit, role, started, null);
    current.push({ id, unit, started });
    for (let y = 0; y < years; y++) {
      if (!rng.chance(1 / 7)) continue;
      const leftId = structuredId(seed, m.index, 41, staff++);
      const ended = today - y * 365 - rng.int(0, 364);
      const began = ended - rng.int(120, 2000);
      t.staff_member.push(row([m.id, leftId, `Tidigare anställd ${staff}`, at(began, 8)]));
      addEmployment(leftId, unit, role, began, ended);
    }
  }
  let mentorships = 0;
  for (const c of current) {
    if (c.started < today - 365) continue;
    const mentor = current.find((o) => o.unit === c.unit && o.started < today - 730);
    if (!mentor) continue;
    t.mentorship.push(
      row([
        m.id,
        structuredId(seed, m.index, 42, mentorships++),
        mentor.id,
        c.id,
        dateOf(c.started),
        dateOf(c.started + 180),
        '2.0',
      ]),
    );
  }

  // The working day: a notification for each child assigned in the last three months, booked
  // visits and meetings for each social worker over the past twelve weeks and the next four.
  const caseOfChild = new Map<number, string>();
  m.episodes.forEach((e, index) => {
    caseOfChild.set(e.child, episodeCase(m, seed, index, e).caseId);
  });
  let notes = 0;
  for (const a of m.assignments) {
    if (a.sinceDay < today - 90) continue;
    const child = m.persons[a.person]!;
    t.workday_notification.push(
      row([
        structuredId(seed, m.index, 43, notes++),
        m.id,
        m.users[a.user]!.id,
        'caseAssigned',
        caseOfChild.get(a.person) ?? null,
        child.id,
        at(a.sinceDay, 9),
        a.sinceDay < today - 2 ? at(a.sinceDay + 1, 8) : null,
      ]),
    );
  }
  const caseload = new Map<number, number[]>();
  for (const a of m.assignments) caseload.set(a.user, [...(caseload.get(a.user) ?? []), a.person]);
  let appointments = 0;
  m.users.forEach((u, userIndex) => {
    if (u.role !== 'socialWorker') return;
    const children = caseload.get(userIndex) ?? [];
    for (let day = today - 84; day < today + 28; day++) {
      const weekday = new Date(day * dayMs).getUTCDay();
      if (weekday === 0 || weekday === 6 || !rng.chance(0.5)) continue;
      const visit = children.length > 0 && rng.chance(0.6);
      const hour = rng.int(8, 15);
      t.calendar_appointment.push(
        row([
          structuredId(seed, m.index, 44, appointments++),
          m.id,
          u.id,
          visit ? 'visit' : 'meeting',
          visit ? (caseOfChild.get(rng.pick(children)) ?? null) : null,
          at(day, hour - 1),
          at(day, hour),
          visit ? 'Hembesök' : 'Nätverksmöte',
        ]),
      );
    }
  });

  const managers = m.users.filter((u) => u.role === 'manager');
  const manager = managers[0]!;
  const orgs = [
    organisationId.socialServices(seed, m.index),
    organisationId.school(seed, m.index),
    organisationId.childPsychiatry(seed, m.index),
    organisationId.police(seed, m.index),
  ];

  // Good examples are the installation's, shared between municipalities: written in the main one's pass.
  const examples: string[] = [];
  if (m.index === 0) {
    const count = exampleCount(options.children);
    for (let i = 0; i < count; i++) {
      const author = options.all[i % options.all.length]!;
      const writer = author.users.find((u) => u.role === 'manager')!;
      const id = structuredId(seed, 0, 45, i);
      const [title, theme] = exampleTitles[i % exampleTitles.length]!;
      const created = today - rng.int(30, 365 * 4);
      const revisions = rng.chance(0.2) ? 2 : 1;
      t.good_practice.push(
        row([
          id,
          i % 10 === 9 ? 'visitReport' : 'example',
          writer.id,
          author.id,
          `m:${author.id}`,
          author.name,
          at(created, 9),
        ]),
      );
      for (let r = 1; r <= revisions; r++) {
        const written = created + (r - 1) * rng.int(30, 200);
        const state = r === revisions ? 'published' : 'superseded';
        const groups = [rng.pick(targetGroups), rng.pick(targetGroups)];
        t.good_practice_revision.push(
          row([
            structuredId(seed, 0, 46, i * 2 + r),
            id,
            r,
            state,
            `${title} (${author.name}, ${i + 1})`,
            rng.pick(planAreas),
            list([theme, rng.pick(themes)].filter((v, k, a) => a.indexOf(v) === k)),
            list(groups.filter((v, k, a) => a.indexOf(v) === k)),
            'Många barn fick vänta länge på stöd och samverkan mellan aktörerna fungerade dåligt.',
            `Vi byggde upp ${title.toLowerCase()} med tydliga roller, gemensamma rutiner och uppföljning varje kvartal.`,
            'Väntetiden halverades och fler barn fick stöd i tid.',
            writer.displayName,
            'Enhetschef',
            list(['samverkan', theme === 'familyHomes' ? 'familjehem' : 'barn']),
            `samverkan ${theme === 'familyHomes' ? 'familjehem' : 'barn'}`,
            rng.pick(['localResult', 'localResult', 'evaluatedWithReport']),
            writer.id,
            at(written, 10),
            dateOf(written + 7),
            dateOf(written + 7),
          ]),
        );
      }
      examples.push(id);
    }
  }

  // Action plans: the one adopted this year, the previous version superseded, its areas, measures
  // and indicators; two of the indicators are Samtak's own, computed live on the plan's page.
  const series = structuredId(seed, m.index, 47, 0);
  let measures = 0;
  let indicators = 0;
  for (const version of [1, 2]) {
    const planId = structuredId(seed, m.index, 48, version);
    const adopted = today - (version === 2 ? 60 : 425);
    t.action_plan.push(
      row([
        planId,
        m.id,
        series,
        version,
        version === 2 ? 'adopted' : 'superseded',
        `Handlingsplan för barn och unga i ${m.city}`,
        'Socialnämnden',
        dateOf(adopted),
        dateOf(adopted + 3 * 365),
        'Planen samlar kommunens och regionens gemensamma åtgärder för barn och unga.',
        manager.id,
        at(adopted - 30, 9),
      ]),
    );
    for (const org of orgs) t.action_plan_organisation.push(row([planId, org]));
    const areas = planAreas.slice(0, 4);
    areas.forEach((area, position) => {
      t.action_plan_area.push(
        row([
          planId,
          position,
          area,
          '',
          'Behovet syns i uppföljningen av förra året.',
          list([themes[position]!]),
        ]),
      );
      for (let k = 0; k < 4; k++) {
        const measureId = structuredId(seed, m.index, 49, measures++);
        const due = adopted + rng.int(90, 900);
        t.action_plan_measure.push(
          row([
            measureId,
            planId,
            position,
            `Åtgärd ${position + 1}.${k + 1}`,
            'Genomförs tillsammans med parterna.',
            orgs[k % orgs.length]!,
            'Enhetschef',
            dateOf(adopted),
            dateOf(due),
            due < today ? rng.pick(['done', 'done', 'dropped']) : rng.pick(['planned', 'started']),
          ]),
        );
        // Half of the measures cite a good example (those of the main municipality's pass).
        const cite = examples.length ? examples[rng.int(0, examples.length - 1)] : undefined;
        if (cite && rng.chance(0.5)) t.action_plan_measure_example.push(row([measureId, cite]));
      }
      const samtak = position < liveIndicatorIds.length ? liveIndicatorIds[position]! : null;
      const indicatorId = structuredId(seed, m.index, 50, indicators++);
      t.plan_indicator.push(
        row([
          indicatorId,
          planId,
          position,
          samtak ? `Samtak: ${samtak}` : 'Andel elever med hög frånvaro',
          'Enligt Samtaks definition respektive skolans närvarosystem.',
          samtak === 'sipsStarted' ? 'count' : 'percent',
          samtak === 'sipsStarted' || samtak === 'initialAssessmentWithin14Days' ? 'increase' : 'decrease',
          samtak === 'sipsStarted' ? 10 : 60,
          dateOf(adopted - 30),
          samtak === 'sipsStarted' ? 30 : 90,
          dateOf(adopted + 3 * 365),
          samtak ? 'samtak' : 'manual',
          samtak,
          samtak ? '' : 'Skolans närvarosystem',
        ]),
      );
      if (!samtak) {
        for (let q = adopted; q < today; q += 91) {
          t.plan_indicator_value.push(
            row([
              structuredId(seed, m.index, 51, indicators * 100 + (q - adopted) / 91),
              indicatorId,
              dateOf(q),
              rng.int(8, 20),
              'Skolans närvarosystem',
              manager.id,
            ]),
          );
        }
      }
    });
  }
  // Only the second version is current: one version of a series may be adopted at a time.

  // Standing forums: political, management and operational, meeting over the last three years.
  const forums = [
    ['Politisk styrgrupp för barn och unga', 'political', 'twiceAYear', 182],
    ['Ledningsgrupp för samverkan', 'management', 'quarterly', 91],
    ['Operativ samverkansgrupp', 'operational', 'monthly', 30],
  ] as const;
  let meetings = 0;
  let reps = 0;
  let actions = 0;
  forums.forEach(([name, level, cadence, every], f) => {
    const forumId = structuredId(seed, m.index, 52, f);
    t.forum.push(
      row([
        forumId,
        m.id,
        name,
        'Samverkan kring barn och unga.',
        level,
        cadence,
        manager.id,
        at(today - 3 * 365, 9),
      ]),
    );
    orgs.forEach((org, o) => {
      t.forum_member.push(row([forumId, org]));
      t.forum_representative.push(
        row([
          structuredId(seed, m.index, 53, reps++),
          forumId,
          org,
          `Representant ${o + 1}`,
          'Chef',
          o === 0 ? 'chair' : 'member',
        ]),
      );
    });
    for (let day = today - 3 * 365; day < today + every; day += every) {
      const meetingId = structuredId(seed, m.index, 54, meetings++);
      const held = day < today;
      t.forum_meeting.push(
        row([
          meetingId,
          forumId,
          dateOf(day),
          'Stadshuset',
          held ? 'held' : 'planned',
          held ? dateOf(day) : null,
          held ? 'Mötet gick igenom läget och de öppna åtgärderna.' : '',
        ]),
      );
      if (!held) continue;
      t.forum_decision.push(
        row([meetingId, 1, 'Gruppen beslutade att följa upp åtgärderna vid nästa möte.']),
      );
      const due = day + every;
      t.forum_action.push(
        row([
          structuredId(seed, m.index, 55, actions++),
          forumId,
          meetingId,
          'Ta fram en gemensam rutin.',
          rng.pick(orgs),
          dateOf(due),
          due < today ? 'done' : 'open',
          due < today ? dateOf(due) : null,
        ]),
      );
    }
  });
  return t;
}
