import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../platform/access/policy.ts';
import { verifyAuditTrail } from '../platform/audit/verify.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createUnit, createUser } from '../testing/factories.ts';
import { approveRetentionRun, carryOutRetentionRun } from './cull.ts';
import { exportLedger, importLedger, reapplyLedger } from './reapply.ts';
import { oldFile, today, yearsAgo } from './testing.ts';

/**
 * After a restore (decision 0117): a backup from before a culling run brings the culled records
 * back, and its ledger may not know them either. Reapplying from a saved ledger deletes them
 * again, audited as culling; run again it removes nothing; the chain verifies.
 */
let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const tables = [
  'person',
  'child_case',
  'report',
  'case_note',
  'childs_voice',
  'protected_details_access',
] as const;

describe('reapplying the culling ledger after a restore', () => {
  it('deletes again every culled record that came back, audited, idempotent, and the chain verifies', async () => {
    const db = t.db.db;
    const municipalityId = await createMunicipality(db);
    const { code } = await db
      .selectFrom('municipality')
      .select('code')
      .where('id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    const municipality = { id: municipalityId, code };
    const unit = await createUnit(db, municipalityId, 'investigation');
    const worker = await createUser(db, t.config.secretKey, {
      municipalityId,
      role: 'socialWorker',
      unitId: unit,
    });
    const user = await createUser(db, t.config.secretKey, { municipalityId, role: 'archivist' });
    const archivist: Actor = {
      userId: user.id,
      municipalityId,
      role: 'archivist',
      unitId: null,
      displayName: 'Arkivarien',
      organisation: null,
      partnerKind: null,
      secondFactorDone: true,
    };
    const file = await oldFile(db, municipalityId, unit, worker, 'Återkommenbarn');
    await db
      .insertInto('protected_details_access')
      .values({
        municipality_id: municipalityId,
        person_id: file.childId,
        user_id: worker.id,
        reason: 'Hembesök enligt beslut i utredningen',
        occurred_at: new Date(`${yearsAgo(7, '02-06')}T10:00:00Z`),
      })
      .execute();
    assert.deepEqual(await reapplyLedger(db, municipalityId, today), {
      found: 0,
      removed: 0,
      failed: [],
      runId: null,
    });

    // The "backup": the file's rows as they were before the culling.
    const backup: Record<string, unknown[]> = {};
    for (const table of tables)
      backup[table] = await db
        .selectFrom(table as 'person')
        .selectAll()
        .where('municipality_id', '=', municipalityId)
        .execute();
    const approved = await approveRetentionRun(db, municipality, archivist, today);
    await carryOutRetentionRun(db, municipality, approved?.runId ?? '', today);
    const saved = await exportLedger(db, municipalityId);
    assert.equal(saved.length, 6, 'report, case, note, account, reason and the register entry');

    // The restore: the rows come back, and the backup's ledger is older than the culling.
    await db.deleteFrom('retention_culled').where('municipality_id', '=', municipalityId).execute();
    for (const table of tables)
      for (const row of backup[table] ?? [])
        await db
          .insertInto(table as 'person')
          .values(row as never)
          .execute();
    const count = async () => {
      let n = 0;
      for (const table of tables)
        n += (
          await db
            .selectFrom(table as 'person')
            .select('municipality_id')
            .where('municipality_id', '=', municipalityId)
            .execute()
        ).length;
      return n;
    };
    assert.equal(await count(), 6);
    const culls = async () =>
      (
        await db
          .selectFrom('audit_event')
          .select(['record_type', 'record_id', 'reason', 'actor_user_id'])
          .where('municipality_id', '=', municipalityId)
          .where('action', '=', 'retention.cull')
          .execute()
      ).length;
    const before = await culls();

    await assert.rejects(
      importLedger(db, municipalityId, [{ recordType: 'person', recordId: 'not-an-id' }]),
      RangeError,
    );
    assert.equal(await importLedger(db, municipalityId, saved), 6);
    assert.equal(
      await importLedger(db, municipalityId, saved),
      0,
      'a line the ledger has is not added twice',
    );
    const seen: number[] = [];
    const done = await reapplyLedger(db, municipalityId, today, (n) => seen.push(n));
    assert.equal(done.found, 6);
    assert.equal(done.removed, 6);
    assert.deepEqual(done.failed, []);
    assert.deepEqual(seen, [1, 2, 3, 4, 5, 6], 'progress after each record');
    assert.equal(await count(), 0, 'nothing culled remains');
    assert.equal((await culls()) - before, 6, 'one retention.cull event per record removed again');
    const run = await db
      .selectFrom('retention_run')
      .select(['state', 'approved_by'])
      .where('id', '=', done.runId ?? '')
      .executeTakeFirstOrThrow();
    assert.deepEqual(run, { state: 'done', approved_by: user.id });

    const again = await reapplyLedger(db, municipalityId, today);
    assert.deepEqual([again.found, again.removed, again.runId], [0, 0, null], 'idempotent');
    assert.equal((await culls()) - before, 6);
    for (const chain of await verifyAuditTrail(db)) assert.deepEqual(chain.problems, []);
  });
});
