import { type Kysely, sql } from 'kysely';
import type { IsoDate } from '../deadlines/calendar.ts';
import type { Actor } from '../platform/access/policy.ts';
import { writeAuditEvents } from '../platform/audit/audit.ts';
import type { Database } from '../platform/db/schema.ts';
import type { RecordAssessment } from './model.ts';
import { removeRecords } from './remove.ts';

/**
 * Culling again after a restore (decisions 0082, 0117): a backup older than a culling run brings
 * back what the run removed. The ledger (`retention_culled`) names every culled record by type and
 * id; this deletes again each one that exists, with what hangs on it, in a run of its own
 * (`retention_run`, so the signed-record triggers let the deletes through), audited as culling
 * (`retention.cull`, reason the ledger's rule id) by an archivist. Records that do not exist are
 * left alone, so running it twice removes nothing the second time.
 *
 * The ledger itself may be older than the culling too (it is in the same backup), so it can be
 * saved to a file after each culling (`exportLedger`, ids and rule ids only, no content) and read
 * back before reapplying (`importLedger`).
 */

export interface LedgerLine {
  recordType: string;
  recordId: string;
  culledOn: string;
  ruleId: string;
  runId: string | null;
}

/** Each culled record type, the table it lives in; children before parents, persons last. */
const tables = {
  protectedDetailsAccess: 'protected_details_access',
  caseNote: 'case_note',
  childsVoice: 'childs_voice',
  deadlineExtension: 'deadline_extension',
  sip: 'sip',
  placement: 'placement',
  report: 'report',
  case: 'child_case',
  person: 'person',
} as const;
type CulledType = keyof typeof tables;
const order = Object.keys(tables) as CulledType[];
const isCulledType = (type: string): type is CulledType => Object.hasOwn(tables, type);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function exportLedger(db: Kysely<Database>, municipalityId: string): Promise<LedgerLine[]> {
  const rows = await db
    .selectFrom('retention_culled')
    .select(['record_type', 'record_id', 'culled_on', 'rule_id', 'run_id'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('culled_at')
    .orderBy('record_type')
    .orderBy('record_id')
    .execute();
  return rows.map((r) => ({
    recordType: r.record_type,
    recordId: r.record_id,
    culledOn: String(r.culled_on),
    ruleId: r.rule_id,
    runId: r.run_id,
  }));
}

/** Adds the lines the ledger does not have; returns how many were added. Refuses a malformed line. */
export async function importLedger(
  db: Kysely<Database>,
  municipalityId: string,
  lines: readonly unknown[],
): Promise<number> {
  const valid = lines.map((line, i) => {
    const l = line as Partial<LedgerLine> | null;
    if (
      !l ||
      typeof l.recordType !== 'string' ||
      !isCulledType(l.recordType) ||
      typeof l.recordId !== 'string' ||
      !uuid.test(l.recordId) ||
      typeof l.culledOn !== 'string' ||
      !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(l.culledOn) ||
      typeof l.ruleId !== 'string' ||
      !/^[A-Za-z0-9:._-]{1,100}$/.test(l.ruleId) ||
      (l.runId !== null && l.runId !== undefined && (typeof l.runId !== 'string' || !uuid.test(l.runId)))
    )
      throw new RangeError(`Ledger line ${i + 1} is not a ledger line`);
    return {
      municipality_id: municipalityId,
      record_type: l.recordType,
      record_id: l.recordId,
      culled_on: l.culledOn,
      rule_id: l.ruleId,
      run_id: l.runId ?? null,
    };
  });
  let added = 0;
  for (let i = 0; i < valid.length; i += 500) {
    const result = await db
      .insertInto('retention_culled')
      .values(valid.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['municipality_id', 'record_type', 'record_id']).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

export interface ReapplyProgress {
  /** Ledger lines whose record exists again. */
  found: number;
  removed: number;
  /** Records that could not be removed (something not in the ledger still refers to them). */
  failed: { recordType: string; recordId: string; code: string }[];
  runId: string | null;
}

export async function reapplyLedger(
  db: Kysely<Database>,
  municipalityId: string,
  today: IsoDate,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ReapplyProgress> {
  const m = municipalityId;
  const ledger = await db
    .selectFrom('retention_culled')
    .select(['record_type', 'record_id', 'rule_id', 'run_id'])
    .where('municipality_id', '=', m)
    .execute();
  const present: { type: CulledType; id: string; ruleId: string; runId: string | null }[] = [];
  for (const type of order) {
    const ids = ledger.filter((l) => l.record_type === type && uuid.test(l.record_id));
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const found = await db
        .selectFrom(tables[type] as 'person')
        .select('id')
        .where('municipality_id', '=', m)
        .where(
          'id',
          'in',
          chunk.map((l) => l.record_id),
        )
        .execute();
      const there = new Set(found.map((f) => f.id));
      for (const l of chunk)
        if (there.has(l.record_id))
          present.push({ type, id: l.record_id, ruleId: l.rule_id, runId: l.run_id });
    }
  }
  if (present.length === 0) return { found: 0, removed: 0, failed: [], runId: null };
  const archivist = await archivistFor(
    db,
    m,
    present.map((p) => p.runId),
  );
  const run = await db
    .insertInto('retention_run')
    .values({ municipality_id: m, assessed_on: today, approved_by: archivist.userId, state: 'running' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('retention_run').set({ started_at: new Date() }).where('id', '=', run.id).execute();
  let pending = present;
  let removed = 0;
  const failed = new Map<string, string>();
  // A person may still be a culled child's guardian until that child is gone: passes go on while
  // they remove something.
  for (;;) {
    const next: typeof present = [];
    for (const item of pending) {
      try {
        await db.transaction().execute(async (trx) => {
          await sql`select set_config('samtak.retention_run', ${run.id}, true)`.execute(trx);
          const record = [{ recordType: item.type, recordId: item.id } as RecordAssessment];
          if (item.type === 'person') await removeRecords(trx, m, item.id, [], true);
          else await removeRecords(trx, m, '', record, false);
          await writeAuditEvents(trx, { municipalityId: m, actor: archivist, clientAddress: null }, [
            {
              action: 'retention.cull',
              subjectPersonId: item.type === 'person' ? item.id : null,
              recordType: item.type,
              recordId: item.id,
              reason: item.ruleId,
            },
          ]);
        });
        removed++;
        failed.delete(`${item.type}:${item.id}`);
        onProgress(removed, present.length);
      } catch (error) {
        failed.set(`${item.type}:${item.id}`, errorCode(error));
        next.push(item);
      }
    }
    if (next.length === 0 || next.length === pending.length) break;
    pending = next;
  }
  await db
    .updateTable('retention_run')
    .set({ state: 'done', finished_at: new Date() })
    .where('id', '=', run.id)
    .execute();
  return {
    found: present.length,
    removed,
    failed: [...failed].map(([key, code]) => {
      const [recordType = '', recordId = ''] = key.split(':');
      return { recordType, recordId, code };
    }),
    runId: run.id,
  };
}

/** The archivist who approved the culling being reapplied, else any active archivist. */
async function archivistFor(db: Kysely<Database>, m: string, runIds: (string | null)[]): Promise<Actor> {
  const known = [...new Set(runIds.filter((id): id is string => id !== null))];
  const approvers = known.length
    ? await db
        .selectFrom('retention_run as r')
        .innerJoin('user_account as u', (j) =>
          j.onRef('u.municipality_id', '=', 'r.municipality_id').onRef('u.id', '=', 'r.approved_by'),
        )
        .select('u.id')
        .where('r.municipality_id', '=', m)
        .where('r.id', 'in', known)
        .where('u.role', '=', 'archivist')
        .orderBy('r.approved_at', 'desc')
        .execute()
    : [];
  const user = await db
    .selectFrom('user_account')
    .select(['id', 'role', 'unit_id', 'display_name', 'organisation_name', 'partner_kind'])
    .where('municipality_id', '=', m)
    .where('role', '=', 'archivist')
    .$if(approvers.length > 0, (q) => q.where('id', '=', approvers[0]?.id ?? ''))
    .$if(approvers.length === 0, (q) => q.where('active', '=', true).orderBy('created_at'))
    .executeTakeFirst();
  if (!user) throw new RangeError('The municipality has no archivist to carry out the culling');
  return {
    userId: user.id,
    municipalityId: m,
    role: user.role,
    unitId: user.unit_id,
    displayName: user.display_name,
    organisation: user.organisation_name,
    partnerKind: user.partner_kind,
    secondFactorDone: true,
  };
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Za-z0-9_]{1,20}$/.test(code) ? code : 'error';
}
