import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Line } from './figures.ts';
import { isSmall, type SuppressionProblem, suppress, tableProblem } from './suppression.ts';

/**
 * A reader who sees the shown counts and knows the sums: solves every line with one unknown,
 * again and again. Returns every count they can work out.
 */
function recoverable(problem: SuppressionProblem, hidden: ReadonlyMap<string, unknown>): Set<string> {
  const known = new Set(Object.keys(problem.cells).filter((c) => !hidden.has(c)));
  for (let progress = true; progress; ) {
    progress = false;
    for (const line of problem.lines) {
      const unknown = [...line.members, line.total].filter((c) => !known.has(c));
      if (unknown.length === 1) {
        known.add(unknown[0]!);
        progress = true;
      }
    }
  }
  return new Set([...hidden.keys()].filter((c) => known.has(c)));
}

function list(counts: number[]): SuppressionProblem {
  const cells: Record<string, number> = { total: counts.reduce((a, b) => a + b, 0) };
  counts.forEach((n, i) => {
    cells[`c${i}`] = n;
  });
  return { cells, lines: [{ members: counts.map((_, i) => `c${i}`), total: 'total' }] };
}

describe('primary suppression', () => {
  it('hides counts from 1 to 4 and shows 0 and 5', () => {
    const hidden = suppress({ cells: { a: 0, b: 1, c: 4, d: 5, e: 120 }, lines: [] });
    assert.deepEqual([...hidden.keys()].sort(), ['b', 'c']);
    assert.equal(hidden.get('b'), 'primary');
    assert.equal(isSmall(0), false);
    assert.equal(isSmall(5), false);
  });
});

describe('secondary suppression', () => {
  it('hides one more count in a list whose total is shown, the smallest that protects', () => {
    const problem = list([3, 10, 20]);
    const hidden = suppress(problem);
    assert.equal(hidden.get('c0'), 'primary');
    assert.equal(hidden.get('c1'), 'secondary', '33 − 20 would otherwise give the 3');
    assert.equal(hidden.has('c2'), false);
    assert.equal(hidden.has('total'), false);
    assert.equal(recoverable(problem, hidden).size, 0);
  });

  it('does not let two small hidden counts be read as "together fewer than five"', () => {
    const hidden = suppress(list([1, 3, 10, 20]));
    assert.deepEqual([...hidden.keys()].sort(), ['c0', 'c1', 'c2']);
  });

  it('hides the total when no other count can protect, and never uses a zero against a shown total', () => {
    const hidden = suppress(list([3, 0, 0, 5]));
    // 3 is hidden; 5 joins it (sum 8). The zeros stay shown.
    assert.deepEqual([...hidden.keys()].sort(), ['c0', 'c3']);
    const alone = suppress(list([3, 0]));
    assert.deepEqual([...alone.keys()].sort(), ['c0', 'total'], 'a total of 3 is small itself');
  });

  it('protects a share: numerator and its complement add up to the denominator', () => {
    // 48 of 50 decided in time: the 2 late ones must not be derivable from 48 and 50.
    const problem: SuppressionProblem = {
      cells: { within: 48, late: 2, due: 50 },
      lines: [{ members: ['within', 'late'], total: 'due' }],
    };
    const hidden = suppress(problem);
    assert.equal(hidden.get('late'), 'primary');
    assert.equal(hidden.get('within'), 'secondary');
    assert.equal(recoverable(problem, hidden).size, 0);
  });

  it('protects a two-way table through rows, columns and the margins', () => {
    const { problem, cell } = tableProblem([
      [2, 14, 30],
      [10, 11, 12],
      [20, 25, 3],
    ]);
    const hidden = suppress(problem);
    assert.equal(hidden.get(cell(0, 0)), 'primary');
    assert.equal(hidden.get(cell(2, 2)), 'primary');
    assert.equal(recoverable(problem, hidden).size, 0);
  });

  it('never hides or relies on a count the reader knows anyway', () => {
    const problem: SuppressionProblem = {
      cells: { unitA: 3, unitB: 40, unassigned: 2, municipality: 45 },
      lines: [{ members: ['unitA', 'unitB', 'unassigned'], total: 'municipality' }],
      known: new Set(['unassigned']),
    };
    const hidden = suppress(problem);
    assert.equal(hidden.has('unassigned'), false);
    assert.equal(hidden.get('unitB'), 'secondary');
    assert.equal(recoverable(problem, hidden).size, 0);
  });

  it('holds for any table: nothing small is shown, nothing hidden can be worked out', () => {
    const table = fc.array(fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 5 }), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(
        table.filter((rows) => rows.every((r) => r.length === rows[0]!.length)),
        (rows) => {
          const { problem } = tableProblem(rows);
          const hidden = suppress(problem);
          for (const [name, value] of Object.entries(problem.cells)) {
            if (isSmall(value)) assert.ok(hidden.has(name), `${name}=${value} shown`);
          }
          assert.equal(recoverable(problem, hidden).size, 0);
          for (const line of problem.lines as Line[]) {
            if (hidden.has(line.total)) continue;
            const sum = line.members.filter((m) => hidden.has(m)).reduce((s, m) => s + problem.cells[m]!, 0);
            assert.ok(!isSmall(sum), 'hidden members of a shown total hold 0 or at least 5');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
