import { copyValue } from './audit-stream.ts';
import { caseState, episodeCase } from './cases.ts';
import { placementOf } from './placement-plan.ts';
import { dateOf, dayMs, type PlanMunicipality } from './plan.ts';
import { derivedSeed, Rng, structuredId } from './rng.ts';

/**
 * The care that follows the cases, derived from the same episodes: placements outside the home
 * (issue 15) with their homes, decisions, periods, steps, reconsiderations and the visits and talks
 * the guideline asks for; coordinated individual plans (SIP, issue 6) for some investigated children,
 * with parties, consent, goals, actions and follow-ups; and joint visits with the police (issue 14)
 * after some reports. Partner organisations beside the school: the municipality's own social
 * services, child psychiatry and the police area.
 */

export const careColumns = {
  placement_intervention_type: ['municipality_id', 'intervention_type_id'],
  placement_home: [
    'id',
    'municipality_id',
    'kind',
    'name',
    'forms',
    'home_municipality_code',
    'street_address',
    'postal_code',
    'city',
    'ownership',
    'ivo_permit_reference',
    'ivo_permit_granted_on',
    'ivo_permit_forms',
    'created_at',
  ],
  placement_home_carer: ['id', 'municipality_id', 'home_id', 'name'],
  placement_home_investigation: ['id', 'municipality_id', 'home_id', 'completed_on', 'result'],
  placement: [
    'id',
    'municipality_id',
    'child_id',
    'case_id',
    'intervention_type_id',
    'unit_id',
    'designated_worker_id',
    'ended_on',
    'end_outcome',
    'created_at',
    'created_by',
  ],
  placement_decision: [
    'id',
    'municipality_id',
    'placement_id',
    'basis',
    'decided_on',
    'decided_by_kind',
    'decided_by_name',
    'protocol_reference',
    'executed_on',
  ],
  placement_period: [
    'id',
    'municipality_id',
    'placement_id',
    'home_id',
    'form',
    'decided_on',
    'decided_by_kind',
    'decided_by_name',
    'started_on',
  ],
  placement_consideration: [
    'id',
    'municipality_id',
    'placement_id',
    'kind',
    'decided_on',
    'decided_by_kind',
    'decided_by_name',
    'conclusion',
    'created_at',
  ],
  placement_step: ['id', 'municipality_id', 'placement_id', 'kind', 'on_date', 'created_at'],
  placement_contact: [
    'id',
    'municipality_id',
    'placement_id',
    'on_date',
    'kind',
    'place',
    'outcome',
    'child_alone',
    'attended_to',
    'note',
    'recorded_by',
    'recorded_by_name',
    'created_at',
  ],
  sip: [
    'id',
    'municipality_id',
    'child_id',
    'case_id',
    'status',
    'coordinator_user_id',
    'lead_organisation_id',
    'meeting_on',
    'follow_up_on',
    'agreed_on',
    'closed_on',
    'close_reason',
    'created_at',
    'created_by',
  ],
  sip_participant: ['municipality_id', 'sip_id', 'organisation_id', 'invited_on', 'invited_by'],
  sip_consent: [
    'id',
    'municipality_id',
    'sip_id',
    'given_on',
    'valid_until',
    'information_kinds',
    'childs_view',
    'recorded_by',
    'recorded_at',
  ],
  sip_goal: ['id', 'municipality_id', 'sip_id', 'area', 'goal', 'created_at'],
  sip_action: [
    'id',
    'municipality_id',
    'sip_id',
    'goal_id',
    'description',
    'responsible_organisation_id',
    'due_on',
    'status',
    'created_at',
  ],
  sip_follow_up: [
    'id',
    'municipality_id',
    'sip_id',
    'held_on',
    'note',
    'next_follow_up_on',
    'recorded_by',
    'recorded_at',
  ],
  joint_visit: [
    'id',
    'municipality_id',
    'report_id',
    'case_id',
    'child_id',
    'unit_id',
    'police_organisation_id',
    'police_reference',
    'incident_at',
    'visit_at',
    'place',
    'social_services_participants',
    'police_participants',
    'child_met_alone',
    'childs_account',
    'protection_outcome',
    'follow_up_on',
    'follow_up_user_id',
    'follow_up_done_on',
    'follow_up_done_by',
    'recorded_by',
    'recorded_at',
  ],
} as const;

export type CareTable = keyof typeof careColumns;
export type CareTables = Record<CareTable, string[]>;

/** Ids of the partner organisations every municipality has (kind 7 is the school, generate.ts). */
export const organisationId = {
  school: (seed: number, m: number) => structuredId(seed, m, 7, 0),
  socialServices: (seed: number, m: number) => structuredId(seed, m, 7, 1),
  childPsychiatry: (seed: number, m: number) => structuredId(seed, m, 7, 2),
  police: (seed: number, m: number) => structuredId(seed, m, 7, 3),
};

/** The organisations beside the school, as partner_organisation rows (id, municipality, name, kind). */
export function extraOrganisations(m: PlanMunicipality, seed: number): string[] {
  return [
    row([organisationId.socialServices(seed, m.index), m.id, `Socialtjänsten, ${m.city}`, 'socialServices']),
    row([organisationId.childPsychiatry(seed, m.index), m.id, `BUP ${m.city}`, 'childPsychiatry']),
    row([organisationId.police(seed, m.index), m.id, `Polisen, lokalpolisområde ${m.city}`, 'police']),
  ];
}

function row(values: (string | number | boolean | null)[]): string {
  return `${values.map((v) => copyValue(typeof v === 'boolean' ? (v ? 't' : 'f') : v)).join('\t')}\n`;
}
const at = (day: number, hour: number) => new Date(day * dayMs + hour * 3_600_000).toISOString();

const homeNames = ['Familjen Ek', 'Familjen Strand', 'Familjen Lund', 'Familjen Björk', 'Familjen Å'];
const hvbNames = ['Solgläntans HVB', 'Ekbackens behandlingshem', 'Hemmet vid sjön', 'Kompassen HVB'];
const contactNotes = [
  'Barnet visade sitt rum och berättade om skolan och kompisarna.',
  'Samtal med barnet på tu man hand; barnet trivs men saknar sina syskon.',
  'Familjehemmet berättar att barnet sover bättre och har börjat träna fotboll.',
  'Barnet vill träffa mamma oftare; vi pratade om hur umgänget kan ordnas.',
];
const goals = {
  goodHealth: 'Barnet ska få en bedömning hos BUP och stöd för sin sömn.',
  successInSchool: 'Barnet ska gå i skolan varje dag och klara kunskapskraven i svenska.',
  safetyAtHome: 'Barnet ska känna sig trygg hemma och veta vem hen kan vända sig till.',
} as const;

/** Everything of placements, plans and joint visits for one municipality. */
export function careTables(
  m: PlanMunicipality,
  seed: number,
  firstReport: readonly (string | undefined)[],
  interventionTypeId: (index: number) => string,
): CareTables {
  const t = Object.fromEntries(Object.keys(careColumns).map((k) => [k, [] as string[]])) as CareTables;
  const today = m.todayDay;
  const rng = new Rng(derivedSeed(seed, m.index, 81));
  const managerOf = new Map<number, number>();
  m.users.forEach((u, i) => {
    if (u.role === 'manager' && u.unit !== null) managerOf.set(u.unit, i);
  });
  const intakeUnit = new Map<number, number>();
  m.units.forEach((u, i) => {
    if (u.kind === 'intake') intakeUnit.set(u.district, i);
  });
  for (const typeIndex of [3, 4])
    t.placement_intervention_type.push(row([m.id, interventionTypeId(typeIndex)]));

  const placements = m.episodes.map((e, index) => ({ e, index, p: placementOf(seed, m, index, e, today) }));
  const placed = placements.filter((x) => x.p !== null);
  // Homes: about one for every three placements over the history, three in ten of them providers.
  const homeCount = Math.max(4, Math.ceil(placed.length / 3));
  const homes: { id: string; provider: boolean; kinship: boolean }[] = [];
  for (let h = 0; h < homeCount; h++) {
    const id = structuredId(seed, m.index, 20, h);
    const provider = rng.chance(0.3);
    const kinship = !provider && rng.chance(0.2);
    const forms = provider ? '{residentialCareHome}' : kinship ? '{kinshipFamilyHome}' : '{familyHome}';
    const created = m.firstDay + rng.int(0, Math.max(0, today - m.firstDay - 400));
    t.placement_home.push(
      row([
        id,
        m.id,
        provider ? 'provider' : 'privateHome',
        provider ? `${rng.pick(hvbNames)} ${h + 1}` : `${rng.pick(homeNames)} ${h + 1}`,
        forms,
        rng.chance(0.7) ? m.code : '0180',
        `${rng.pick(['Skogsvägen', 'Ängsgatan', 'Bruksvägen'])} ${rng.int(1, 80)}`,
        `${rng.int(100, 999)} ${rng.int(10, 99)}`,
        m.city,
        provider ? 'private' : null,
        provider ? `IVO 8.5-${rng.int(1000, 99999)}/${2010 + rng.int(0, 14)}` : null,
        provider ? dateOf(created - 200) : null,
        provider ? '{residentialCareHome}' : '{}',
        at(created, 10),
      ]),
    );
    if (!provider) {
      for (let c = 0; c < 2; c++) {
        t.placement_home_carer.push(
          row([structuredId(seed, m.index, 21, h * 2 + c), m.id, id, `${['Lena', 'Johan'][c]} ${h + 1}`]),
        );
      }
      t.placement_home_investigation.push(
        row([structuredId(seed, m.index, 22, h), m.id, id, dateOf(created), 'approved']),
      );
    }
    homes.push({ id, provider, kinship });
  }

  const providers = homes.filter((h) => h.provider);
  const privateHomes = homes.filter((h) => !h.provider);
  let n = 0;
  for (const { e, index, p } of placed) {
    if (!p) continue;
    const { caseId } = episodeCase(m, seed, index, e);
    const worker = m.users[e.worker]!;
    const manager = m.users[managerOf.get(worker.unit!)!]!;
    const prng = new Rng(derivedSeed(seed, m.index, 82, index));
    const id = structuredId(seed, m.index, 23, n);
    const home = p.typeIndex === 4 ? providers : privateHomes;
    const lvu = prng.chance(0.25);
    t.placement.push(
      row([
        id,
        m.id,
        m.persons[e.child]!.id,
        caseId,
        interventionTypeId(p.typeIndex),
        m.units[worker.unit!]!.id,
        worker.id,
        p.endDay === null ? null : dateOf(p.endDay),
        p.endOutcome,
        at(p.decidedDay, 13),
        manager.id,
      ]),
    );
    t.placement_decision.push(
      row([
        structuredId(seed, m.index, 24, n),
        m.id,
        id,
        lvu ? prng.pick(['lvu2', 'lvu3']) : 'sol',
        dateOf(p.decidedDay),
        lvu ? 'court' : 'subcommittee',
        lvu ? 'Förvaltningsrätten' : 'Individutskottet',
        `IU ${dateOf(p.decidedDay).slice(0, 4)}/${prng.int(1, 400)}`,
        lvu ? dateOf(p.startDay) : null,
      ]),
    );
    const last = p.endDay ?? today;
    // One home, or a move to a second one a fifth of the time.
    const moveDay =
      prng.chance(0.2) && last - p.startDay > 120 ? p.startDay + prng.int(60, last - p.startDay) : null;
    const periods = moveDay === null ? [p.startDay] : [p.startDay, moveDay];
    periods.forEach((start, k) => {
      const h = prng.pick(home.length ? home : homes);
      t.placement_period.push(
        row([
          structuredId(seed, m.index, 25, n * 2 + k),
          m.id,
          id,
          h.id,
          h.provider ? 'residentialCareHome' : h.kinship ? 'kinshipFamilyHome' : 'familyHome',
          dateOf(start - (k === 0 ? start - p.decidedDay : 3)),
          'subcommittee',
          'Individutskottet',
          dateOf(start),
        ]),
      );
    });
    // The care plan and the implementation plan, the region told; mostly in time.
    const steps: [string, number][] = [
      ['carePlanEstablished', p.startDay + prng.int(-5, 20)],
      ['implementationPlanEstablished', p.startDay + prng.int(10, 60)],
      ['regionNotified', p.startDay + prng.int(0, 10)],
    ];
    steps.forEach(([kind, day], k) => {
      if (day > today || prng.chance(0.08)) return;
      t.placement_step.push(
        row([structuredId(seed, m.index, 26, n * 4 + k), m.id, id, kind, dateOf(day), at(day, 11)]),
      );
    });
    // Reconsidered (SoL) or reviewed (LVU) every six months.
    for (let day = p.startDay + 182, k = 0; day <= last && k < 8; day += 182, k++) {
      t.placement_consideration.push(
        row([
          structuredId(seed, m.index, 27, n * 8 + k),
          m.id,
          id,
          lvu ? 'lvuReview' : 'reconsideration',
          dateOf(day),
          'subcommittee',
          'Individutskottet',
          'Vården ska fortsätta; barnets behov tillgodoses i hemmet.',
          at(day, 14),
        ]),
      );
    }
    // Visits and talks with the child about four times a year, now and then only attempted.
    let c = 0;
    for (let day = p.startDay + prng.int(14, 40); day <= last; day += prng.int(60, 110)) {
      const talk = prng.chance(0.5);
      t.placement_contact.push(
        row([
          structuredId(seed, m.index, 28, n * 64 + c++),
          m.id,
          id,
          dateOf(day),
          talk ? 'talkWithChild' : 'visit',
          talk ? prng.pick(['placementHome', 'school', 'office']) : 'placementHome',
          prng.chance(0.93) ? 'made' : 'attempted',
          talk ? true : null,
          '{health,schooling,relations}',
          prng.pick(contactNotes),
          worker.id,
          worker.displayName,
          at(day, 15),
        ]),
      );
      if (c >= 63) break;
    }
    n++;
  }

  // Plans (SIP) for investigated children, coordinated by their worker.
  let s = 0;
  m.episodes.forEach((e, index) => {
    if (e.investigationEndDay === null || caseState(e, today) === 'initialAssessment') return;
    const srng = new Rng(derivedSeed(seed, m.index, 83, index));
    // A third of the children followed today have a plan; a tenth of those followed before.
    const end = e.interventionEndDay ?? e.investigationEndDay;
    if (!srng.chance(end >= today ? 0.35 : 0.1)) return;
    const created = e.assessedDay + srng.int(5, 30);
    if (created > today) return;
    const { caseId, unlinked } = episodeCase(m, seed, index, e);
    if (unlinked) return;
    const worker = m.users[e.worker]!;
    const agreed = created + srng.int(7, 21);
    if (end < agreed) return;
    const status = end < today ? 'closed' : agreed > today ? 'draft' : 'active';
    // The next follow-up: every three months from the agreement, the latest one planned.
    let followUp = agreed + 90;
    while (status === 'active' && followUp < today - srng.int(0, 20)) followUp += 90;
    const id = structuredId(seed, m.index, 30, s);
    const lead = organisationId.socialServices(seed, m.index);
    const school = organisationId.school(seed, m.index);
    const bup = organisationId.childPsychiatry(seed, m.index);
    const parties = srng.chance(0.4) ? [lead, school, bup] : [lead, school];
    t.sip.push(
      row([
        id,
        m.id,
        m.persons[e.child]!.id,
        caseId,
        status,
        worker.id,
        status === 'draft' ? null : lead,
        dateOf(Math.min(agreed, today + 14)),
        status === 'draft' ? null : dateOf(followUp),
        status === 'draft' ? null : dateOf(agreed),
        status === 'closed' ? dateOf(end) : null,
        status === 'closed' ? 'goalsMet' : null,
        at(created, 10),
        worker.id,
      ]),
    );
    for (const org of parties) t.sip_participant.push(row([m.id, id, org, dateOf(created), worker.id]));
    t.sip_consent.push(
      row([
        structuredId(seed, m.index, 31, s),
        m.id,
        id,
        dateOf(created),
        dateOf(created + 364),
        '{plan,needs}',
        'agrees',
        worker.id,
        at(created, 11),
      ]),
    );
    const areas = (['safetyAtHome', 'successInSchool', 'goodHealth'] as const).slice(0, srng.int(1, 3));
    areas.forEach((area, k) => {
      const goalId = structuredId(seed, m.index, 32, s * 4 + k);
      t.sip_goal.push(row([goalId, m.id, id, area, goals[area], at(created, 12)]));
      const due = agreed + srng.int(60, 180);
      t.sip_action.push(
        row([
          structuredId(seed, m.index, 33, s * 4 + k),
          m.id,
          id,
          goalId,
          area === 'successInSchool' ? 'Skolan gör en plan för närvaron.' : 'Samtalsstöd varannan vecka.',
          area === 'successInSchool' ? school : area === 'goodHealth' && parties.includes(bup) ? bup : lead,
          dateOf(due),
          due < today ? srng.pick(['done', 'done', 'notDone']) : srng.pick(['planned', 'ongoing']),
          at(created, 12),
        ]),
      );
    });
    for (let day = agreed + 90, k = 0; day < Math.min(today, end) && k < 12; day += 90, k++) {
      t.sip_follow_up.push(
        row([
          structuredId(seed, m.index, 34, s * 12 + k),
          m.id,
          id,
          dateOf(day),
          'Uppföljning med alla parter; insatserna fortsätter.',
          dateOf(day + 90),
          worker.id,
          at(day, 16),
        ]),
      );
    }
    s++;
  });

  // A joint visit with the police after one report in forty, mostly where protection was needed.
  let j = 0;
  m.episodes.forEach((e, index) => {
    const report = firstReport[index];
    if (!report) return;
    const { caseId, immediate } = episodeCase(m, seed, index, e);
    const jrng = new Rng(derivedSeed(seed, m.index, 84, index));
    if (!jrng.chance(immediate ? 0.4 : 0.02)) return;
    const intaker = m.users[e.intakeWorker]!;
    const visit = e.reportDay;
    const followUp = visit + 14;
    const done = followUp <= today && jrng.chance(0.9);
    t.joint_visit.push(
      row([
        structuredId(seed, m.index, 35, j++),
        m.id,
        report,
        caseId,
        m.persons[e.child]!.id,
        m.units[intakeUnit.get(m.persons[e.child]!.district)!]!.id,
        organisationId.police(seed, m.index),
        `5000-K${jrng.int(100000, 999999)}-${dateOf(visit).slice(2, 4)}`,
        at(visit - 1, 20),
        at(visit, 10),
        'Familjens bostad',
        `${intaker.displayName} (socialsekreterare)`,
        'Två poliser från lokalpolisområdet',
        true,
        'Barnet berättade om bråket i går kväll och att hen var rädd.',
        immediate ? 'immediateProtectionNeeded' : 'noImmediateProtection',
        dateOf(followUp),
        intaker.id,
        done ? dateOf(followUp) : null,
        done ? intaker.id : null,
        intaker.id,
        at(visit, 14),
      ]),
    );
  });
  return t;
}
