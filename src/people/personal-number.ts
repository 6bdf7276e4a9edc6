/**
 * Swedish personal identity numbers (personnummer, Skatteverket SKV 704) and coordination numbers
 * (samordningsnummer, SKV 707: the day of birth plus 60). Pure functions, no I/O.
 */

export type PersonalNumberError =
  | 'empty'
  | 'format'
  | 'month'
  | 'day'
  | 'future'
  | 'tooOld'
  | 'checksum'
  | 'century';

export interface PersonalNumber {
  /** Twelve digits, no separator: YYYYMMDDNNNC. */
  normalized: string;
  /** YYYYMMDD-NNNC, as shown to users. */
  display: string;
  /** The real date of birth, YYYY-MM-DD (for a coordination number: day − 60). */
  birthDate: string;
  isCoordinationNumber: boolean;
  /** The ninth digit is even for women and odd for men (as registered). */
  sexHint: 'female' | 'male';
}

export type ParseResult = { ok: true; value: PersonalNumber } | { ok: false; error: PersonalNumberError };

export const personalNumberErrorMessages: Record<PersonalNumberError, { sv: string; en: string }> = {
  empty: { sv: 'Fyll i personnummer.', en: 'Enter a personal identity number.' },
  format: {
    sv: 'Skriv personnumret som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN (10 eller 12 siffror).',
    en: 'Write the personal identity number as YYYYMMDD-NNNN or YYMMDD-NNNN (10 or 12 digits).',
  },
  month: {
    sv: 'Månaden i personnumret finns inte (01–12).',
    en: 'The month in the number does not exist (01–12).',
  },
  day: {
    sv: 'Dagen i personnumret finns inte i den månaden. Samordningsnummer har dag + 60.',
    en: 'The day in the number does not exist in that month. Coordination numbers have day + 60.',
  },
  future: { sv: 'Födelsedatumet ligger i framtiden.', en: 'The date of birth is in the future.' },
  tooOld: {
    sv: 'Födelsedatumet ligger mer än 130 år tillbaka. Kontrollera århundradet (de två första siffrorna).',
    en: 'The date of birth is more than 130 years ago. Check the century (the first two digits).',
  },
  checksum: {
    sv: 'Kontrollsiffran stämmer inte. Kontrollera de tio siffrorna.',
    en: 'The check digit does not match. Check the ten digits.',
  },
  century: {
    sv: 'Plustecknet betyder att personen är minst 100 år, men det stämmer inte med födelsedatumet.',
    en: 'The plus sign means the person is 100 or older, which does not fit the date of birth.',
  },
};

const pattern = /^(\d{2})?(\d{6})([-+])?(\d{4})$/;

/** No one in the register was born longer ago than this (the oldest person ever lived to 122). */
export const maxAgeYears = 130;

/** The Luhn check digit over nine digits (YYMMDDNNN), as Skatteverket computes it. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

// Made once (see src/platform/dates.ts); this module stays free of imports on purpose.
const swedishDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

function defaultToday(): string {
  return swedishDate.format(new Date());
}

/**
 * Parses and validates a number typed by a user. A 10-digit number's century is resolved against
 * `today` (YYYY-MM-DD): with '-' or no separator the most recent century that puts the birth date
 * on or before today; with '+' a hundred years earlier. In 12-digit form the century is explicit,
 * and '+' is accepted only where the person really is 100 or older.
 */
export function parsePersonalNumber(input: string, today: string = defaultToday()): ParseResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, error: 'empty' };
  const match = pattern.exec(trimmed);
  // \d would also match other scripts' digits in some engines; insist on ASCII.
  if (!match || /[^0-9+-]/.test(trimmed)) return { ok: false, error: 'format' };
  const [, centuryDigits, yymmdd, separator, serial] = match as unknown as [
    string,
    string | undefined,
    string,
    string | undefined,
    string,
  ];
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const rawDay = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return { ok: false, error: 'month' };
  const isCoordinationNumber = rawDay > 60;
  const day = isCoordinationNumber ? rawDay - 60 : rawDay;

  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let year: number;
  if (centuryDigits !== undefined) {
    year = Number(centuryDigits) * 100 + yy;
  } else {
    year = Math.floor(ty / 100) * 100 + yy;
    if (year > ty || (year === ty && (month > tm || (month === tm && day > td)))) year -= 100;
    if (separator === '+') year -= 100;
  }
  // Before the day is checked: a year before 100 would be read as 19xx by Date.UTC, and a
  // 12-digit number's century (01, 10, 00 …) was not checked at all.
  const earliest = `${pad(ty - maxAgeYears, 4)}-${pad(tm)}-${pad(td)}`;
  if (`${pad(year, 4)}-${pad(month)}-${pad(Math.max(day, 1))}` < earliest)
    return { ok: false, error: 'tooOld' };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, error: 'day' };
  const birthDate = `${year}-${pad(month)}-${pad(day)}`;
  if (birthDate > today) return { ok: false, error: 'future' };
  if (centuryDigits !== undefined && separator === '+' && ageOn(birthDate, today) < 100) {
    return { ok: false, error: 'century' };
  }
  const tenDigits = `${yymmdd}${serial}`;
  if (luhnCheckDigit(tenDigits.slice(0, 9)) !== Number(tenDigits[9])) return { ok: false, error: 'checksum' };

  const normalized = `${pad(Math.floor(year / 100))}${tenDigits}`;
  return {
    ok: true,
    value: {
      normalized,
      display: `${normalized.slice(0, 8)}-${normalized.slice(8)}`,
      birthDate,
      isCoordinationNumber,
      sexHint: Number(serial[2]) % 2 === 0 ? 'female' : 'male',
    },
  };
}

export function isValidPersonalNumber(input: string, today?: string): boolean {
  return parsePersonalNumber(input, today).ok;
}

/** A valid number for a fictional person: for demo and test data only. */
export function generatePersonalNumber(
  birthDate: string,
  serial: number,
  opts: { coordination?: boolean } = {},
): string {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const dd = opts.coordination ? day + 60 : day;
  const nine = `${pad(year % 100)}${pad(month)}${pad(dd)}${pad(serial % 1000, 3)}`;
  return `${pad(Math.floor(year / 100))}${nine}${luhnCheckDigit(nine)}`;
}

/** A normalized number as users read it: YYYYMMDD-NNNC. */
export function formatPersonalNumber(normalized: string | null): string {
  return normalized ? `${normalized.slice(0, 8)}-${normalized.slice(8)}` : '';
}
