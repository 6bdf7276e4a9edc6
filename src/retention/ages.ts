import { addDays, addMonths, type IsoDate, isIsoDate } from '../deadlines/calendar.ts';
import { parsePersonalNumber } from '../people/personal-number.ts';

/**
 * Anniversaries for retention: "five years after the last entry", "has turned 30". Retention errs
 * on the side of keeping, so a date on 29 February falls on 1 March in a year without one: never a
 * day early (docs/decisions/0080). The statutory clock's addMonths, which clamps to 28 February,
 * is right for deadlines and would be one day early here.
 */
export function anniversary(date: IsoDate, years: number): IsoDate {
  const clamped = addMonths(date, years * 12);
  return date.endsWith('-02-29') && clamped.endsWith('-02-28') ? addDays(clamped, 1) : clamped;
}

/** The day a person born on `birthDate` reaches `age` (the first day they are that old). */
export function birthday(birthDate: IsoDate, age: number): IsoDate {
  return anniversary(birthDate, age);
}

export type BirthDateSource = 'personalNumber' | 'register' | 'unknown';

/**
 * The date of birth the rules use: the one in the identity number (a coordination number's day
 * less 60), else the register's, else unknown. The number wins because it is what the research
 * sample of SoF 13 kap. 1 § is drawn by.
 */
export function birthDateOf(
  person: { personalNumber: string | null; birthDate: IsoDate | null },
  today: IsoDate,
): { birthDate: IsoDate | null; source: BirthDateSource } {
  if (person.personalNumber) {
    const parsed = parsePersonalNumber(person.personalNumber, today);
    if (parsed.ok) return { birthDate: parsed.value.birthDate, source: 'personalNumber' };
  }
  if (person.birthDate && isIsoDate(person.birthDate) && person.birthDate <= today)
    return { birthDate: person.birthDate, source: 'register' };
  return { birthDate: null, source: 'unknown' };
}

/** 31 December of the year after `date`: when culling that became due on `date` must be done. */
export function endOfNextYear(date: IsoDate): IsoDate {
  return `${String(Number(date.slice(0, 4)) + 1).padStart(4, '0')}-12-31`;
}
