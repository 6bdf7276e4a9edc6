import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { compareRows, type Difference, sha256 } from './submissions.ts';

type Db = Kysely<Database>;

/**
 * Every report sent to the state, kept read-only in one table (`statistics_submission`; the
 * database refuses to change, delete or truncate one): what was sent, for which period, when and by
 * whom, and the SHA-256 of the file exactly as sent. IVO's quarterly reports and Socialstyrelsen's
 * register files both go through `recordSubmission` (decisions 0098, 0119):
 *
 *   await recordSubmission(scope.db, 'register', '2025', { rows, key: ['key'], file }, by, details)
 */
export const submissionKinds = ['ivo', 'register'] as const;
export type SubmissionKind = (typeof submissionKinds)[number];

export type SubmissionRow = Record<string, string | number | boolean | null>;

export interface SubmissionPayload {
  /** The rows of the report, as compared with the previous submission. */
  rows: readonly SubmissionRow[];
  /** The fields that name a row across submissions (a decision, a care and its placement). */
  key: readonly string[];
  /** The file exactly as sent; its hash is kept with it. */
  file: string;
  /** The fields compared with the previous submission; all of them when not given. */
  compared?: readonly string[];
}

/** What only a register file has (decision 0130): its layout, children and findings by severity. */
export interface RegisterDetails {
  layoutId: string;
  childCount: number;
  counts: { fatal: number; error: number; warning: number };
}

export interface Submitter {
  municipalityId: string;
  userId: string;
  name: string;
}

export interface StoredSubmission {
  id: string;
  kind: SubmissionKind;
  periodKey: string;
  submittedAt: Date;
  submittedBy: string;
  rowCount: number;
  fileSha256: string;
  payload: SubmissionPayload;
}

export async function recordSubmission(
  db: Db,
  kind: SubmissionKind,
  periodKey: string,
  payload: SubmissionPayload,
  by: Submitter,
  details?: RegisterDetails,
): Promise<{ id: string; fileSha256: string }> {
  const fileSha256 = sha256(payload.file);
  const row = await db
    .insertInto('statistics_submission')
    .values({
      municipality_id: by.municipalityId,
      kind,
      period_key: periodKey,
      submitted_by: by.userId,
      submitted_by_name: by.name,
      row_count: payload.rows.length,
      payload: JSON.stringify(payload),
      file_sha256: fileSha256,
      layout_id: details?.layoutId ?? null,
      child_count: details?.childCount ?? null,
      counts: details ? JSON.stringify(details.counts) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, fileSha256 };
}

const columns = [
  'id',
  'kind',
  'period_key',
  'submitted_at',
  'submitted_by_name',
  'row_count',
  'file_sha256',
  'payload',
] as const;

type Selected = {
  id: string;
  kind: SubmissionKind;
  period_key: string;
  submitted_at: Date;
  submitted_by_name: string;
  row_count: number;
  file_sha256: string;
  payload: unknown;
};

const stored = (r: Selected): StoredSubmission => ({
  id: r.id,
  kind: r.kind,
  periodKey: r.period_key,
  submittedAt: new Date(r.submitted_at),
  submittedBy: r.submitted_by_name,
  rowCount: r.row_count,
  fileSha256: r.file_sha256,
  payload: r.payload as SubmissionPayload,
});

/** The municipality's submissions, newest first, without their rows. */
export async function submissionsOf(db: Db, municipalityId: string, kind?: SubmissionKind) {
  let q = db
    .selectFrom('statistics_submission')
    .select(['id', 'kind', 'period_key', 'submitted_at', 'submitted_by_name', 'row_count', 'file_sha256'])
    .where('municipality_id', '=', municipalityId);
  if (kind) q = q.where('kind', '=', kind);
  const rows = await q.orderBy('submitted_at', 'desc').execute();
  return rows.map((r) => ({ ...stored({ ...r, payload: null }), payload: undefined }));
}

export async function submissionById(db: Db, municipalityId: string, id: string) {
  const row = await db
    .selectFrom('statistics_submission')
    .select(columns)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? stored(row) : null;
}

/** The submission of the same kind made just before this one (any period: the last one sent). */
export async function previousSubmission(db: Db, municipalityId: string, current: StoredSubmission) {
  const row = await db
    .selectFrom('statistics_submission')
    .select(columns)
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', current.kind)
    .where('submitted_at', '<', current.submittedAt)
    .where('id', '<>', current.id)
    .orderBy('submitted_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? stored(row) : null;
}

/** The rows added, removed and changed since the previous submission, by the current one's key. */
export function differenceOf(
  previous: StoredSubmission | null,
  current: StoredSubmission,
): { fields: string[]; difference: Difference<SubmissionRow> } {
  const key = current.payload.key;
  const fields = [
    ...new Set([...current.payload.rows, ...(previous?.payload.rows ?? [])].flatMap(Object.keys)),
  ];
  const keyOf = (row: SubmissionRow) => key.map((k) => String(row[k] ?? '')).join('|');
  // A register row's number in the file moves when a row is added before it: not a change.
  const compared = current.payload.compared ?? fields;
  return {
    fields,
    difference: compareRows(previous?.payload.rows ?? [], current.payload.rows, keyOf, compared),
  };
}

/**
 * For the list (decision 0119): each submission of the given kinds against the one of the same
 * kind made before it, as counts only, by submission id. Reads the rows of those kinds once.
 */
export async function differencesFromPrevious(
  db: Db,
  municipalityId: string,
  kinds: readonly SubmissionKind[],
): Promise<Map<string, Difference<SubmissionRow> | null>> {
  const result = new Map<string, Difference<SubmissionRow> | null>();
  if (kinds.length === 0) return result;
  const rows = await db
    .selectFrom('statistics_submission')
    .select(columns)
    .where('municipality_id', '=', municipalityId)
    .where('kind', 'in', kinds)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
  const last = new Map<SubmissionKind, StoredSubmission>();
  for (const row of rows.map(stored)) {
    const previous = last.get(row.kind) ?? null;
    result.set(row.id, previous ? differenceOf(previous, row).difference : null);
    last.set(row.kind, row);
  }
  return result;
}
