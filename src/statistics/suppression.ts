import type { Line } from './figures.ts';

/**
 * Small-number suppression for whoever may not see the children behind a figure (the statistics
 * reader, anyone outside the municipality): counts from 1 to 4 are not shown (primary), and
 * further counts are hidden so that none of those can be worked out from the totals and the
 * other counts of the same row, column or list (secondary). Zero is shown: it identifies no one.
 * See docs/decisions/0091.
 *
 * The problem is a set of named counts and the sums that hold between them (`Line`: the members
 * add up to the total). The rule for each line: either nothing in it is hidden, or at least two
 * of its counts are, and when its total is shown the hidden members together hold 0 or at least
 * 5 (otherwise a reader learns that each of them is small, which is what the rule protects).
 */

export const smallCount = { min: 1, max: 4 } as const;

export const isSmall = (n: number): boolean => n >= smallCount.min && n <= smallCount.max;

export type SuppressionKind = 'primary' | 'secondary';

export interface SuppressionProblem {
  cells: Readonly<Record<string, number>>;
  lines: readonly Line[];
  /** Counts a reader is assumed to know whatever is shown (never hidden, never relied on). */
  known?: ReadonlySet<string>;
}

/**
 * Which cells to hide, and why. Deterministic: the same counts give the same pattern, so a page
 * and its export agree. Secondary cells are chosen to lose least: the smallest non-zero count
 * first, a total only when no member is left.
 */
export function suppress(problem: SuppressionProblem): Map<string, SuppressionKind> {
  const { cells, lines } = problem;
  const known = problem.known ?? new Set<string>();
  const hidden = new Map<string, SuppressionKind>();
  for (const [name, value] of Object.entries(cells)) {
    if (isSmall(value) && !known.has(name)) hidden.set(name, 'primary');
  }
  const value = (name: string) => cells[name] ?? 0;
  const hide = (name: string) => {
    if (!hidden.has(name)) hidden.set(name, 'secondary');
  };

  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const hiddenMembers = line.members.filter((m) => hidden.has(m));
      const totalHidden = hidden.has(line.total);
      const count = hiddenMembers.length + (totalHidden ? 1 : 0);
      if (count === 0) continue;
      const hiddenSum = hiddenMembers.reduce((sum, m) => sum + value(m), 0);
      const exposed = count === 1 || (!totalHidden && isSmall(hiddenSum));
      if (!exposed) continue;
      const candidate = complementFor(line, hidden, known, value);
      hide(candidate ?? line.total);
      // Hiding the total too is always enough for this line; if even that is known, nothing is.
      changed = candidate !== null || !totalHidden;
      if (changed) break;
    }
  }
  return hidden;
}

/** The member to hide next: the smallest non-zero count still shown, else a zero, else none. */
function complementFor(
  line: Line,
  hidden: ReadonlyMap<string, SuppressionKind>,
  known: ReadonlySet<string>,
  value: (name: string) => number,
): string | null {
  const open = line.members.filter((m) => !hidden.has(m) && !known.has(m));
  const byValue = (a: string, b: string) => value(a) - value(b) || a.localeCompare(b);
  const nonZero = open.filter((m) => value(m) > 0).sort(byValue);
  if (nonZero.length) return nonZero[0]!;
  // A hidden zero adds nothing to the hidden sum; it helps only a line whose total is hidden
  // already and which lacks a second hidden count. Otherwise the total itself must go.
  const zeros = open.sort(byValue);
  return zeros.length && hidden.has(line.total) ? zeros[0]! : null;
}

/** A two-way table of counts with both margins and a grand total, as a suppression problem. */
export function tableProblem(counts: readonly (readonly number[])[]): {
  problem: SuppressionProblem;
  cell: (r: number, c: number) => string;
  rowTotal: (r: number) => string;
  columnTotal: (c: number) => string;
  total: string;
} {
  const cell = (r: number, c: number) => `${r},${c}`;
  const rowTotal = (r: number) => `${r},*`;
  const columnTotal = (c: number) => `*,${c}`;
  const total = '*,*';
  const cells: Record<string, number> = {};
  const lines: Line[] = [];
  const columns = counts[0]?.length ?? 0;
  counts.forEach((row, r) => {
    row.forEach((n, c) => {
      cells[cell(r, c)] = n;
    });
    cells[rowTotal(r)] = row.reduce((a, b) => a + b, 0);
    lines.push({ members: row.map((_, c) => cell(r, c)), total: rowTotal(r) });
  });
  for (let c = 0; c < columns; c++) {
    cells[columnTotal(c)] = counts.reduce((sum, row) => sum + (row[c] ?? 0), 0);
    lines.push({ members: counts.map((_, r) => cell(r, c)), total: columnTotal(c) });
  }
  cells[total] = counts.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  lines.push({ members: counts.map((_, r) => rowTotal(r)), total });
  lines.push({ members: Array.from({ length: columns }, (_, c) => columnTotal(c)), total });
  return { problem: { cells, lines }, cell, rowTotal, columnTotal, total };
}
