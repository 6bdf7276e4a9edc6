import { type Kysely, sql } from 'kysely';
import type { Actor } from '../access/policy.ts';
import type { Database } from '../db/schema.ts';
import { type ChainedFields, eventHash, genesisHash } from './chain.ts';

export interface AuditEntry {
  action: string;
  outcome?: 'allowed' | 'denied';
  subjectPersonId?: string | null;
  recordType?: string | null;
  recordId?: string | null;
  reason?: string | null;
}

export interface AuditContext {
  municipalityId: string;
  actor: Actor | null;
  clientAddress: string | null;
}

/**
 * The chain head (seq and hash of the newest event) per municipality as this process last wrote
 * it. Only a hint: the insert below checks it against the table in the same statement, so a stale
 * hint (another process wrote, or the transaction that wrote it rolled back) costs one extra read
 * and never a broken chain.
 */
const chainHeads = new Map<string, { seq: number; hash: string }>();

/**
 * The one audit writer. Call it inside the transaction that reads or writes the data, so the
 * event and the access stand or fall together. Events of one municipality are serialised by an
 * advisory lock held until commit, which keeps seq gap-free and the hash chain linear.
 *
 * Everything between taking the lock and committing is serialised for the whole municipality, so
 * that stretch is kept to two statements: the lock (which also reads which subjects are the
 * actor's own), and an insert guarded by the expected chain head. Only when the guard fails is
 * the head read and the insert repeated.
 */
export async function writeAuditEvents(
  trx: Kysely<Database>,
  context: AuditContext,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const ownPersons = await lockAndFindOwnPersons(trx, context, entries);
  const occurredAt = new Date();
  const head = chainHeads.get(context.municipalityId);
  if (head) {
    const rows = chain(context, entries, ownPersons, occurredAt, head);
    // The events as one array per column (unnest): the statement has the same seventeen
    // parameters and the same text whatever the number of events (decision 0111).
    const inserted = await sql<{ seq: number }>`
      insert into audit_event (${sql.join(columns.map((c) => sql.ref(c)))})
      select * from unnest(${sql.join(columns.map((c) => sql`${rows.map((r) => arrayValue(r, c))}::${sql.raw(columnTypes[c])}[]`))}) as v
      where coalesce(
        (select hash from audit_event where municipality_id = ${context.municipalityId}
          order by seq desc limit 1),
        ${genesisHash}) = ${head.hash}
      returning seq`.execute(trx);
    if (inserted.rows.length === rows.length) {
      remember(context.municipalityId, rows);
      return;
    }
  }
  const last = await trx
    .selectFrom('audit_event')
    .select(['seq', 'hash'])
    .where('municipality_id', '=', context.municipalityId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const rows = chain(context, entries, ownPersons, occurredAt, last ?? { seq: 0, hash: genesisHash });
  await trx.insertInto('audit_event').values(rows).execute();
  remember(context.municipalityId, rows);
}

const columns = [
  'municipality_id',
  'seq',
  'occurred_at',
  'actor_user_id',
  'actor_name',
  'actor_role',
  'actor_organisation',
  'action',
  'outcome',
  'subject_person_id',
  'record_type',
  'record_id',
  'reason',
  'client_address',
  'unusual',
  'prev_hash',
  'hash',
] as const;

type ChainedRow = ChainedFields & { outcome: 'allowed' | 'denied'; hash: string };

// Explicit types: in INSERT ... SELECT FROM unnest(...) the parameters are not typed by the columns.
const columnTypes: Record<(typeof columns)[number], string> = {
  municipality_id: 'uuid',
  seq: 'bigint',
  occurred_at: 'timestamptz',
  actor_user_id: 'uuid',
  actor_name: 'text',
  actor_role: 'text',
  actor_organisation: 'text',
  action: 'text',
  outcome: 'text',
  subject_person_id: 'uuid',
  record_type: 'text',
  record_id: 'text',
  reason: 'text',
  client_address: 'text',
  unusual: 'boolean',
  prev_hash: 'text',
  hash: 'text',
};

/** A row's value for its column's array: times as ISO text, the same instant the hash was made of. */
function arrayValue(r: ChainedRow, column: (typeof columns)[number]): string | number | boolean | null {
  const value = r[column];
  return value instanceof Date ? value.toISOString() : (value as string | number | boolean | null);
}

function chain(
  context: AuditContext,
  entries: readonly AuditEntry[],
  ownPersons: Set<string>,
  occurredAt: Date,
  after: { seq: number; hash: string },
): ChainedRow[] {
  let seq = after.seq;
  let prevHash = after.hash;
  return entries.map((entry) => {
    seq += 1;
    const fields: ChainedFields = {
      municipality_id: context.municipalityId,
      seq,
      occurred_at: occurredAt,
      actor_user_id: context.actor?.userId ?? null,
      actor_name: context.actor?.displayName ?? null,
      actor_role: context.actor?.role ?? null,
      actor_organisation: context.actor?.organisation ?? null,
      action: entry.action,
      outcome: entry.outcome ?? 'allowed',
      subject_person_id: entry.subjectPersonId ?? null,
      record_type: entry.recordType ?? null,
      record_id: entry.recordId ?? null,
      reason: entry.reason ?? null,
      client_address: context.clientAddress,
      unusual: isUnusual(entry, context, ownPersons),
      prev_hash: prevHash,
    };
    const hash = eventHash(fields);
    prevHash = hash;
    return { ...fields, outcome: fields.outcome as 'allowed' | 'denied', hash };
  });
}

function remember(municipalityId: string, rows: ChainedRow[]): void {
  const last = rows[rows.length - 1]!;
  chainHeads.set(municipalityId, { seq: last.seq, hash: last.hash });
}

/**
 * An access is unusual when it concerns a person outside the user's own cases, unless it was done
 * for a report the user's intake is handling (`report:<id>` in the set, intake workers only).
 */
function isUnusual(entry: AuditEntry, context: AuditContext, ownPersons: Set<string>): boolean {
  if (!entry.subjectPersonId || !context.actor) return false;
  if (entry.recordType === 'report' && ownPersons.has(`report:${entry.recordId}`)) return false;
  return !ownPersons.has(entry.subjectPersonId);
}

/**
 * Who wants to know how long taking the audit lock took (the metrics, decision 0087): each is
 * called with the seconds of the lock statement, which include the wait for the lock.
 */
const lockListeners = new Set<(seconds: number) => void>();
export function onAuditLock(listener: (seconds: number) => void): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

async function timed<T>(work: Promise<T>): Promise<T> {
  if (lockListeners.size === 0) return work;
  const started = performance.now();
  const result = await work;
  const seconds = (performance.now() - started) / 1000;
  for (const listener of lockListeners) listener(seconds);
  return result;
}

/**
 * Takes the municipality's audit lock and, in the same statement, finds the persons among the
 * entries' subjects that the actor is assigned to, directly or as guardian of an assigned child.
 */
async function lockAndFindOwnPersons(
  trx: Kysely<Database>,
  context: AuditContext,
  entries: readonly AuditEntry[],
): Promise<Set<string>> {
  const lock = sql`pg_advisory_xact_lock(hashtextextended(${`audit:${context.municipalityId}`}, 0))`;
  const subjects = [...new Set(entries.map((e) => e.subjectPersonId).filter((id): id is string => !!id))];
  if (!context.actor || subjects.length === 0) {
    await timed(sql`select ${lock}`.execute(trx));
    return new Set();
  }
  const m = context.municipalityId;
  const userId = context.actor.userId;
  // A user's own persons: children assigned to them and, since cases exist (issue 3), children of
  // the cases they work on (as responsible social worker, as intake during the initial
  // assessment, as the unit's manager), with the guardians of all those children; and (issue 6)
  // children whose coordinated plan (SIP) they coordinate or their organisation takes part in.
  const owner = sql.join(
    [
      sql`c.responsible_user_id = ${userId}`,
      ...(context.actor.role === 'intakeWorker' ? [sql`c.phase = 'initialAssessment'`] : []),
      ...(context.actor.role === 'manager' && context.actor.unitId
        ? [sql`c.unit_id = ${context.actor.unitId}`]
        : []),
    ],
    sql` or `,
  );
  const organisationId = context.actor.partnerOrganisationId ?? null;
  // Intake's own work is every report still in intake (not linked to a case, or its case still in
  // the initial assessment): the child of such a report and the child's guardians are not unusual
  // for an intake worker, who reads, assesses and links them as a matter of routine.
  const inIntake = sql`r.municipality_id = ${m} and (r.case_id is null or exists (
      select from child_case ic where ic.municipality_id = r.municipality_id and ic.id = r.case_id
         and ic.phase = 'initialAssessment'))`;
  const intakeWorker = context.actor.role === 'intakeWorker';
  const reportIds = intakeWorker
    ? [...new Set(entries.filter((e) => e.recordType === 'report' && e.recordId).map((e) => e.recordId!))]
    : [];
  const intakeWork = intakeWorker
    ? sql`
      union
      select r.child_id from report r where ${inIntake} and r.child_id = any(${subjects}::uuid[])
      union
      select g.guardian_id from report r
        join guardianship g on g.municipality_id = r.municipality_id and g.child_id = r.child_id
       where ${inIntake} and g.guardian_id = any(${subjects}::uuid[])`
    : sql``;
  const query = sql<{ own: string[] | null; intake_reports: string[] | null }>`
    select ${lock}, array(
      select a.person_id from person_assignment a
       where a.municipality_id = ${m} and a.user_id = ${userId} and a.person_id = any(${subjects}::uuid[])
      union
      select g.guardian_id from person_assignment a
        join guardianship g on g.municipality_id = a.municipality_id and g.child_id = a.person_id
       where a.municipality_id = ${m} and a.user_id = ${userId} and g.guardian_id = any(${subjects}::uuid[])
      union
      select c.child_id from child_case c
       where c.municipality_id = ${m} and c.child_id = any(${subjects}::uuid[]) and (${owner})
      union
      select g.guardian_id from child_case c
        join guardianship g on g.municipality_id = c.municipality_id and g.child_id = c.child_id
       where c.municipality_id = ${m} and g.guardian_id = any(${subjects}::uuid[]) and (${owner})
      union
      select s.child_id from sip s
       where s.municipality_id = ${m} and s.child_id = any(${subjects}::uuid[])
         and (s.coordinator_user_id = ${userId} or exists (
           select from sip_participant p
            where p.municipality_id = s.municipality_id and p.sip_id = s.id
              and p.organisation_id = ${organisationId}))
      ${intakeWork}
    )::text[] as own, array(
      select 'report:' || r.id::text from report r where ${inIntake} and r.id = any(${reportIds}::uuid[])
    )::text[] as intake_reports`;
  const result = await timed(query.execute(trx));
  return new Set([...(result.rows[0]?.own ?? []), ...(result.rows[0]?.intake_reports ?? [])]);
}
