import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { type RegisterRecord, registerRecords } from './register.ts';
import { layoutSamtak2017, serialiseRegister } from './register-layout.ts';
import { registerInput } from './register-queries.ts';
import { type Validation, validateRegister } from './register-validation.ts';
import type { SubmittedRegisterRow } from './reporting-schema.ts';
import { recordSubmission, type SubmissionRow } from './submission-store.ts';
import { compareRows, type Difference, sha256 } from './submissions.ts';

/**
 * The register file of a year, produced from the live placements, checked and kept (decision
 * 0130). It is kept in the one store of submissions to the state (`statistics_submission`, kind
 * `register`, decision 0119), through `recordSubmission` like IVO's reports.
 */

type Db = Kysely<Database>;

export interface ProducedRegister {
  year: number;
  records: RegisterRecord[];
  validation: Validation;
  file: string;
  fileSha256: string;
  childCount: number;
  /** The placement each care belongs to, for links from a finding to the placement page. */
  placementOf: (careId: string) => string | null;
}

export async function produceRegister(
  db: Db,
  municipalityId: string,
  year: number,
  today: string,
): Promise<ProducedRegister> {
  const { input, placementOf } = await registerInput(db, municipalityId, year, today);
  const records = registerRecords(input);
  const validation = validateRegister(input, records, today);
  const file = serialiseRegister(records, input, layoutSamtak2017);
  return {
    year,
    records,
    validation,
    file,
    fileSha256: sha256(file),
    childCount: new Set(records.map((r) => r.child.childId)).size,
    placementOf: (careId) => placementOf.get(careId) ?? null,
  };
}

/** What is kept of each line, to compare a submission with the previous one. */
export function submittedRows(records: readonly RegisterRecord[]): SubmittedRegisterRow[] {
  return records.map((r) => ({
    key: `${r.care.id}:${r.placement?.id ?? ''}`,
    row: r.row,
    basis: r.care.basis,
    form: r.placement?.form ?? '',
    decidedOn: r.care.decidedOn ?? '',
    startedOn: r.placement?.startedOn ?? r.care.startedOn ?? '',
    endedOn: r.placement?.endedOn ?? r.care.endedOn ?? '',
  }));
}

/** The fields compared with the previous submission; the row's number in the file is not one. */
const compared: (keyof SubmittedRegisterRow & string)[] = [
  'basis',
  'form',
  'decidedOn',
  'startedOn',
  'endedOn',
];

export async function recordRegisterSubmission(
  db: Db,
  municipalityId: string,
  produced: ProducedRegister,
  by: { userId: string; name: string },
): Promise<string> {
  const recorded = await recordSubmission(
    db,
    'register',
    String(produced.year),
    {
      rows: submittedRows(produced.records) as unknown as SubmissionRow[],
      key: ['key'],
      compared,
      file: produced.file,
    },
    { municipalityId, ...by },
    { layoutId: layoutSamtak2017.id, childCount: produced.childCount, counts: produced.validation.counts },
  );
  return recorded.id;
}

export interface SubmissionListing {
  id: string;
  year: number;
  submittedAt: Date;
  submittedByName: string;
  rowCount: number;
  childCount: number;
  fileSha256: string;
  /** Against the previous submission of the same year; null for the first. */
  difference: Difference<SubmittedRegisterRow> | null;
}

/** Every submission, newest first, each compared with the one before it for the same year. */
export async function registerSubmissions(db: Db, municipalityId: string): Promise<SubmissionListing[]> {
  const rows = await db
    .selectFrom('statistics_submission')
    .select([
      'id',
      'period_key',
      'submitted_at',
      'submitted_by_name',
      'row_count',
      'child_count',
      'file_sha256',
      'payload',
    ])
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'register')
    .orderBy('submitted_at')
    .execute();
  const read = rows
    .map((r) => ({
      ...r,
      year: Number(r.period_key),
      rows: (r.payload as { rows: SubmittedRegisterRow[] }).rows,
    }))
    .sort((a, b) => a.year - b.year);
  const listing = read.map((r, i) => {
    const before = read.slice(0, i).findLast((p) => p.year === r.year);
    return {
      id: r.id,
      year: r.year,
      submittedAt: r.submitted_at,
      submittedByName: r.submitted_by_name,
      rowCount: r.row_count,
      childCount: r.child_count ?? 0,
      fileSha256: r.file_sha256,
      difference: before ? compareRows(before.rows, r.rows, (x) => x.key, compared) : null,
    };
  });
  return listing.reverse();
}
