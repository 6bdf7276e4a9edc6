import type { IsoDate } from '../deadlines/calendar.ts';
import { dutyFrom } from './duty.ts';
import type { Home } from './homes.ts';

/**
 * The notice to IVO of SoF (2025:468) 16 kap. 2 § (3 kap. 19 a § in SoF 2001:937): the committee
 * reports to IVO a decision to place a child or young person in a family home or an emergency home
 * when the decision means that more than three children or young people will be placed there. The
 * count is the home's, not the municipality's: those placed by other municipalities count too, as
 * far as the register knows them (docs/decisions/0123).
 *
 * - `exceeded`: more than three are placed now; the decision that placed the fourth (and each after
 *   it) was to be reported.
 * - `atLimit`: three are placed; a decision to place one more must be reported.
 */
export interface IvoPlacementNotice {
  level: 'atLimit' | 'exceeded';
  /** Children or young people placed in the home on the day: this municipality's and others'. */
  placed: number;
  referenceText: string;
}

export function ivoPlacementNotice(
  home: Home,
  placedHereByUs: number,
  today: IsoDate,
): IvoPlacementNotice | null {
  if (home.kind !== 'privateHome') return null;
  const placed = placedHereByUs + (home.placedByOthers ?? 0);
  if (placed < 3) return null;
  const duty = dutyFrom('ivoPlacementNotice', today, { subject: home.id });
  if (!duty) return null;
  return { level: placed > 3 ? 'exceeded' : 'atLimit', placed, referenceText: duty.referenceText };
}
