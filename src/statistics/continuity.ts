import type { IsoDate } from '../deadlines/calendar.ts';
import { measuredOn } from './care-indicators.ts';
import { type Figure, inScope, mean, type Scope, Tally } from './figures.ts';
import type { GuardianshipRow, ResponsibilityRow } from './inputs.ts';
import { oncePerList } from './once-per-list.ts';
import { overlap, twelveMonthsEndingOn } from './periods.ts';

/**
 * Continuity (the Storuman seed: one social worker for the family, whatever the need): how many
 * responsible social workers a child and a family had over the twelve months up to the measuring
 * day, and the share of families that kept one.
 */

/**
 * Families as children who share a guardian, directly or through a sibling: the connected parts
 * of the child–guardian links. An appointed guardian (god man) has unrelated children, so those
 * links do not join families. A family is named by its first child id, so the grouping is stable.
 */
export function familiesOf(guardianships: readonly GuardianshipRow[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let y = x; parent.get(y) !== root; ) {
      const up = parent.get(y)!;
      parent.set(y, root);
      y = up;
    }
    return root;
  };
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  const union = (a: string, b: string) => {
    // The smaller root wins, so the root of a group is its smallest key.
    const [low, high] = [find(a), find(b)].sort();
    if (low !== high) parent.set(high!, low!);
  };
  for (const g of guardianships) {
    const child = `c:${g.childId}`;
    add(child);
    if (g.kind !== 'guardian') continue;
    const guardian = `g:${g.guardianId}`;
    add(guardian);
    union(child, guardian);
  }
  // Name each group by its smallest child id ('c:' sorts before 'g:', so a root is always a child).
  const families = new Map<string, string>();
  for (const key of parent.keys()) {
    if (key.startsWith('c:')) families.set(key.slice(2), find(key).slice(2));
  }
  return families;
}

interface Holder {
  workers: Set<string>;
  /** The unit of the latest responsibility in the window: where the child (or family) is now. */
  unitId: string;
  latestFrom: IsoDate;
}

function collect(
  responsibilities: readonly ResponsibilityRow[],
  keyOf: (r: ResponsibilityRow) => string,
  window: { from: IsoDate; to: IsoDate },
): Map<string, Holder> {
  const holders = new Map<string, Holder>();
  for (const r of responsibilities) {
    if (!overlap({ from: r.from, to: r.to ?? window.to }, window)) continue;
    const key = keyOf(r);
    const holder = holders.get(key) ?? { workers: new Set<string>(), unitId: r.unitId, latestFrom: r.from };
    holder.workers.add(r.workerId);
    if (r.from >= holder.latestFrom) {
      holder.latestFrom = r.from;
      holder.unitId = r.unitId;
    }
    holders.set(key, holder);
  }
  return holders;
}

const workerCounts = ['one', 'two', 'threeOrMore'] as const;

function countsFigure(
  id: 'workersPerChild' | 'workersPerFamily',
  holders: Map<string, Holder>,
  scope: Scope,
) {
  const total = id === 'workersPerChild' ? 'children' : 'families';
  const tally = new Tally([...workerCounts, total]);
  const counts: number[] = [];
  for (const [key, holder] of holders) {
    if (!inScope(scope, holder.unitId)) continue;
    const n = holder.workers.size;
    counts.push(n);
    tally.add(n === 1 ? 'one' : n === 2 ? 'two' : 'threeOrMore', key);
    tally.add(total, key);
  }
  const figure: Figure = {
    id,
    value: mean(counts),
    numerator: counts.reduce((a, b) => a + b, 0),
    denominator: counts.length,
    cells: tally.cells,
    lines: [{ members: workerCounts, total }],
    valueFrom: [total],
    rows: tally.rows,
  };
  return figure;
}

// A page computes every unit's figures from the same rows: who held each child and family over
// the window is collected once per list and window, and each unit only counts its own holders.
type Holders = { children: Map<string, Holder>; families: Map<string, Holder> };
const collected = oncePerList((_: readonly ResponsibilityRow[]) =>
  oncePerList((_families: Map<string, string>) => new Map<string, Holders>()),
);

function holdersOf(
  responsibilities: readonly ResponsibilityRow[],
  families: Map<string, string>,
  window: { from: IsoDate; to: IsoDate },
) {
  const byWindow = collected(responsibilities)(families);
  const key = `${window.from}/${window.to}`;
  let holders = byWindow.get(key);
  if (!holders) {
    holders = {
      children: collect(responsibilities, (r) => r.childId, window),
      families: collect(responsibilities, (r) => families.get(r.childId) ?? r.childId, window),
    };
    byWindow.set(key, holders);
  }
  return holders;
}

/** familiesOf, worked out once per list of guardianships. */
export const familiesOfOnce = oncePerList((guardianships: readonly GuardianshipRow[]) =>
  familiesOf(guardianships),
);

export function continuityFigures(
  responsibilities: readonly ResponsibilityRow[],
  families: Map<string, string>,
  scope: Scope,
): Figure[] {
  const window = twelveMonthsEndingOn(measuredOn(scope));
  const holders = holdersOf(responsibilities, families, window);
  const perChild = countsFigure('workersPerChild', holders.children, scope);
  const perFamily = countsFigure('workersPerFamily', holders.families, scope);
  const oneWorker: Figure = {
    ...perFamily,
    id: 'familiesWithOneWorker',
    value: perFamily.denominator ? perFamily.cells.one! / perFamily.denominator : null,
    numerator: perFamily.cells.one!,
    valueFrom: ['one', 'families'],
  };
  return [perChild, perFamily, oneWorker];
}
