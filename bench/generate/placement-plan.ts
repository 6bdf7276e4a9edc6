import { dayOf, type Episode, type PlanMunicipality } from './plan.ts';
import { derivedSeed, Rng } from './rng.ts';

/**
 * Which episodes ended in a placement outside the home, decided where cases.ts and care.ts both
 * see it (the case's intervention type and the placement itself): half of the investigations
 * decided with an intervention. The care starts within a week of the decision and lasts from two
 * months to three years, never past the child's 18th birthday, so about one child of the register
 * in twenty is in care at some time during a year (about one child in a hundred of a municipality's
 * children, when a sixth of its children are known to social services over ten years).
 */
export interface PlannedPlacement {
  /** Index of the intervention type (cases.ts): 3 a family home, 4 residential care (HVB). */
  typeIndex: 3 | 4;
  decidedDay: number;
  startDay: number;
  /** The last day of the care, or null while it goes on. */
  endDay: number | null;
  endOutcome: 'returnedHome' | 'otherPlacement' | 'turned18' | null;
}

export const placementShare = 0.5;

export function placementOf(
  seed: number,
  m: PlanMunicipality,
  index: number,
  e: Episode,
  today: number,
): PlannedPlacement | null {
  if (e.investigationEndDay === null || e.interventionEndDay === null) return null;
  if (today <= e.investigationEndDay) return null;
  const rng = new Rng(derivedSeed(seed, m.index, 80, index));
  if (!rng.chance(placementShare)) return null;
  const decidedDay = e.investigationEndDay;
  const startDay = Math.min(today, decidedDay + rng.int(0, 7));
  const birth = m.persons[e.child]!.birthDate;
  const turns18 = dayOf(`${Number(birth.slice(0, 4)) + 18}${birth.slice(4)}`.replace('-02-29', '-03-01')) - 1;
  let end = startDay + rng.int(60, 1100);
  let endOutcome: PlannedPlacement['endOutcome'] = rng.chance(0.8) ? 'returnedHome' : 'otherPlacement';
  if (end >= turns18) {
    end = turns18;
    endOutcome = 'turned18';
  }
  if (end < startDay) return null;
  const ended = end < today;
  return {
    typeIndex: rng.chance(0.7) ? 3 : 4,
    decidedDay,
    startDay,
    endDay: ended ? end : null,
    endOutcome: ended ? endOutcome : null,
  };
}
