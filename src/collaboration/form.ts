import { isIsoDate } from '../deadlines/calendar.ts';
import { isWebAddress } from '../guide/domain.ts';
import { checkForChildData, type GuardContext, type GuardWarningCode } from './personal-data-guard.ts';

/**
 * Reading a form of the collaboration layer: every free text passes the personal-data guard, every
 * refusal has a code (the texts are in labels.draft.md), and nothing half-read is returned. One
 * reader per form; `done` gives either the value or every error at once.
 */

export type FieldErrorCode =
  | 'required'
  | 'tooLong'
  | 'invalid'
  | 'dateInvalid'
  | 'dateInPast'
  | 'dateInFuture'
  | 'dateBeforeStart'
  | 'notAWebAddress'
  | 'notAMember'
  | 'duplicate'
  | 'tooMany'
  | 'personalIdentityNumber'
  | 'coordinationNumber'
  | 'childNameUnconfirmed';

/** A field's refusal; a feature adds its own codes (C) to the common ones. */
export interface FieldError<C extends string = never> {
  field: string;
  code: FieldErrorCode | C;
  max?: number;
  /** With an identity number: individual cases belong in a coordinated individual plan (SIP). */
  advice?: 'useSip';
}

export interface FieldWarning {
  field: string;
  code: GuardWarningCode;
  name?: string;
  start: number;
  end: number;
}

export type Outcome<T, C extends string = never> =
  | { ok: true; value: T; warnings: FieldWarning[] }
  | { ok: false; errors: FieldError<C>[]; warnings: FieldWarning[] };

export interface TextGuard extends GuardContext {
  /**
   * The writer has seen the warnings and confirmed that no child is named: the text is saved and
   * the confirmation kept with the change (docs/decisions/0101).
   */
  confirmed: boolean;
}

export interface TextRule {
  max: number;
  required?: boolean;
  /** Keeps paragraphs; a line field folds every run of white space into one space. */
  multiline?: boolean;
  /**
   * The name or title of an adult acting in office (a representative, a visitor, a contact): the
   * guard gives no name warnings, which would come on every "Sara" in a list of representatives,
   * but an identity number is refused here too.
   */
  official?: boolean;
}

export function createReader<C extends string = never>(guard: TextGuard | null) {
  const errors: FieldError<C>[] = [];
  const warnings: FieldWarning[] = [];

  const fail = (field: string, code: FieldErrorCode | C, extra: Partial<FieldError<C>> = {}) => {
    errors.push({ field, code, ...extra });
  };

  const text = (field: string, raw: string | undefined, rule: TextRule): string => {
    const value = rule.multiline ? cleanText(raw) : cleanLine(raw);
    if (!value) {
      if (rule.required) fail(field, 'required');
      return value;
    }
    if (value.length > rule.max) {
      fail(field, 'tooLong', { max: rule.max });
      return value;
    }
    if (guard) {
      const found = checkForChildData(value, guard);
      for (const refusal of found.refusals) fail(field, refusal.code, { advice: 'useSip' });
      if (!rule.official) for (const w of found.warnings) warnings.push({ field, ...w });
    }
    return value;
  };

  return {
    fail,
    text,
    /** 'YYYY-MM-DD', or null when empty and not required. */
    date(field: string, raw: string | undefined, rule: { required?: boolean; notBefore?: string } = {}) {
      const value = (raw ?? '').trim();
      if (!value) {
        if (rule.required) fail(field, 'required');
        return null;
      }
      if (!isIsoDate(value)) {
        fail(field, 'dateInvalid');
        return null;
      }
      if (rule.notBefore && value < rule.notBefore) fail(field, 'dateBeforeStart');
      return value;
    },
    oneOf<T extends string>(field: string, raw: string | undefined, allowed: readonly T[]): T {
      if ((allowed as readonly string[]).includes(raw ?? '')) return raw as T;
      fail(field, raw ? 'invalid' : 'required');
      return allowed[0] as T;
    },
    /** A set of ids, each of which must be among the allowed ones; order as given, no repeats. */
    ids(field: string, raw: readonly string[] | string | undefined, allowed: readonly string[]): string[] {
      const values = [...new Set(typeof raw === 'string' ? [raw] : (raw ?? []))].filter(Boolean);
      if (values.some((id) => !allowed.includes(id))) fail(field, 'notAMember');
      return values;
    },
    /** An http(s) address: anything else in a link on a shared page is an attack. */
    webAddress(field: string, raw: string | undefined, required = false): string | null {
      const value = cleanLine(raw);
      if (!value) {
        if (required) fail(field, 'required');
        return null;
      }
      if (value.length > 500 || !isWebAddress(value)) {
        fail(field, 'notAWebAddress');
        return null;
      }
      return value;
    },
    /** A decimal number as Swedes write it (comma or point); null when empty. */
    number(field: string, raw: string | number | undefined, rule: { required?: boolean; min?: number } = {}) {
      const value = typeof raw === 'number' ? String(raw) : (raw ?? '').trim().replace(/\s/g, '');
      if (!value) {
        if (rule.required) fail(field, 'required');
        return null;
      }
      if (!/^-?[0-9]{1,12}(?:[.,][0-9]{1,6})?$/.test(value)) {
        fail(field, 'invalid');
        return null;
      }
      const number = Number(value.replace(',', '.'));
      if (rule.min !== undefined && number < rule.min) fail(field, 'invalid');
      return number;
    },
    /** Whether anything was refused so far (to skip checks that build on a refused field). */
    get failed() {
      return errors.length > 0;
    },
    done<T>(build: () => T): Outcome<T, C> {
      if (!errors.length && warnings.length && !guard?.confirmed) {
        for (const field of new Set(warnings.map((w) => w.field))) fail(field, 'childNameUnconfirmed');
      }
      return errors.length ? { ok: false, errors, warnings } : { ok: true, value: build(), warnings };
    },
  };
}

/** One refusal as an outcome, for a rule that is not about a form field (a state machine's step). */
export function refused<T, C extends string = never>(field: string, code: FieldErrorCode | C): Outcome<T, C> {
  return { ok: false, errors: [{ field, code }], warnings: [] };
}

// Control characters (other than line breaks and tabs) and bidirectional overrides never belong in
// shared text: they hide from the moderator what a reader will see. The marks LRM and RLM stay
// (Arabic and Persian text needs them).
const hidden = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

/** Paragraphs kept (one blank line between them), no trailing spaces, no hidden characters. */
export function cleanText(value: string | undefined): string {
  return (value ?? '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(hidden, (c) => (c === '\n' || c === '\t' ? c : ''))
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line: every run of white space one space, no hidden characters. */
export function cleanLine(value: string | undefined): string {
  return (value ?? '').normalize('NFC').replace(hidden, ' ').replace(/\s+/g, ' ').trim();
}
