import { copyValue } from './audit-stream.ts';
import { placementOf } from './placement-plan.ts';
import { dateOf, dayMs, type Episode, type PlanMunicipality } from './plan.ts';
import { derivedSeed, Rng, structuredId } from './rng.ts';

/**
 * Reports, cases, the child's account, case notes, interventions and extensions, derived from
 * the plan's episodes so they tell the same story as the audit trail: each episode is a report
 * that opened a case; the case was closed after the initial assessment or investigated; an
 * investigation ended in a decision. Today's open episodes are today's open cases, so worklists
 * and deadlines fall where the episodes put them: spread over the year, more in autumn.
 */

export interface CaseTables {
  intervention_type: string[];
  child_case: string[];
  case_intervention: string[];
  decision_execution: string[];
  report: string[];
  childs_voice: string[];
  deadline_extension: string[];
  /** The id of the report that opened each episode's case (by episode index), when linked. */
  firstReport: (string | undefined)[];
}

export const caseColumns = {
  intervention_type: ['id', 'municipality_id', 'name', 'ksi_code'],
  child_case: [
    'id',
    'municipality_id',
    'child_id',
    'unit_id',
    'phase',
    'opened_on',
    'immediate_protection',
    'initial_decision',
    'initial_decision_reason',
    'initial_decided_on',
    'initial_decided_by',
    'child_heard',
    'child_not_heard_reason',
    'investigation_opened_on',
    'responsible_user_id',
    'needs_text',
    'parents_capacity_text',
    'family_environment_text',
    'concluded_on',
    'conclusion_text',
    'decision_outcome',
    'decision_text',
    'decided_on',
    'decided_by',
    'closed_on',
    'closed_by',
    'follow_up_planned',
    'follow_up_done_on',
    'created_at',
  ],
  case_intervention: ['municipality_id', 'case_id', 'intervention_type_id'],
  decision_execution: [
    'municipality_id',
    'case_id',
    'intervention_type_id',
    'carried_out_on',
    'ended_on',
    'delay_reason',
  ],
  report: [
    'id',
    'municipality_id',
    'reference',
    'unit_id',
    'received_at',
    'received_on',
    'channel',
    'reporter_kind',
    'reporter_name',
    'reporter_phone',
    'reporter_organisation',
    'reporter_organisation_kind',
    'reporter_title',
    'feedback_requested',
    'child_given_name',
    'child_family_name',
    'child_personal_number',
    'child_birth_date',
    'concern',
    'guardians_informed',
    'child_id',
    'case_id',
    'joined_ongoing',
    'linked_at',
    'linked_on',
    'linked_by',
    'protection_outcome',
    'protection_reasoning',
    'protection_assessed_on',
    'protection_assessed_by',
    'feedback_text',
    'feedback_sent_on',
    'feedback_sent_by',
  ],
  childs_voice: [
    'id',
    'municipality_id',
    'case_id',
    'held_on',
    'circumstances',
    'account',
    'recorded_by',
    'recorded_by_name',
    'recorded_at',
  ],
  deadline_extension: [
    'id',
    'municipality_id',
    'case_id',
    'rule_id',
    'extended_to',
    'reason',
    'decided_on',
    'decided_by',
  ],
  case_note: [
    'id',
    'municipality_id',
    'case_id',
    'event_date',
    'body',
    'author_id',
    'author_name',
    'signed_at',
  ],
} as const;

const interventions = [
  ['Kontaktperson', 'SOL.KP'],
  ['Familjebehandling', 'SOL.FB'],
  ['Stödsamtal för barn', 'SOL.SS'],
  ['Placering i familjehem', 'SOL.FH'],
  ['Placering på HVB', 'SOL.HVB'],
  ['Föräldrastöd i grupp', 'SOL.FG'],
] as const;

const concerns = [
  'Barnet har vid flera tillfällen kommit till skolan hungrigt och utan ytterkläder.',
  'Barnet berättar att det är mycket bråk hemma och att hen är rädd när pappa dricker.',
  'Frånvaron från skolan har ökat kraftigt under terminen och vårdnadshavarna svarar inte.',
  'Barnet hade blåmärken på armarna och ville inte berätta hur de uppkommit.',
  'Grannar hör skrik från lägenheten sent på kvällarna, flera gånger i veckan.',
  'Ungdomen har setts i sällskap med äldre personer som misstänks sälja narkotika.',
  'Förälderns psykiska mående har försämrats och barnet tar stort ansvar för syskonen.',
  'Barnet har uttryckt självmordstankar till skolkuratorn.',
];
const noteParts = [
  'Samtal med barnet i skolan, barnet gav uttryck för att trivas bättre nu.',
  'Hembesök hos familjen. Båda vårdnadshavarna närvarade.',
  'Telefonkontakt med mentor på skolan om närvaro och mående.',
  'Samtal med vårdnadshavare om utredningens upplägg och barnets behov.',
  'Kontakt med BUP, barnet står på väntelista för bedömning.',
  'Nätverksmöte med skola, elevhälsa och familjen.',
  'Barnet uttrycker oro inför helgen och vill ha mer kontakt med socialtjänsten.',
  'Uppföljning av insatsen: familjen upplever att samarbetet fungerar.',
  'Inhämtat uppgifter från polisen efter samtycke från vårdnadshavare.',
  'Barnet och vårdnadshavaren tog del av utredningens innehåll.',
];

/**
 * When a decided intervention was carried out (SoL 2025:400 and the IVO report of decisions not
 * carried out within three months): most within a month, one in fifty held up with a reason,
 * ended when the episode's intervention ends. None yet for a decision of the last few days.
 * Its own stream, so the cases' draws stay as they were.
 */
function executionOf(
  seed: number,
  municipality: number,
  index: number,
  decided: number,
  ends: number,
  today: number,
) {
  const rng = new Rng(derivedSeed(seed, municipality, 85, index));
  if (rng.chance(0.02)) return [null, null, 'Ingen ledig plats hos utföraren ännu.'];
  const carriedOut = decided + rng.int(2, 30);
  if (carriedOut > today) return null;
  const ended = Math.max(carriedOut, ends);
  return [dateOf(carriedOut), ended <= today ? dateOf(ended) : null, null];
}

function row(values: (string | number | boolean | null)[]): string {
  return `${values.map((v) => copyValue(typeof v === 'boolean' ? (v ? 't' : 'f') : v)).join('\t')}\n`;
}

const referenceAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A reference in the app's format, unique per municipality and report number. */
function reference(municipality: number, n: number): string {
  let value = '';
  let rest = municipality * 32 ** 6 + n;
  for (let i = 0; i < 8; i++) {
    value = referenceAlphabet[rest % 32] + value;
    rest = Math.floor(rest / 32);
  }
  return `${value.slice(0, 4)}-${value.slice(4)}`;
}

const at = (day: number, hour: number) => new Date(day * dayMs + hour * 3_600_000).toISOString();

interface Staffing {
  intakeUnit: Map<number, number>;
  managerOf: Map<number, number>;
}

function staffing(m: PlanMunicipality): Staffing {
  const intakeUnit = new Map<number, number>();
  m.units.forEach((u, i) => {
    if (u.kind === 'intake') intakeUnit.set(u.district, i);
  });
  const managerOf = new Map<number, number>();
  m.users.forEach((u, i) => {
    if (u.role === 'manager' && u.unit !== null) managerOf.set(u.unit, i);
  });
  return { intakeUnit, managerOf };
}

/** Where an episode's case stands today. */
export function caseState(e: Episode, today: number) {
  if (today < e.assessedDay) return 'initialAssessment' as const;
  if (e.investigationEndDay !== null && today <= e.investigationEndDay) return 'investigation' as const;
  return 'closed' as const;
}

/** Everything but the case notes (which are many: see caseNoteChunks). */
export function caseTables(m: PlanMunicipality, seed: number): CaseTables {
  const t: CaseTables = {
    intervention_type: [],
    child_case: [],
    case_intervention: [],
    decision_execution: [],
    report: [],
    childs_voice: [],
    deadline_extension: [],
    firstReport: [],
  };
  const typeIds = interventions.map(([name, code], i) => {
    const id = structuredId(seed, m.index, 6, i);
    t.intervention_type.push(row([id, m.id, name, code]));
    return id;
  });
  const { intakeUnit, managerOf } = staffing(m);
  const today = m.todayDay;
  let reports = 0;
  m.episodes.forEach((e, index) => {
    const { rng, caseId, immediate, unlinked } = episodeCase(m, seed, index, e);
    const child = m.persons[e.child]!;
    const worker = m.users[e.worker]!;
    const intaker = m.users[e.intakeWorker]!;
    const intakeUnitIndex = intakeUnit.get(child.district)!;
    const state = caseState(e, today);
    const investigated = e.investigationEndDay !== null;
    const decided = state !== 'initialAssessment';
    const workerUnit = worker.unit!;
    const unit = state === 'initialAssessment' || !investigated ? intakeUnitIndex : workerUnit;
    const manager = m.users[managerOf.get(workerUnit)!]!;
    const intakeManager = m.users[managerOf.get(intakeUnitIndex)!]!;
    const childHeard = investigated && decided ? rng.chance(0.8) : null;
    const closedOn = state === 'closed' ? (investigated ? e.investigationEndDay! : e.assessedDay) : null;
    const intervention = e.interventionEndDay !== null;
    const followUp = state === 'closed' && investigated && !intervention && rng.chance(0.3);
    const followUpDone = followUp && closedOn! + 60 <= today ? closedOn! + rng.int(40, 60) : null;
    if (!unlinked) {
      t.child_case.push(
        row([
          caseId,
          m.id,
          child.id,
          m.units[unit]!.id,
          state,
          dateOf(e.reportDay),
          immediate,
          decided ? (investigated ? 'openInvestigation' : 'noInvestigation') : null,
          decided && !investigated ? 'Inga uppgifter om att barnet behöver skydd eller stöd.' : null,
          decided ? dateOf(e.assessedDay) : null,
          decided ? intaker.id : null,
          childHeard,
          childHeard === false ? 'Barnet är för litet för att höras på ett meningsfullt sätt.' : null,
          investigated && decided ? dateOf(e.assessedDay) : null,
          investigated && decided ? worker.id : null,
          investigated && decided ? 'Barnet behöver stabila vuxna och stöd i skolan.' : '',
          investigated && decided ? 'Vårdnadshavarna är motiverade men behöver stöd.' : '',
          investigated && decided ? 'Familjen bor trångt; nätverket är litet.' : '',
          state === 'closed' && investigated ? dateOf(closedOn! - 2) : null,
          state === 'closed' && investigated ? 'Utredningen visar att barnet är i behov av stöd.' : null,
          state === 'closed' && investigated ? (intervention ? 'interventions' : 'noIntervention') : null,
          state === 'closed' && investigated ? 'Beslut enligt utredningens förslag.' : null,
          state === 'closed' && investigated ? dateOf(closedOn!) : null,
          state === 'closed' && investigated ? manager.id : null,
          closedOn === null ? null : dateOf(closedOn),
          closedOn === null ? null : (investigated ? manager : intakeManager).id,
          followUp,
          followUpDone === null ? null : dateOf(followUpDone),
          at(e.reportDay, 9),
        ]),
      );
      if (state === 'closed' && intervention) {
        const drawn = rng.int(0, typeIds.length - 1);
        // A placement (care.ts) is decided as one of the placement types; the draw keeps the stream.
        const placed = placementOf(seed, m, index, e, today);
        const first = placed ? placed.typeIndex : drawn;
        const decidedTypes = [typeIds[first]!];
        if (rng.chance(0.3)) decidedTypes.push(typeIds[(first + 1) % typeIds.length]!);
        for (const typeId of decidedTypes) {
          t.case_intervention.push(row([m.id, caseId, typeId]));
          const execution = executionOf(seed, m.index, index, closedOn!, e.interventionEndDay!, today);
          if (execution) t.decision_execution.push(row([m.id, caseId, typeId, ...execution]));
        }
      }
      if (childHeard) {
        const held = Math.min(today, e.assessedDay + rng.int(7, 30));
        t.childs_voice.push(
          row([
            structuredId(seed, m.index, 3, index),
            m.id,
            caseId,
            dateOf(held),
            'Samtal i skolan utan vårdnadshavare närvarande.',
            'Barnet berättade om sin vardag, sina vänner och vad som är svårt hemma.',
            worker.id,
            worker.displayName,
            at(held, 14),
          ]),
        );
      }
      if (investigated && decided && rng.chance(0.03)) {
        t.deadline_extension.push(
          row([
            structuredId(seed, m.index, 4, index),
            m.id,
            caseId,
            'investigation',
            dateOf(e.assessedDay + 180),
            'Synnerliga skäl: barnet kan inte höras förrän efter sjukhusvistelse.',
            dateOf(Math.min(today, e.assessedDay + 100)),
            manager.id,
          ]),
        );
      }
    }
    // The report that opened the case; now and then a second one, joined to the investigation.
    const count = investigated && decided && rng.chance(0.2) ? 2 : 1;
    for (let r = 0; r < count; r++) {
      const received = r === 0 ? e.reportDay : Math.min(today, e.assessedDay + rng.int(1, 20));
      const professional = rng.chance(0.8);
      const anonymous = !professional && rng.chance(0.4);
      const feedbackRequested = professional && rng.chance(0.5);
      const feedbackStart = r === 0 ? (decided ? e.assessedDay : null) : received;
      const feedbackSent =
        feedbackRequested && feedbackStart !== null && feedbackStart + 5 <= today
          ? feedbackStart + rng.int(1, 5)
          : null;
      const kind = rng.pick(['school', 'healthCare', 'police', 'other'] as const);
      const linked = !unlinked;
      reports++;
      if (r === 0 && linked) t.firstReport[index] = structuredId(seed, m.index, 2, reports);
      t.report.push(
        row([
          structuredId(seed, m.index, 2, reports),
          m.id,
          reference(m.index, reports),
          m.units[intakeUnitIndex]!.id,
          at(received, 8 + rng.next() * 8),
          dateOf(received),
          professional ? 'professionalForm' : 'publicForm',
          professional ? 'professional' : anonymous ? 'anonymous' : 'private',
          anonymous
            ? null
            : `${rng.pick(['Anna', 'Erik', 'Sara', 'Ali', 'Karin'])} ${rng.pick(['Berg', 'Lind', 'Holm'])}`,
          anonymous ? null : `07${rng.int(10000000, 99999999)}`,
          professional
            ? `${m.city} ${kind === 'school' ? 'skola' : kind === 'police' ? 'polisområde' : 'vårdcentral'}`
            : null,
          professional ? kind : null,
          professional ? rng.pick(['Kurator', 'Lärare', 'Sjuksköterska', 'Polisinspektör']) : null,
          feedbackRequested,
          child.givenName,
          child.familyName,
          rng.chance(0.85) ? child.personalNumber : null,
          child.birthDate,
          rng.pick(concerns),
          rng.pick(['yes', 'no', 'unknown'] as const),
          linked ? child.id : null,
          linked ? caseId : null,
          r > 0,
          linked ? at(received, 15) : null,
          linked ? dateOf(received) : null,
          linked ? intaker.id : null,
          linked ? (immediate ? 'immediateProtectionNeeded' : 'noImmediateProtection') : null,
          linked ? 'Bedömt utifrån uppgifterna i anmälan och samtal med anmälaren.' : null,
          linked ? dateOf(received) : null,
          linked ? intaker.id : null,
          feedbackSent === null ? null : 'Socialtjänsten har inlett en utredning.',
          feedbackSent === null ? null : dateOf(feedbackSent),
          feedbackSent === null ? null : intaker.id,
        ]),
      );
    }
  });
  return t;
}

/** Expected note-days of an episode: notes are written mostly while a case is investigated. */
function noteWeight(e: Episode, today: number): number {
  if (today < e.reportDay) return 0;
  const intake = Math.min(e.assessedDay, today) - e.reportDay + 1;
  const investigation =
    e.investigationEndDay === null
      ? 0
      : Math.max(0, Math.min(e.investigationEndDay, today) - e.assessedDay + 1);
  return 0.2 * intake + investigation;
}

/**
 * The case notes, in chunks of COPY text: about `target` of them, spread over each case's
 * assessment and investigation, written by whoever had the case then.
 */
export function* caseNoteChunks(m: PlanMunicipality, seed: number, target: number): Generator<string> {
  const today = m.todayDay;
  let total = 0;
  for (const e of m.episodes) total += noteWeight(e, today);
  const perDay = total > 0 ? target / total : 0;
  let lines: string[] = [];
  let notes = 0;
  for (const [index, e] of m.episodes.entries()) {
    const { caseId, unlinked } = episodeCase(m, seed, index, e);
    if (unlinked) continue;
    const rng = new Rng(derivedSeed(seed, m.index, 72, index));
    const count = rng.poisson(noteWeight(e, today) * perDay);
    const last = Math.min(today, e.investigationEndDay ?? e.assessedDay);
    for (let n = 0; n < count; n++) {
      const day = e.reportDay + Math.floor(rng.next() * (last - e.reportDay + 1));
      const author =
        m.users[day < e.assessedDay || e.investigationEndDay === null ? e.intakeWorker : e.worker]!;
      const body = `${rng.pick(noteParts)} ${rng.pick(noteParts)}`;
      lines.push(
        row([
          structuredId(seed, m.index, 5, notes++),
          m.id,
          caseId,
          dateOf(day),
          body,
          author.id,
          author.displayName,
          at(day, 10 + rng.next() * 6),
        ]),
      );
      if (lines.length >= 5000) {
        yield lines.join('');
        lines = [];
      }
    }
  }
  if (lines.length) yield lines.join('');
}

/**
 * An episode's case id, whether immediate protection was needed, and whether its report still
 * waits to be linked (a report of the last two days), drawn from the episode's own stream so the
 * case notes find the same case.
 */
export function episodeCase(m: PlanMunicipality, seed: number, index: number, e: Episode) {
  const rng = new Rng(derivedSeed(seed, m.index, 71, index));
  const caseId = structuredId(seed, m.index, 1, index);
  const immediate = rng.chance(0.07);
  const unlinked =
    caseState(e, m.todayDay) === 'initialAssessment' && m.todayDay - e.reportDay <= 2 && rng.chance(0.5);
  return { rng, caseId, immediate, unlinked };
}
