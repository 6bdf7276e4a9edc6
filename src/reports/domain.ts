import { randomInt } from 'node:crypto';
import { isRealPastDate } from '../people/domain.ts';
import { type PersonalNumberError, parsePersonalNumber } from '../people/personal-number.ts';
import { textFault } from '../platform/http/schemas.ts';
import {
  type GuardiansInformed,
  type OrganisationKind,
  organisationKinds,
  type ReporterKind,
} from './schema.ts';

/** A concern report as typed into a form or sent to the API; every field optional until validated. */
export interface ReportInput {
  reporterKind?: string | undefined;
  reporterName?: string | undefined;
  reporterPhone?: string | undefined;
  reporterEmail?: string | undefined;
  reporterOrganisation?: string | undefined;
  reporterOrganisationKind?: string | undefined;
  reporterTitle?: string | undefined;
  feedbackRequested?: string | boolean | undefined;
  childGivenName?: string | undefined;
  childFamilyName?: string | undefined;
  childPersonalNumber?: string | undefined;
  childBirthDate?: string | undefined;
  childWhereabouts?: string | undefined;
  concern?: string | undefined;
  guardiansInformed?: string | undefined;
  /** Honeypot: hidden from people by the stylesheet; bots fill it in. */
  website?: string | undefined;
}

export interface ValidReport {
  reporterKind: ReporterKind;
  reporterName: string | null;
  reporterPhone: string | null;
  reporterEmail: string | null;
  reporterOrganisation: string | null;
  reporterOrganisationKind: OrganisationKind | null;
  reporterTitle: string | null;
  feedbackRequested: boolean;
  childGivenName: string | null;
  childFamilyName: string | null;
  childPersonalNumber: string | null;
  childBirthDate: string | null;
  childWhereabouts: string | null;
  concern: string;
  guardiansInformed: GuardiansInformed;
}

export type ReportField = Exclude<keyof ReportInput, 'website'>;
export type ReportErrorCode =
  | 'required'
  | 'tooLong'
  | 'tooShort'
  | 'invalid'
  | 'brokenText'
  | 'invisibleCharacters'
  | 'markup'
  | 'needChild'
  | 'needContact'
  | 'emailInvalid'
  | 'phoneInvalid'
  | 'birthDateInvalid'
  | PersonalNumberError;
export interface ReportFieldError {
  field: ReportField;
  code: ReportErrorCode;
  max?: number;
}

export const limits = {
  name: 100,
  organisation: 200,
  title: 100,
  phone: 30,
  email: 254,
  whereabouts: 500,
  concern: 10_000,
  concernMin: 20,
} as const;

// Markup has no place in a report, and refusing it keeps pasted scripts out of every later view.
const markup = /<\s*\/?\s*[a-z!?][^<>]*>|javascript\s*:/i;

/**
 * Broken text: invalid UTF-8 turns into U+FFFD when the body is decoded, and JSON can carry lone
 * surrogates; both, and control characters, are refused rather than stored half-readable.
 */
/** Fields that hold a person's name: nothing invisible, nothing that turns the text around. */
const nameFields = new Set<ReportField>(['reporterName', 'childGivenName', 'childFamilyName']);

export function textProblem(
  value: string,
  multiline: boolean,
  isName = false,
): 'brokenText' | 'invisibleCharacters' | 'markup' | null {
  // Control characters and lone surrogates by the platform's one rule (src/platform/http/schemas.ts).
  const fault = textFault(value, isName ? 'name' : 'text');
  if (fault === 'controlCharacters' || value.includes('\uFFFD')) return 'brokenText';
  if (fault === 'invisibleCharacters') return fault;
  if (!multiline && /[\r\n]/.test(value)) return 'brokenText';
  if (markup.test(value)) return 'markup';
  return null;
}

function clean(value: unknown, multiline = false): string {
  if (typeof value !== 'string') return '';
  const normalised = value.normalize('NFC').replace(/\r\n?/g, '\n');
  return multiline ? normalised.trim() : normalised.replace(/[ \t]+/g, ' ').trim();
}

/**
 * Validates a report. `kind` is the form it came from: the public form lets the reporter stay
 * anonymous; the professional form (and the API) needs name, organisation and a way to reach them.
 */
export function validateReport(
  input: ReportInput,
  kind: 'public' | 'professional',
  today: string,
): { ok: true; value: ValidReport } | { ok: false; errors: ReportFieldError[] } {
  const errors: ReportFieldError[] = [];
  const text = (field: ReportField, max: number, multiline = false): string | null => {
    const raw = input[field];
    if (raw !== undefined && typeof raw !== 'string' && typeof raw !== 'boolean') {
      errors.push({ field, code: 'invalid' });
      return null;
    }
    const value = clean(raw, multiline);
    if (!value) return null;
    const problem = textProblem(value, multiline, nameFields.has(field));
    if (problem) {
      errors.push({ field, code: problem });
      return null;
    }
    if (value.length > max) {
      errors.push({ field, code: 'tooLong', max });
      return null;
    }
    return value;
  };

  let reporterKind: ReporterKind;
  if (kind === 'professional') reporterKind = 'professional';
  else if (input.reporterKind === 'private') reporterKind = 'private';
  else if (
    input.reporterKind === 'anonymous' ||
    input.reporterKind === undefined ||
    input.reporterKind === ''
  )
    reporterKind = 'anonymous';
  else {
    errors.push({ field: 'reporterKind', code: 'invalid' });
    reporterKind = 'anonymous';
  }

  const anonymous = reporterKind === 'anonymous';
  // An anonymous reporter's contact details are not kept even if typed before choosing anonymity.
  const reporterName = anonymous ? null : text('reporterName', limits.name);
  const reporterPhone = anonymous ? null : text('reporterPhone', limits.phone);
  const reporterEmail = anonymous ? null : text('reporterEmail', limits.email);
  const reporterOrganisation =
    kind === 'professional' ? text('reporterOrganisation', limits.organisation) : null;
  const reporterTitle = kind === 'professional' ? text('reporterTitle', limits.title) : null;
  if (!anonymous && !reporterName && !errors.some((e) => e.field === 'reporterName'))
    errors.push({ field: 'reporterName', code: 'required' });
  if (reporterPhone && !/^\+?[0-9 ()-]{5,30}$/.test(reporterPhone))
    errors.push({ field: 'reporterPhone', code: 'phoneInvalid' });
  if (reporterEmail && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(reporterEmail))
    errors.push({ field: 'reporterEmail', code: 'emailInvalid' });

  let reporterOrganisationKind: OrganisationKind | null = null;
  let feedbackRequested = false;
  if (kind === 'professional') {
    if (!reporterOrganisation && !errors.some((e) => e.field === 'reporterOrganisation'))
      errors.push({ field: 'reporterOrganisation', code: 'required' });
    const orgKind = input.reporterOrganisationKind;
    if (orgKind && (organisationKinds as readonly string[]).includes(orgKind))
      reporterOrganisationKind = orgKind as OrganisationKind;
    else errors.push({ field: 'reporterOrganisationKind', code: orgKind ? 'invalid' : 'required' });
    // A professional who asks for feedback must be reachable for it.
    if (
      !reporterPhone &&
      !reporterEmail &&
      !errors.some((e) => e.field === 'reporterPhone' || e.field === 'reporterEmail')
    )
      errors.push({ field: 'reporterPhone', code: 'needContact' });
    feedbackRequested = input.feedbackRequested === 'on' || input.feedbackRequested === true;
  }

  const childGivenName = text('childGivenName', limits.name);
  const childFamilyName = text('childFamilyName', limits.name);
  const childWhereabouts = text('childWhereabouts', limits.whereabouts, true);
  let childPersonalNumber: string | null = null;
  let childBirthDate: string | null = null;
  const number = text('childPersonalNumber', 20);
  if (number) {
    const parsed = parsePersonalNumber(number, today);
    if (parsed.ok) {
      childPersonalNumber = parsed.value.normalized;
      childBirthDate = parsed.value.birthDate;
    } else errors.push({ field: 'childPersonalNumber', code: parsed.error });
  }
  const birthDate = text('childBirthDate', 10);
  if (birthDate && !childPersonalNumber) {
    if (isRealPastDate(birthDate, today)) childBirthDate = birthDate;
    else errors.push({ field: 'childBirthDate', code: 'birthDateInvalid' });
  }
  const childFieldErrors = errors.some((e) => e.field.startsWith('child'));
  const fieldHasError = (field: ReportField) => errors.some((e) => e.field === field);
  if (kind === 'professional') {
    if (!childGivenName && !fieldHasError('childGivenName'))
      errors.push({ field: 'childGivenName', code: 'required' });
    if (!childFamilyName && !fieldHasError('childFamilyName'))
      errors.push({ field: 'childFamilyName', code: 'required' });
  } else if (
    !childGivenName &&
    !childFamilyName &&
    !childPersonalNumber &&
    !childWhereabouts &&
    !childFieldErrors
  ) {
    // Someone who does not know the child's name can still say where the child is.
    errors.push({ field: 'childGivenName', code: 'needChild' });
  }

  const concern = text('concern', limits.concern, true);
  if (!concern && !errors.some((e) => e.field === 'concern'))
    errors.push({ field: 'concern', code: 'required' });
  else if (concern && concern.length < limits.concernMin)
    errors.push({ field: 'concern', code: 'tooShort', max: limits.concernMin });

  const informed = input.guardiansInformed || 'unknown';
  if (informed !== 'yes' && informed !== 'no' && informed !== 'unknown')
    errors.push({ field: 'guardiansInformed', code: 'invalid' });

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      reporterKind,
      reporterName,
      reporterPhone,
      reporterEmail,
      reporterOrganisation,
      reporterOrganisationKind,
      reporterTitle,
      feedbackRequested,
      childGivenName,
      childFamilyName,
      childPersonalNumber,
      childBirthDate,
      childWhereabouts,
      concern: concern as string,
      guardiansInformed: informed as GuardiansInformed,
    },
  };
}

/** The honeypot was filled in: a bot, not a person. */
export function isBot(input: ReportInput): boolean {
  return typeof input.website === 'string' && input.website.trim() !== '';
}

// Crockford's base32 without I, L, O and U: easy to read aloud on the phone, hard to mistype.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A reference number the reporter keeps: 40 random bits, so knowing one reference tells nothing
 * about others and the status page cannot be walked through.
 */
export function newReference(): string {
  let value = '';
  for (let i = 0; i < 8; i++) value += alphabet[randomInt(alphabet.length)];
  return `${value.slice(0, 4)}-${value.slice(4)}`;
}

/** Reads a reference as typed: case-insensitive, spaces and a missing dash forgiven, O read as 0. */
export function parseReference(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(compact)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

export type ReportStage = 'received' | 'inAssessment' | 'assessed';
