import type { IsoDate } from '../deadlines/calendar.ts';
import type { CareBasis, CareRow, ChildSex, PlacementPeriodRow } from './inputs.ts';
import { overlap } from './periods.ts';

/**
 * Socialstyrelsen's register of interventions for children and young people (HSLF-FS 2016:3 as
 * amended by 2016:22; the duty in 15 kap. 2 § SoL (2025:400) and förordningen (1981:1370) 2 §):
 * each year, every child who during the previous year was placed under SoL (family home,
 * emergency home, HVB, supported housing) or was subject to an LVU measure, with each placement
 * period and every move. This module picks the records; the file's layout is its own replaceable
 * module (register-layout.ts), since the exact layout could not be verified (docs/statistics-reporting.md).
 */

export const guardianSituations = [
  'bothParents',
  'oneParent',
  'specialGuardian',
  'appointedGuardian',
  'other',
] as const;
export type GuardianSituation = (typeof guardianSituations)[number];

export interface RegisterChild {
  childId: string;
  /** Twelve digits as registered, or null. */
  personalNumber: string | null;
  /** The municipality's own id for a child without a complete number (unique within it). */
  temporaryId: string | null;
  birthDate: IsoDate | null;
  sex: ChildSex;
  /** Countries of birth as ISO 3166-1 alpha-2 codes; null when not known. */
  countryOfBirth: string | null;
  motherCountryOfBirth: string | null;
  fatherCountryOfBirth: string | null;
  guardianSituation: GuardianSituation | null;
  unaccompanied: boolean;
}

export interface RegisterInput {
  /** The year reported: the calendar year before the one the file is sent in. */
  year: number;
  /** The municipality's four-digit code (kommunkod). */
  municipalityCode: string;
  children: readonly RegisterChild[];
  cares: readonly CareRow[];
  placements: readonly PlacementPeriodRow[];
}

/** One line of the file: a placement period of a care, or an LVU measure without a placement. */
export interface RegisterRecord {
  /** The line number in the file, from 1 (a header line, if the layout has one, is not counted). */
  row: number;
  child: RegisterChild;
  care: CareRow;
  placement: PlacementPeriodRow | null;
  /** 1 for the care's first placement, 2 and on for each move (omplacering). */
  sequence: number;
}

const isLvu = (basis: CareBasis) => basis !== 'sol';

export function yearRange(year: number) {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * Whether a stretch touches the year. One that ends before it starts is kept when it starts in
 * the year: it is an error the validation must name, not a row to drop silently.
 */
function touches(year: { from: IsoDate; to: IsoDate }, from: IsoDate, to: IsoDate | null): boolean {
  if (to !== null && to < from) return from >= year.from && from <= year.to;
  return !!overlap({ from, to: to ?? year.to }, year);
}

/**
 * The records of a year: every care that ran some day of it, under LVU, or under SoL with a
 * placement in it; within each, every placement period that touched the year, numbered among all
 * the care's placements so a move shows as a move. Ordered by child, care and placement, so a
 * row number names the same record in the file and in the validation.
 */
export function registerRecords(input: RegisterInput): RegisterRecord[] {
  const year = yearRange(input.year);
  const childOf = new Map(input.children.map((c) => [c.childId, c]));
  const records: Omit<RegisterRecord, 'row'>[] = [];
  const periodsOf = (careId: string) =>
    input.placements
      .filter((p) => p.careId === careId)
      .sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  // A care's start: carried out, else decided, else its first placement.
  const startOf = (care: CareRow) =>
    care.startedOn ?? care.decidedOn ?? periodsOf(care.id)[0]?.startedOn ?? null;
  const cares = [...input.cares].sort(
    (a, b) => a.childId.localeCompare(b.childId) || (startOf(a) ?? '').localeCompare(startOf(b) ?? ''),
  );
  for (const care of cares) {
    const child = childOf.get(care.childId);
    const start = startOf(care);
    if (!child || !start || !touches(year, start, care.endedOn)) continue;
    const periods = periodsOf(care.id);
    const inYear = periods
      .map((placement, i) => ({ placement, sequence: i + 1 }))
      .filter(({ placement }) => touches(year, placement.startedOn, placement.endedOn));
    if (inYear.length > 0) {
      for (const p of inYear) records.push({ child, care, ...p });
    } else if (isLvu(care.basis)) {
      records.push({ child, care, placement: null, sequence: 0 });
    }
  }
  return records.map((r, i) => ({ ...r, row: i + 1 }));
}
