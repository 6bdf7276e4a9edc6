import { type ProtectedIdentity, protectedIdentityLevels } from '../platform/db/schema.ts';
import { parseCountryCode } from './countries.ts';
import { type PersonalNumberError, parsePersonalNumber } from './personal-number.ts';

/**
 * Lower case without diacritics, so "Örjan", "orjan" and "ÖRJAN" find the same person, and so do
 * "José" and "Jose". The same function builds the stored search text and the query.
 */
export function normalizeForSearch(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function searchTextOf(givenName: string, familyName: string): string {
  return normalizeForSearch(`${givenName} ${familyName}`);
}

export type PersonQuery =
  | { kind: 'number'; normalized: string }
  | { kind: 'birthDate'; prefix: string }
  | { kind: 'name'; tokens: string[] }
  | { kind: 'tooShort' };

/** Reads what the user typed in the search box: a full number, a birth date, or name parts. */
export function parsePersonQuery(raw: string, today?: string): PersonQuery {
  const trimmed = raw.trim();
  const parsed = parsePersonalNumber(trimmed, today);
  if (parsed.ok) return { kind: 'number', normalized: parsed.value.normalized };
  const digits = trimmed.replace(/[-\s]/g, '');
  if (/^(19|20)[0-9]{6}$/.test(digits)) return { kind: 'birthDate', prefix: digits };
  const tokens = normalizeForSearch(trimmed)
    .split(' ')
    .filter((token) => token.length >= 2)
    .slice(0, 5);
  if (tokens.length === 0) return { kind: 'tooShort' };
  return { kind: 'name', tokens };
}

/** Whole years between a birth date and today, both 'YYYY-MM-DD'. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export function isChild(birthDate: string | null, today: string): boolean {
  return birthDate !== null && ageOn(birthDate, today) < 18;
}

export interface NewPersonInput {
  personalNumber?: string | undefined;
  noPersonalNumber?: string | undefined;
  birthDate?: string | undefined;
  givenName?: string | undefined;
  familyName?: string | undefined;
  streetAddress?: string | undefined;
  postalCode?: string | undefined;
  city?: string | undefined;
  protectedIdentity?: string | undefined;
  /** ISO 3166-1 alpha-2; empty when not known (decision 0118). */
  countryOfBirth?: string | undefined;
}

export interface ValidPerson {
  personalNumber: string | null;
  isCoordinationNumber: boolean;
  birthDate: string | null;
  givenName: string;
  familyName: string;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  protectedIdentity: ProtectedIdentity;
  countryOfBirth: string | null;
}

export type PersonFieldError =
  | { field: 'personalNumber'; code: PersonalNumberError | 'needNumberOrBirthDate' }
  | { field: 'birthDate'; code: 'birthDateInvalid' }
  | { field: 'givenName' | 'familyName' | 'streetAddress' | 'city'; code: 'required' | 'tooLong' }
  | { field: 'postalCode'; code: 'postalCodeInvalid' }
  | { field: 'protectedIdentity'; code: 'invalid' }
  | { field: 'countryOfBirth'; code: 'countryInvalid' };

const nameMax = 100;
const addressMax = 200;

/** Validates a new person as typed into the form or sent to the API; pure, so it is easy to test. */
export function validateNewPerson(
  input: NewPersonInput,
  today: string,
): { ok: true; value: ValidPerson } | { ok: false; errors: PersonFieldError[] } {
  const errors: PersonFieldError[] = [];
  const givenName = clean(input.givenName);
  const familyName = clean(input.familyName);
  for (const [field, value] of [
    ['givenName', givenName],
    ['familyName', familyName],
  ] as const) {
    if (!value) errors.push({ field, code: 'required' });
    else if (value.length > nameMax) errors.push({ field, code: 'tooLong' });
  }

  let personalNumber: string | null = null;
  let isCoordinationNumber = false;
  let birthDate: string | null = null;
  const number = clean(input.personalNumber);
  if (number) {
    const parsed = parsePersonalNumber(number, today);
    if (parsed.ok) {
      personalNumber = parsed.value.normalized;
      isCoordinationNumber = parsed.value.isCoordinationNumber;
      birthDate = parsed.value.birthDate;
    } else errors.push({ field: 'personalNumber', code: parsed.error });
  } else if (input.noPersonalNumber === 'on') {
    const date = clean(input.birthDate);
    if (isRealPastDate(date, today)) birthDate = date;
    else errors.push({ field: 'birthDate', code: 'birthDateInvalid' });
  } else {
    errors.push({ field: 'personalNumber', code: 'needNumberOrBirthDate' });
  }

  const streetAddress = clean(input.streetAddress) || null;
  const city = clean(input.city) || null;
  if (streetAddress && streetAddress.length > addressMax)
    errors.push({ field: 'streetAddress', code: 'tooLong' });
  if (city && city.length > nameMax) errors.push({ field: 'city', code: 'tooLong' });
  const postalDigits = clean(input.postalCode).replace(/\s/g, '');
  if (postalDigits && !/^[0-9]{5}$/.test(postalDigits))
    errors.push({ field: 'postalCode', code: 'postalCodeInvalid' });

  const protectedIdentity = (input.protectedIdentity || 'none') as ProtectedIdentity;
  if (!protectedIdentityLevels.includes(protectedIdentity))
    errors.push({ field: 'protectedIdentity', code: 'invalid' });

  const countryOfBirth = validateCountryOfBirth(input.countryOfBirth);
  if (!countryOfBirth.ok) errors.push({ field: 'countryOfBirth', code: 'countryInvalid' });

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      personalNumber,
      isCoordinationNumber,
      birthDate,
      givenName,
      familyName,
      streetAddress,
      postalCode: postalDigits ? `${postalDigits.slice(0, 3)} ${postalDigits.slice(3)}` : null,
      city,
      protectedIdentity,
      countryOfBirth: countryOfBirth.ok ? countryOfBirth.value : null,
    },
  };
}

/** A country of birth as chosen: empty is "not known" (null), anything else must be on the list. */
export function validateCountryOfBirth(
  value: string | undefined,
): { ok: true; value: string | null } | { ok: false } {
  const typed = clean(value);
  if (!typed) return { ok: true, value: null };
  const code = parseCountryCode(typed);
  return code ? { ok: true, value: code } : { ok: false };
}

function clean(value: string | undefined): string {
  return (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function isRealPastDate(value: string, today: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.toISOString().slice(0, 10) === value &&
    value <= today &&
    value >= '1900-01-01'
  );
}
