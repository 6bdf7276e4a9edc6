import { addDays, isIsoDate, nextWorkingDayFrom } from '../deadlines/calendar.ts';
import { ageOn } from '../people/domain.ts';

/**
 * The documents a child's case produces, as pure rules: which decisions can be appealed and how
 * (docs/decisions/0064), which documents a case has and to whom each goes, the case reference,
 * the date by which a party answers a communication, and what a record of sending must hold.
 */

/** The documents of a case, in the order a case produces them. */
export const documentKinds = [
  'noInvestigation',
  'feedback',
  'investigation',
  'partyCommunication',
  'decision',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** How a document was sent (or given) to its recipient. */
export const dispatchMethods = ['letter', 'handedOver', 'secureEmail'] as const;
export type DispatchMethod = (typeof dispatchMethods)[number];

/**
 * Whether the decision answered an application, and how. Recorded with the decision letter: the
 * case itself does not say whether the family asked for what was decided.
 */
export const applicationAnswers = ['none', 'grantedInFull', 'partlyOrRefused'] as const;
export type ApplicationAnswer = (typeof applicationAnswers)[number];

/** The first day of the Social Services Act (2025:400); decisions before it fall under SoL (2001:453). */
export const newActFrom = '2025-07-01';

export interface DecisionFacts {
  /** The initial assessment's decision, or the decision after the investigation. */
  kind: 'openInvestigation' | 'noInvestigation' | 'investigation';
  /** After an investigation: interventions decided or none. */
  outcome?: 'interventions' | 'noIntervention' | null;
  application: ApplicationAnswer;
  decidedOn: string;
}

export type NotAppealableReason =
  | 'initialAssessment'
  | 'openInvestigation'
  | 'grantedInFull'
  | 'noInterventionWithoutApplication';

export type Appealability =
  | {
      appealable: true;
      /** The section that makes the decision appealable, in force on the decision's date. */
      ground: string;
      /** Förvaltningslagen's sections on informing and on the appeal's time and way. */
      procedure: string;
      court: 'förvaltningsrätten';
      weeks: 3;
    }
  | { appealable: false; reason: NotAppealableReason };

/**
 * Whether a decision in a child's case can be appealed (förvaltningsbesvär). Only decisions on
 * interventions under 11 kap. 1 § SoL (2025:400) are listed in 35 kap. 1 § (before 1 July 2025:
 * 4 kap. 1 § and 16 kap. 3 § SoL 2001:453); a decision to open or not to open an investigation is
 * not. A decision that grants in full what was applied for has not gone against anyone and cannot
 * be appealed (förvaltningslagen 42 §). Where interventions were decided without an application,
 * the family may still disagree with what was decided, so they are told how to appeal.
 */
export function appealabilityOf(d: DecisionFacts): Appealability {
  if (d.kind === 'noInvestigation') return { appealable: false, reason: 'initialAssessment' };
  if (d.kind === 'openInvestigation') return { appealable: false, reason: 'openInvestigation' };
  if (d.application === 'grantedInFull') return { appealable: false, reason: 'grantedInFull' };
  if (d.outcome !== 'interventions' && d.application === 'none')
    return { appealable: false, reason: 'noInterventionWithoutApplication' };
  const oldAct = d.decidedOn < newActFrom;
  return {
    appealable: true,
    ground: oldAct
      ? '16 kap. 3 § socialtjänstlagen (2001:453)'
      : '35 kap. 1 § 1 socialtjänstlagen (2025:400)',
    procedure: oldAct
      ? '33, 43 och 44 §§ förvaltningslagen (2017:900), 11 kap. 8 § socialtjänstlagen (2001:453)'
      : '33, 43 och 44 §§ förvaltningslagen (2017:900), 14 kap. 10 § socialtjänstlagen (2025:400)',
    court: 'förvaltningsrätten',
    weeks: 3,
  };
}

/** The case's reference on every document: the year it was opened and the start of its id. */
export function caseReference(c: { id: string; opened_on: string }): string {
  return `BoU ${c.opened_on.slice(0, 4)}-${c.id.slice(0, 8).toUpperCase()}`;
}

/** Days a party has to answer a communication before the decision (docs/decisions/0064). */
export const answerDays = 14;

/** The last day to answer a communication sent on `sentOn`: two weeks, then the next working day. */
export function answerBy(sentOn: string): string {
  return nextWorkingDayFrom(addDays(sentOn, answerDays));
}

/** A child of 15 or older speaks for themself in the case (3 kap. 4 § SoL 2025:400) and gets the letters too. */
export const ownVoiceAge = 15;

export interface RecipientPerson {
  id: string;
  given_name: string;
  family_name: string;
  birth_date: string | null;
}

export interface CaseDocumentFacts {
  id: string;
  opened_on: string;
  initial_decision: 'openInvestigation' | 'noInvestigation' | null;
  initial_decided_on: string | null;
  investigation_opened_on: string | null;
  conclusion_text: string | null;
  concluded_on: string | null;
  party_communicated_on: string | null;
  decided_on: string | null;
}

export interface ReporterFacts {
  id: string;
  reference: string;
  reporter_kind: 'anonymous' | 'private' | 'professional';
  reporter_name: string | null;
  reporter_organisation: string | null;
}

/** One document for one recipient: what can be printed and recorded as sent. */
export interface DocumentChoice {
  kind: DocumentKind;
  /** person:<id> for the child or a guardian, report:<id> for a reporter. */
  recipient: string;
  recipientName: string;
  /** The date the document carries. */
  date: string;
}

/** The date a document of the case carries; null when the case has not produced it. */
export function documentDate(kind: DocumentKind, c: CaseDocumentFacts, today: string): string | null {
  switch (kind) {
    case 'noInvestigation':
      return c.initial_decision === 'noInvestigation' ? c.initial_decided_on : null;
    case 'feedback':
      // Whether an investigation was opened, not opened or is already going on (19 kap. 6 §).
      return c.initial_decided_on ?? c.investigation_opened_on;
    case 'investigation':
      return c.investigation_opened_on ? (c.concluded_on ?? today) : null;
    case 'partyCommunication':
      return c.conclusion_text ? (c.party_communicated_on ?? today) : null;
    case 'decision':
      return c.decided_on;
  }
}

/**
 * Every document the case has, once per recipient: the guardians, the child when 15 or older on
 * the document's date, and for the feedback each professional who reported.
 */
export function documentChoices(
  c: CaseDocumentFacts,
  family: { child: RecipientPerson; guardians: readonly RecipientPerson[] },
  reporters: readonly ReporterFacts[],
  today: string,
): DocumentChoice[] {
  const choices: DocumentChoice[] = [];
  const name = (p: RecipientPerson) => `${p.given_name} ${p.family_name}`;
  for (const kind of documentKinds) {
    const date = documentDate(kind, c, today);
    if (!date) continue;
    if (kind === 'feedback') {
      for (const r of reporters.filter((r) => r.reporter_kind === 'professional'))
        choices.push({
          kind,
          recipient: `report:${r.id}`,
          recipientName: [r.reporter_name, r.reporter_organisation].filter(Boolean).join(', ') || r.reference,
          date,
        });
      continue;
    }
    const people = [...family.guardians];
    const { child } = family;
    if (child.birth_date && ageOn(child.birth_date, date) >= ownVoiceAge) people.push(child);
    for (const p of people) choices.push({ kind, recipient: `person:${p.id}`, recipientName: name(p), date });
  }
  return choices;
}

export const choiceKey = (c: Pick<DocumentChoice, 'kind' | 'recipient'>) => `${c.kind}|${c.recipient}`;

export interface DispatchInput {
  document?: string | undefined;
  method?: string | undefined;
  sentOn?: string | undefined;
  note?: string | undefined;
}

export type DispatchField = 'document' | 'method' | 'sentOn' | 'note';
export type DispatchErrorCode =
  | 'chooseDocument'
  | 'chooseMethod'
  | 'dateInvalid'
  | 'dateInFuture'
  | 'beforeDocument'
  | 'tooLong';
export interface DispatchError {
  field: DispatchField;
  code: DispatchErrorCode;
}

export interface ValidDispatch {
  choice: DocumentChoice;
  method: DispatchMethod;
  sentOn: string;
  note: string | null;
}

export const noteMaxLength = 1000;

/** A record of sending: one of the case's documents, a way, and a day no later than today. */
export function validateDispatch(
  input: DispatchInput,
  choices: readonly DocumentChoice[],
  today: string,
): { ok: true; value: ValidDispatch } | { ok: false; errors: DispatchError[] } {
  const errors: DispatchError[] = [];
  const choice = choices.find((c) => choiceKey(c) === input.document);
  if (!choice) errors.push({ field: 'document', code: 'chooseDocument' });
  const method = dispatchMethods.find((m) => m === input.method);
  if (!method) errors.push({ field: 'method', code: 'chooseMethod' });
  const sentOn = (input.sentOn ?? '').trim();
  if (!isIsoDate(sentOn)) errors.push({ field: 'sentOn', code: 'dateInvalid' });
  else if (sentOn > today) errors.push({ field: 'sentOn', code: 'dateInFuture' });
  else if (choice && sentOn < choice.date) errors.push({ field: 'sentOn', code: 'beforeDocument' });
  const note = (input.note ?? '').trim();
  if (note.length > noteMaxLength) errors.push({ field: 'note', code: 'tooLong' });
  if (errors.length || !choice || !method) return { ok: false, errors };
  return { ok: true, value: { choice, method, sentOn, note: note || null } };
}
