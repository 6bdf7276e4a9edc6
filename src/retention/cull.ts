import { type Kysely, sql } from 'kysely';
import type { IsoDate } from '../deadlines/calendar.ts';
import type { Actor } from '../platform/access/policy.ts';
import { type AuditEntry, writeAuditEvents } from '../platform/audit/audit.ts';
import type { Database } from '../platform/db/schema.ts';
import { assessRetention } from './assess.ts';
import { assessMunicipality, toArchive } from './dry-run.ts';
import { cullLoneGuardians } from './guardians.ts';
import { retentionInputs } from './inputs.ts';
import type { RecordAssessment, RetentionAssessment } from './model.ts';
import { removeRecords } from './remove.ts';

/**
 * The culling job (16 kap. SoL; decisions 0081, 0082, 0125). An archivist approves the files the
 * dry run found due; the job carries out an approved run file by file, each in one transaction
 * that re-assesses the file, removes its culled records, writes the ledger and the audit events,
 * and marks the file done, all together or not at all. A file that changed since the approval,
 * or now needs review, is skipped and reported; a file whose removal fails (a record the job
 * does not know refers to it) is left whole and reported, and the run goes on.
 * Carrying out a run again does nothing more: done files are not visited twice.
 */

/** The files of a dry run that the job may cull: due, something to cull, nothing to review. */
export function cullable(assessment: RetentionAssessment): boolean {
  return (
    assessment.file.state === 'due' &&
    assessment.review.length === 0 &&
    assessment.records.some((r) => r.verdict === 'cull')
  );
}

export interface ApprovedRun {
  runId: string;
  files: number;
  records: number;
}

/**
 * The archivist approves culling as the dry run finds it today: the dry run is made again (and
 * audited as a review), its cullable files become the run's files, and the approval is audited
 * (`retention.approve`), all in one transaction. A run with no files is not made.
 */
export async function approveRetentionRun(
  db: Kysely<Database>,
  municipality: { id: string; code: string },
  archivist: Actor,
  today: IsoDate,
): Promise<ApprovedRun | null> {
  return db.transaction().execute(async (trx) => {
    const { approved, entries } = await approveIn(trx, municipality, archivist, today);
    await writeAuditEvents(
      trx,
      { municipalityId: municipality.id, actor: archivist, clientAddress: null },
      entries,
    );
    return approved;
  });
}

/** The approval in the caller's transaction; `entries` are its audit events, for the caller to write. */
export async function approveIn(
  trx: Kysely<Database>,
  municipality: { id: string; code: string },
  archivist: Actor,
  today: IsoDate,
): Promise<{ approved: ApprovedRun | null; entries: AuditEntry[] }> {
  const { run: dryRun, reviewed } = await assessMunicipality(trx, municipality, today, archivist.role);
  const files = dryRun.files.filter((f) => cullable(f.assessment) || toArchive(f));
  // An approval that found nothing due is kept in the trail too: someone meant to cull.
  if (files.length === 0)
    return { approved: null, entries: [...reviewed, { action: 'retention.approve', reason: 'nothingDue' }] };
  const run = await trx
    .insertInto('retention_run')
    .values({ municipality_id: municipality.id, assessed_on: today, approved_by: archivist.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('retention_run_file')
    .values(
      files.map((f) => ({
        municipality_id: municipality.id,
        run_id: run.id,
        person_id: f.personId,
        last_entry_on: f.assessment.file.lastEntryOn,
        records_to_cull: f.assessment.records.filter((r) => r.verdict === 'cull').length,
      })),
    )
    .execute();
  const records = files.reduce(
    (n, f) => n + f.assessment.records.filter((r) => r.verdict === 'cull').length,
    0,
  );
  return {
    approved: { runId: run.id, files: files.length, records },
    entries: [
      ...reviewed,
      {
        action: 'retention.approve',
        recordType: 'retentionRun',
        recordId: run.id,
        reason: `files:${files.length}`,
      },
    ],
  };
}

export interface RunProgress {
  runId: string;
  total: number;
  culled: number;
  skipped: number;
  records: number;
}

/** Carries out one approved run; `onProgress` hears after each file. */
export async function carryOutRetentionRun(
  db: Kysely<Database>,
  municipality: { id: string; code: string },
  runId: string,
  today: IsoDate,
  onProgress: (progress: RunProgress) => void = () => {},
): Promise<RunProgress> {
  const run = await db
    .selectFrom('retention_run')
    .selectAll()
    .where('municipality_id', '=', municipality.id)
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!run) throw new RangeError(`There is no retention run ${runId} in this municipality`);
  const archivist = await actorOf(db, municipality.id, run.approved_by);
  if (run.state === 'approved')
    await db
      .updateTable('retention_run')
      .set({ state: 'running', started_at: new Date() })
      .where('id', '=', runId)
      .where('state', '=', 'approved')
      .execute();
  const files = await db
    .selectFrom('retention_run_file')
    .selectAll()
    .where('municipality_id', '=', municipality.id)
    .where('run_id', '=', runId)
    .orderBy('person_id')
    .execute();
  const progress = (): Promise<RunProgress> => runProgress(db, municipality.id, runId);
  for (const file of files) {
    if (file.state !== 'pending') continue;
    let outcome: { culled: number } | { skipped: string };
    try {
      outcome = await db.transaction().execute(async (trx) => {
        // A second job on the same run waits here, then finds the file done and leaves it.
        const still = await trx
          .selectFrom('retention_run_file')
          .select('state')
          .where('municipality_id', '=', municipality.id)
          .where('run_id', '=', runId)
          .where('person_id', '=', file.person_id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (still.state !== 'pending') return { culled: -1 };
        return cullFile(trx, municipality, runId, file, archivist, today);
      });
    } catch (error) {
      outcome = { skipped: `failed:${errorCode(error)}` };
    }
    if ('culled' in outcome && outcome.culled < 0) continue;
    await db
      .updateTable('retention_run_file')
      .set(
        'skipped' in outcome
          ? { state: 'skipped', skip_reason: outcome.skipped, done_at: new Date() }
          : { state: 'culled', records_culled: outcome.culled, done_at: new Date() },
      )
      .where('municipality_id', '=', municipality.id)
      .where('run_id', '=', runId)
      .where('person_id', '=', file.person_id)
      .where('state', '=', 'pending')
      .execute();
    onProgress(await progress());
  }
  await db
    .updateTable('retention_run')
    .set({ state: 'done', finished_at: new Date() })
    .where('id', '=', runId)
    .where('state', '=', 'running')
    .execute();
  return progress();
}

/** How far a run has come, from its files. */
export async function runProgress(
  db: Kysely<Database>,
  municipalityId: string,
  runId: string,
): Promise<RunProgress> {
  const rows = await db
    .selectFrom('retention_run_file')
    .select(['state', 'records_culled'])
    .where('municipality_id', '=', municipalityId)
    .where('run_id', '=', runId)
    .execute();
  return {
    runId,
    total: rows.length,
    culled: rows.filter((r) => r.state === 'culled').length,
    skipped: rows.filter((r) => r.state === 'skipped').length,
    records: rows.reduce((n, r) => n + r.records_culled, 0),
  };
}

/** The approved runs not yet done in a municipality, oldest first. */
export async function pendingRuns(db: Kysely<Database>, municipalityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('retention_run')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('state', 'in', ['approved', 'running'])
    .orderBy('approved_at')
    .execute();
  return rows.map((r) => r.id);
}

async function cullFile(
  trx: Kysely<Database>,
  municipality: { id: string; code: string },
  runId: string,
  file: { person_id: string; last_entry_on: string },
  archivist: Actor,
  today: IsoDate,
): Promise<{ culled: number } | { skipped: string }> {
  const [input] = await retentionInputs(trx, municipality.id, municipality.code, today, file.person_id);
  if (!input) return { skipped: 'gone' };
  const assessment = assessRetention(input.input);
  if (assessment.file.lastEntryOn !== file.last_entry_on) return { skipped: 'changed' };
  if (assessment.review.length) return { skipped: 'review' };
  const archive = toArchive({ ...input, assessment });
  if (!cullable(assessment) && !archive) return { skipped: 'notDue' };
  const culled = assessment.records.filter(
    (r): r is RecordAssessment & { verdict: 'cull' } => r.verdict === 'cull',
  );
  // A report linked to no child has no register entry to cull (decision 0127).
  const cullPerson = !input.unlinkedReport && assessment.person.verdict === 'cull';
  const subject = input.unlinkedReport ? null : file.person_id;
  // The signed-record triggers let this transaction's deletes through (migration 0017).
  await sql`select set_config('samtak.retention_run', ${runId}, true)`.execute(trx);
  const { guardianIds } = await removeRecords(trx, municipality.id, file.person_id, culled, cullPerson);
  const guardians = await cullLoneGuardians(trx, municipality.id, guardianIds, assessment.file.lastEntryOn);
  const ledger: { recordType: string; recordId: string; ruleId: string; subject?: string | null }[] = [
    ...culled.map((r) => ({
      recordType: r.recordType,
      recordId: r.recordId,
      ruleId: r.rules[0]?.ruleId ?? 'cull',
    })),
    ...(cullPerson
      ? [
          {
            recordType: 'person',
            recordId: file.person_id,
            ruleId: assessment.person.rules[0]?.ruleId ?? 'cull',
          },
        ]
      : []),
    ...guardians.map((id) => ({
      recordType: 'person',
      recordId: id,
      ruleId: 'guardianInNoOtherFile',
      subject: id,
    })),
  ];
  if (archive) await archivePerson(trx, municipality.id, file.person_id, today);
  if (ledger.length)
    await trx
      .insertInto('retention_culled')
      .values(
        ledger.map((l) => ({
          municipality_id: municipality.id,
          record_type: l.recordType,
          record_id: l.recordId,
          culled_on: today,
          rule_id: l.ruleId,
          run_id: runId,
        })),
      )
      .onConflict((oc) => oc.columns(['municipality_id', 'record_type', 'record_id']).doNothing())
      .execute();
  await writeAuditEvents(trx, { municipalityId: municipality.id, actor: archivist, clientAddress: null }, [
    ...ledger.map((l) => ({
      action: 'retention.cull',
      subjectPersonId: l.subject ?? subject,
      recordType: l.recordType,
      recordId: l.recordId,
      reason: l.ruleId,
    })),
    ...(archive
      ? [
          {
            action: 'retention.archive',
            subjectPersonId: file.person_id,
            recordType: 'person',
            recordId: file.person_id,
            reason: assessment.person.rules[0]?.ruleId ?? 'identifiesKeptRecords',
          },
        ]
      : []),
  ]);
  return { culled: culled.length };
}

/**
 * Archives a person whose file has only kept records left (decisions 0082, 0117): the register
 * entry keeps name, identity number and date of birth so the kept records can be found; it loses
 * the address, the assignments and the search text, and is hidden from search and the person
 * page for everyone but the archivist.
 */
async function archivePerson(
  trx: Kysely<Database>,
  municipalityId: string,
  personId: string,
  today: IsoDate,
) {
  await trx
    .deleteFrom('person_assignment')
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .execute();
  await trx
    .updateTable('person')
    .set({ archived_on: today, search_text: '', street_address: null, postal_code: null, city: null })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', personId)
    .execute();
}

async function actorOf(db: Kysely<Database>, municipalityId: string, userId: string): Promise<Actor> {
  const user = await db
    .selectFrom('user_account')
    .select(['id', 'role', 'unit_id', 'display_name', 'organisation_name', 'partner_kind'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    userId: user.id,
    municipalityId,
    role: user.role,
    unitId: user.unit_id,
    displayName: user.display_name,
    organisation: user.organisation_name,
    partnerKind: user.partner_kind,
    secondFactorDone: true,
  };
}

/** A code for the report, never the message (a constraint's message can quote row values). */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Za-z0-9_]{1,20}$/.test(code) ? code : 'error';
}
