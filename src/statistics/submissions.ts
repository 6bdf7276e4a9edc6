import { createHash } from 'node:crypto';

/**
 * A submission to the state, kept read-only once made: what was sent (the rows and the file's
 * hash), for which period, when and by whom; and how it differs from the one before, so a
 * statistics reader sees what changed since the last quarter or year.
 */

export interface Submission<Row> {
  kind: 'register' | 'ivo';
  periodKey: string;
  submittedAt: Date;
  submittedBy: { userId: string; name: string };
  rows: readonly Row[];
  /** SHA-256 of the file exactly as sent, to show later that it was not changed. */
  fileSha256: string;
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export interface Difference<Row> {
  added: Row[];
  removed: Row[];
  changed: { before: Row; after: Row; fields: string[] }[];
  unchanged: number;
}

/**
 * The rows added, removed and changed since the previous submission, matched by a key (the
 * decision, or the care and placement). Fields are compared as values; order does not matter.
 */
export function compareRows<Row extends object>(
  previous: readonly Row[],
  current: readonly Row[],
  keyOf: (row: Row) => string,
  fields: readonly (keyof Row & string)[],
): Difference<Row> {
  const before = new Map(previous.map((r) => [keyOf(r), r]));
  const result: Difference<Row> = { added: [], removed: [], changed: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const row of current) {
    const key = keyOf(row);
    seen.add(key);
    const old = before.get(key);
    if (!old) {
      result.added.push(row);
      continue;
    }
    const differs = fields.filter((f) => JSON.stringify(old[f]) !== JSON.stringify(row[f]));
    if (differs.length) result.changed.push({ before: old, after: row, fields: differs });
    else result.unchanged++;
  }
  for (const [key, row] of before) if (!seen.has(key)) result.removed.push(row);
  return result;
}
