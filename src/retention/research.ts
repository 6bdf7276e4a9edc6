import type { IsoDate } from '../deadlines/calendar.ts';

/**
 * The research sample of 16 kap. 4 § SoL and 13 kap. 1 § SoF (2025:468): in the municipalities of
 * Östergötland, Gotland and Västernorrland counties and in Göteborg nothing is culled; elsewhere
 * nothing of people born on the 5th, 15th or 25th of a month.
 *
 * A municipality code's first two digits are its county (SCB's codes): Östergötlands län 05,
 * Gotlands län 09, Västernorrlands län 22; Göteborg is 1480.
 */
export const researchCounties: ReadonlyMap<string, string> = new Map([
  ['05', 'Östergötlands län'],
  ['09', 'Gotlands län'],
  ['22', 'Västernorrlands län'],
]);
export const researchMunicipalities: ReadonlyMap<string, string> = new Map([['1480', 'Göteborgs kommun']]);
export const researchBirthDays: readonly number[] = [5, 15, 25];

export function isMunicipalityCode(code: string): boolean {
  return /^[0-9]{4}$/.test(code);
}

/** Whether every file in the municipality is kept for research (SoF 13 kap. 1 § first sentence). */
export function inResearchMunicipality(municipalityCode: string): boolean {
  if (!isMunicipalityCode(municipalityCode))
    throw new RangeError(`Not a municipality code: ${municipalityCode}`);
  return researchCounties.has(municipalityCode.slice(0, 2)) || researchMunicipalities.has(municipalityCode);
}

/** Whether a person born on this date is in the sample of people (SoF 13 kap. 1 § second sentence). */
export function bornOnResearchDay(birthDate: IsoDate): boolean {
  return researchBirthDays.includes(Number(birthDate.slice(8, 10)));
}
