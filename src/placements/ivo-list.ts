import type { IsoDate } from '../deadlines/calendar.ts';
import { ageOn } from '../people/domain.ts';
import type { ProtectedIdentity } from '../platform/db/schema.ts';
import { toCsv } from './csv.ts';
import { type Duty, dutyFrom } from './duty.ts';
import { decisionOn, isFamilyHome, type LegalBasis, type Placement, type PlacementType } from './model.ts';
import type { Restriction } from './schedule.ts';

/**
 * The list of children in family homes that the committee keeps and sends to IVO by 31 January
 * (SoF (2025:468) 3 kap. 4 §): every child who at any time during the year lived in a family home
 * by the committee's decision (SOSFS 2003:15, 1 §). A protected child is listed by initials and
 * birth year only, with a note of secrecy and nothing about the home (IVO's instructions for the
 * form). See docs/decisions/0074.
 */

export interface ListChild {
  id: string;
  givenName: string;
  familyName: string;
  personalNumber: string | null;
  birthDate: IsoDate;
  protectedIdentity: ProtectedIdentity;
}

export interface ListHome {
  id: string;
  name: string;
  address: string;
}

export interface IvoListRow {
  protected: boolean;
  /** The child's name, or initials when protected. */
  child: string;
  /** The personal identity number, or the birth year when protected. */
  identity: string;
  /** Null when protected: nothing about the home, the dates or the basis. */
  home: { name: string; address: string } | null;
  from: IsoDate | null;
  to: IsoDate | null;
  legalBasis: LegalBasis | null;
}

interface Stay {
  placement: Placement;
  homeId: string;
  form: PlacementType;
  from: IsoDate;
  to: IsoDate | null;
}

/** A placement's stays: consecutive periods in the same home are one stay. */
function staysOf(placement: Placement): Stay[] {
  const stays: Stay[] = [];
  for (const period of placement.periods) {
    const last = stays.at(-1);
    if (last && last.homeId === period.homeId) continue;
    if (last) last.to = period.startedOn;
    stays.push({ placement, homeId: period.homeId, form: period.form, from: period.startedOn, to: null });
  }
  const last = stays.at(-1);
  if (last) last.to = placement.end?.endedOn ?? null;
  return stays;
}

/** "Anna-Karin Maria Ek" → "A.K.M.E.": the first letter of every part of the names. */
export function initialsOf(givenName: string, familyName: string): string {
  const parts = `${givenName} ${familyName}`.split(/[\s-]+/u).filter(Boolean);
  return parts.map((part) => `${[...part][0]!.toLocaleUpperCase('sv-SE')}.`).join('');
}

function overlaps(from: IsoDate, to: IsoDate | null, first: IsoDate, last: IsoDate) {
  return from <= last && (to === null || to >= first);
}

export interface IvoListInput {
  year: number;
  placements: readonly Placement[];
  children: ReadonlyMap<string, ListChild>;
  homes: ReadonlyMap<string, ListHome>;
  /** LVU 14 § decisions by placement: a child whose whereabouts are kept secret is listed as protected. */
  restrictions?: ReadonlyMap<string, readonly Restriction[]>;
}

function isProtected(
  child: ListChild,
  stay: Stay,
  input: IvoListInput,
  first: IsoDate,
  last: IsoDate,
): boolean {
  if (child.protectedIdentity !== 'none') return true;
  return (input.restrictions?.get(stay.placement.id) ?? []).some(
    (r) => r.kind === 'whereaboutsSecret' && overlaps(r.decidedOn, r.endedOn, first, last),
  );
}

function rowOf(stay: Stay, child: ListChild, input: IvoListInput, first: IsoDate, last: IsoDate): IvoListRow {
  if (isProtected(child, stay, input, first, last)) {
    return {
      protected: true,
      child: initialsOf(child.givenName, child.familyName),
      identity: child.birthDate.slice(0, 4),
      home: null,
      from: null,
      to: null,
      legalBasis: null,
    };
  }
  const home = input.homes.get(stay.homeId);
  return {
    protected: false,
    child: `${child.givenName} ${child.familyName}`,
    identity: child.personalNumber ?? child.birthDate,
    home: home ? { name: home.name, address: home.address } : null,
    from: stay.from,
    to: stay.to,
    // The basis in force on the stay's last day in the year.
    legalBasis: (
      decisionOn(stay.placement, stay.to && stay.to < last ? stay.to : last) ?? stay.placement.decisions[0]!
    ).basis,
  };
}

/** The rows of the year's list, ordered by the day the stay began, protected rows last. */
export function ivoListRows(input: IvoListInput): IvoListRow[] {
  const first = `${input.year}-01-01`;
  const last = `${input.year}-12-31`;
  const rows: IvoListRow[] = [];
  for (const stay of input.placements.flatMap(staysOf)) {
    const child = input.children.get(stay.placement.childId);
    if (!child || !isFamilyHome(stay.form) || !overlaps(stay.from, stay.to, first, last)) continue;
    // Children only: a young adult or a parent placed with the child is not listed.
    if (ageOn(child.birthDate, stay.from > first ? stay.from : first) >= 18) continue;
    rows.push(rowOf(stay, child, input, first, last));
  }
  return rows.sort(
    (a, b) =>
      Number(a.protected) - Number(b.protected) ||
      (a.from ?? '').localeCompare(b.from ?? '') ||
      a.child.localeCompare(b.child, 'sv'),
  );
}

/** When the copy for a year's list is due: 31 January of the next year, moved off a weekend or holiday. */
export function ivoListDuty(year: number): Duty {
  return dutyFrom('ivoFamilyHomeList', `${year + 1}-01-31`)!;
}

export const ivoListColumns = [
  'child',
  'identity',
  'protected',
  'home',
  'address',
  'from',
  'to',
  'legalBasis',
] as const;
export type IvoListColumn = (typeof ivoListColumns)[number];

export interface IvoListLabels {
  columns: Record<IvoListColumn, string>;
  /** What a protected row says in the protected column ("Sekretess"). */
  protectedMark: string;
  bases: Record<LegalBasis, string>;
}

export function ivoListCsv(rows: readonly IvoListRow[], labels: IvoListLabels): string {
  const cells = rows.map((row) => [
    row.child,
    row.identity,
    row.protected ? labels.protectedMark : '',
    row.home?.name ?? '',
    row.home?.address ?? '',
    row.from ?? '',
    row.to ?? '',
    row.legalBasis ? labels.bases[row.legalBasis] : '',
  ]);
  return toCsv(
    ivoListColumns.map((c) => labels.columns[c]),
    cells,
  );
}
