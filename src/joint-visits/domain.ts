import { addDays, isIsoDate, nextWorkingDayFrom } from '../deadlines/calendar.ts';
import type { ProtectionOutcome } from '../reports/schema.ts';
import {
  protectionOutcomes,
  type SupportResponse,
  supportResponses,
  type VisitConsentKind,
  visitConsentKinds,
} from './schema.ts';

/**
 * The rules of a joint home visit with the police, as pure functions (docs/decisions/0066, 0067):
 * the visit's frame with its times in order, the family's consent before anything is noted for the
 * police, what was found and offered, the follow-up date, and the times that are measured.
 */

export type FieldCode =
  | 'required'
  | 'tooLong'
  | 'invalidDate'
  | 'invalidTime'
  | 'inFuture'
  | 'visitBeforeIncident'
  | 'incidentTooOld'
  | 'followUpBeforeVisit'
  | 'followUpTooLate'
  | 'invalidChoice'
  | 'reasonRequired'
  | 'consentFirst'
  | 'summaryNotCovered';

export interface FieldError {
  field: string;
  code: FieldCode;
  max?: number;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Days from the visit to the follow-up unless the worker chooses another date. */
export const followUpDays = 14;
/** The furthest a follow-up may be put off, and how old an incident a "right after" visit may follow. */
export const maxFollowUpDays = 90;
export const maxIncidentAgeDays = 31;

const clean = (value: string | undefined) => (value ?? '').replace(/\r\n?/g, '\n').trim();
const oneLine = (value: string | undefined) => clean(value).replace(/\s+/g, ' ');

// ---- Times on the Swedish clock ----

const stockholmParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The date ('YYYY-MM-DD') and time ('HH:MM') an instant shows on a clock in Sweden. */
export function swedishClock(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(stockholmParts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** A time as typed: 21:30, 21.30, 9:30 or 9.30. */
export function parseTime(value: string | undefined): string | null {
  const match = /^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$/.exec(oneLine(value));
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : null;
}

/**
 * The instant a date and time on the Swedish clock mean. In the autumn hour that occurs twice the
 * first is taken; a time skipped in spring is read as the hour after it.
 */
export function swedishInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = new Date(0);
  wall.setUTCFullYear(y, m - 1, d);
  wall.setUTCHours(hh, mm, 0, 0);
  // Sweden is one hour ahead of UTC in winter and two in summer.
  const candidates = [2, 1].map((hours) => new Date(wall.getTime() - hours * 3_600_000));
  const shows = (instant: Date) => {
    const c = swedishClock(instant);
    return c.date === date && c.time === time;
  };
  return candidates.find(shows) ?? (candidates[1] as Date);
}

function instantOf(
  errors: FieldError[],
  dateField: string,
  timeField: string,
  dateValue: string | undefined,
  timeValue: string | undefined,
): Date | null {
  const date = oneLine(dateValue);
  const time = oneLine(timeValue);
  const dateCode = !date ? 'required' : isIsoDate(date) ? null : 'invalidDate';
  if (dateCode) errors.push({ field: dateField, code: dateCode });
  const parsed = parseTime(time);
  const timeCode = !time ? 'required' : parsed ? null : 'invalidTime';
  if (timeCode) errors.push({ field: timeField, code: timeCode });
  return !dateCode && parsed ? swedishInstant(date, parsed) : null;
}

function text(
  errors: FieldError[],
  field: string,
  value: string | undefined,
  max: number,
  required: boolean,
) {
  const v = max <= 500 ? oneLine(value) : clean(value);
  if (required && !v) errors.push({ field, code: 'required' });
  else if (v.length > max) errors.push({ field, code: 'tooLong', max });
  return v;
}

function choice<T extends string>(
  errors: FieldError[],
  field: string,
  value: string | undefined,
  options: readonly T[],
): T | null {
  const v = oneLine(value);
  if (!v) return null;
  if (!(options as readonly string[]).includes(v)) {
    errors.push({ field, code: 'invalidChoice' });
    return null;
  }
  return v as T;
}

// ---- The follow-up ----

/** Fourteen days after the visit, moved to the next working day as the statutory clock does. */
export function defaultFollowUpOn(visitDate: string): string {
  return nextWorkingDayFrom(addDays(visitDate, followUpDays));
}

// ---- The visit's frame ----

export interface FrameInput {
  policeOrganisationId?: string | undefined;
  policeReference?: string | undefined;
  incidentDate?: string | undefined;
  incidentTime?: string | undefined;
  visitDate?: string | undefined;
  visitTime?: string | undefined;
  place?: string | undefined;
  socialServicesParticipants?: string | undefined;
  policeParticipants?: string | undefined;
  followUpOn?: string | undefined;
}

export interface ValidFrame {
  policeOrganisationId: string;
  policeReference: string;
  incidentAt: Date;
  visitAt: Date;
  place: string;
  socialServicesParticipants: string;
  policeParticipants: string;
  followUpOn: string;
}

/**
 * The frame of a visit: which police and their reference, when the incident and the visit were,
 * where, and who took part from each agency. The visit is not before the incident nor in the
 * future; the follow-up is not before the visit and at most 90 days after it.
 */
export function validateFrame(
  input: FrameInput,
  context: { now: Date; policeOrganisationIds: readonly string[] },
): Validated<ValidFrame> {
  const errors: FieldError[] = [];
  const policeOrganisationId = oneLine(input.policeOrganisationId);
  if (!policeOrganisationId) errors.push({ field: 'policeOrganisationId', code: 'required' });
  else if (!context.policeOrganisationIds.includes(policeOrganisationId))
    errors.push({ field: 'policeOrganisationId', code: 'invalidChoice' });
  const policeReference = text(errors, 'policeReference', input.policeReference, 60, true);
  const incidentAt = instantOf(
    errors,
    'incidentDate',
    'incidentTime',
    input.incidentDate,
    input.incidentTime,
  );
  const visitAt = instantOf(errors, 'visitDate', 'visitTime', input.visitDate, input.visitTime);
  const now = context.now.getTime();
  if (incidentAt && incidentAt.getTime() > now) errors.push({ field: 'incidentDate', code: 'inFuture' });
  if (visitAt && visitAt.getTime() > now) errors.push({ field: 'visitDate', code: 'inFuture' });
  if (incidentAt && visitAt && visitAt < incidentAt)
    errors.push({ field: 'visitDate', code: 'visitBeforeIncident' });
  if (incidentAt && visitAt && visitAt.getTime() - incidentAt.getTime() > maxIncidentAgeDays * 86_400_000)
    errors.push({ field: 'incidentDate', code: 'incidentTooOld' });
  const place = text(errors, 'place', input.place, 200, true);
  const socialServicesParticipants = text(
    errors,
    'socialServicesParticipants',
    input.socialServicesParticipants,
    500,
    true,
  );
  const policeParticipants = text(errors, 'policeParticipants', input.policeParticipants, 500, true);
  const visitDate = visitAt ? swedishClock(visitAt).date : null;
  let followUpOn = oneLine(input.followUpOn);
  if (!followUpOn && visitDate) followUpOn = defaultFollowUpOn(visitDate);
  else if (followUpOn && !isIsoDate(followUpOn)) errors.push({ field: 'followUpOn', code: 'invalidDate' });
  else if (followUpOn && visitDate) {
    if (followUpOn < visitDate) errors.push({ field: 'followUpOn', code: 'followUpBeforeVisit' });
    else if (followUpOn > addDays(visitDate, maxFollowUpDays))
      errors.push({ field: 'followUpOn', code: 'followUpTooLate', max: maxFollowUpDays });
  }
  if (errors.length || !incidentAt || !visitAt) return { ok: false, errors };
  return {
    ok: true,
    value: {
      policeOrganisationId,
      policeReference,
      incidentAt,
      visitAt,
      place,
      socialServicesParticipants,
      policeParticipants,
      followUpOn,
    },
  };
}

// ---- The family's consent ----

export interface ConsentInput {
  consentGivenBy?: string | undefined;
  consentKinds?: string[] | undefined;
}

export interface ValidConsent {
  givenBy: string;
  kinds: VisitConsentKind[];
}

/** Who in the family consented, and to which parts of the summary beyond its frame. */
export function validateConsent(input: ConsentInput): Validated<ValidConsent> {
  const errors: FieldError[] = [];
  const givenBy = text(errors, 'consentGivenBy', input.consentGivenBy, 300, true);
  const kinds: VisitConsentKind[] = [];
  for (const kind of input.consentKinds ?? []) {
    if (!(visitConsentKinds as readonly string[]).includes(kind)) {
      errors.push({ field: 'consentKinds', code: 'invalidChoice' });
      break;
    }
    if (!kinds.includes(kind as VisitConsentKind)) kinds.push(kind as VisitConsentKind);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { givenBy, kinds: visitConsentKinds.filter((k) => kinds.includes(k)) } };
}

/** The consent as it stands: in force, withdrawn, or none. */
export interface ConsentFacts {
  givenAt: Date | null;
  kinds: readonly VisitConsentKind[] | null;
  withdrawnAt: Date | null;
}

export function consentInForce(consent: ConsentFacts): boolean {
  return !!consent.givenAt && !consent.withdrawnAt;
}

/** Whether the police may read this part of the summary. */
export function consentCovers(consent: ConsentFacts, kind: VisitConsentKind): boolean {
  return consentInForce(consent) && !!consent.kinds?.includes(kind);
}

// ---- What was found at the visit ----

export interface RecordInput {
  childMetAlone?: string | undefined;
  childNotMetAloneReason?: string | undefined;
  childsAccount?: string | undefined;
  riskFactors?: string | undefined;
  protectiveFactors?: string | undefined;
  protectionOutcome?: string | undefined;
  supportOffered?: string | undefined;
  supportResponse?: string | undefined;
  policeSummary?: string | undefined;
}

export interface ValidRecord {
  childMetAlone: boolean | null;
  childNotMetAloneReason: string | null;
  childsAccount: string;
  riskFactors: string;
  protectiveFactors: string;
  protectionOutcome: ProtectionOutcome | null;
  supportOffered: string;
  supportResponse: SupportResponse | null;
  policeSummary: string | null;
}

/**
 * What social services found: whether the child was met alone (and why not), the child's account,
 * risk and protective factors, the protection outcome, the support offered and the family's answer.
 * A summary for the police can only be written when the family's consent to it is recorded and in
 * force: nothing is noted for the police before that.
 */
export function validateRecord(input: RecordInput, consent: ConsentFacts): Validated<ValidRecord> {
  const errors: FieldError[] = [];
  const metAlone = choice(errors, 'childMetAlone', input.childMetAlone, ['yes', 'no'] as const);
  const reason = text(errors, 'childNotMetAloneReason', input.childNotMetAloneReason, 1000, false);
  if (metAlone === 'no' && !reason) errors.push({ field: 'childNotMetAloneReason', code: 'reasonRequired' });
  const childsAccount = text(errors, 'childsAccount', input.childsAccount, 6000, false);
  const riskFactors = text(errors, 'riskFactors', input.riskFactors, 4000, false);
  const protectiveFactors = text(errors, 'protectiveFactors', input.protectiveFactors, 4000, false);
  const protectionOutcome = choice(errors, 'protectionOutcome', input.protectionOutcome, protectionOutcomes);
  const supportOffered = text(errors, 'supportOffered', input.supportOffered, 2000, false);
  const supportResponse = choice(errors, 'supportResponse', input.supportResponse, supportResponses);
  if (supportOffered && !supportResponse && !errors.some((e) => e.field === 'supportResponse'))
    errors.push({ field: 'supportResponse', code: 'required' });
  const summary = text(errors, 'policeSummary', input.policeSummary, 2000, false);
  if (summary && !consentInForce(consent)) errors.push({ field: 'policeSummary', code: 'consentFirst' });
  else if (summary && !consentCovers(consent, 'summary'))
    errors.push({ field: 'policeSummary', code: 'summaryNotCovered' });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      childMetAlone: metAlone === null ? null : metAlone === 'yes',
      childNotMetAloneReason: metAlone === 'no' ? reason : null,
      childsAccount,
      riskFactors,
      protectiveFactors,
      protectionOutcome,
      supportOffered,
      supportResponse,
      policeSummary: summary || null,
    },
  };
}

// ---- What the police see ----

export interface VisitForSummary {
  id: string;
  police_reference: string;
  incident_at: Date;
  visit_at: Date;
  place: string;
  social_services_participants: string;
  police_participants: string;
  police_summary: string | null;
  support_offered: string;
  support_response: SupportResponse | null;
  follow_up_on: string;
  consent_given_at: Date | null;
  consent_kinds: VisitConsentKind[] | null;
  consent_withdrawn_at: Date | null;
}

/**
 * The summary for the police: the frame they took part in, and only the parts the consent names.
 * Nothing of the child's account, the risk assessment or the protection outcome: those stay in the
 * social services file. Null when there is no consent in force.
 */
export interface PoliceSummary {
  id: string;
  policeReference: string;
  incidentAt: Date;
  visitAt: Date;
  place: string;
  socialServicesParticipants: string;
  policeParticipants: string;
  summary?: string | null;
  support?: { offered: string; response: SupportResponse | null };
  followUpOn?: string;
}

export function policeSummaryOf(visit: VisitForSummary): PoliceSummary | null {
  const consent: ConsentFacts = {
    givenAt: visit.consent_given_at,
    kinds: visit.consent_kinds,
    withdrawnAt: visit.consent_withdrawn_at,
  };
  if (!consentInForce(consent)) return null;
  return {
    id: visit.id,
    policeReference: visit.police_reference,
    incidentAt: visit.incident_at,
    visitAt: visit.visit_at,
    place: visit.place,
    socialServicesParticipants: visit.social_services_participants,
    policeParticipants: visit.police_participants,
    ...(consentCovers(consent, 'summary') ? { summary: visit.police_summary } : {}),
    ...(consentCovers(consent, 'support')
      ? { support: { offered: visit.support_offered, response: visit.support_response } }
      : {}),
    ...(consentCovers(consent, 'followUp') ? { followUpOn: visit.follow_up_on } : {}),
  };
}

// ---- What is measured ----

/** Whole minutes from one instant to another (negative when the second came first). */
export const minutesBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 60_000);

/** The two times of a visit: from the incident to the visit, and from the report to the contact. */
export function measuresOf(visit: { incident_at: Date; visit_at: Date }, reportReceivedAt: Date) {
  return {
    incidentToVisit: minutesBetween(visit.incident_at, visit.visit_at),
    reportToContact: minutesBetween(reportReceivedAt, visit.visit_at),
  };
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

export interface UnitFigures {
  visits: number;
  medianIncidentToVisit: number | null;
  medianReportToContact: number | null;
  /** Visits made before the report reached social services (police called first). */
  contactBeforeReport: number;
  withConsent: number;
  supportAccepted: number;
}

/**
 * A unit's figures over a period: how many visits, the median time from incident to visit and from
 * report to contact (a visit before the report counts as contact at once, zero minutes), how many
 * had the family's consent to the police summary and how many accepted support.
 */
export function unitFiguresOf(
  rows: readonly {
    incident_at: Date;
    visit_at: Date;
    report_received_at: Date;
    consent_given_at: Date | null;
    support_response: SupportResponse | null;
  }[],
): UnitFigures {
  const measures = rows.map((r) => measuresOf(r, r.report_received_at));
  return {
    visits: rows.length,
    medianIncidentToVisit: median(measures.map((m) => m.incidentToVisit)),
    medianReportToContact: median(measures.map((m) => Math.max(0, m.reportToContact))),
    contactBeforeReport: measures.filter((m) => m.reportToContact < 0).length,
    withConsent: rows.filter((r) => r.consent_given_at).length,
    supportAccepted: rows.filter(
      (r) => r.support_response === 'accepted' || r.support_response === 'partlyAccepted',
    ).length,
  };
}
