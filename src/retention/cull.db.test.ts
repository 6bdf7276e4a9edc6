import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { migrations } from '../migrations.ts';
import type { Actor } from '../platform/access/policy.ts';
import { verifyAuditTrail } from '../platform/audit/verify.ts';
import { openDatabase } from '../platform/db/database.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { createPostgresDatabase, testEngine } from '../testing/database.ts';
import { createMunicipality, createPerson, createUnit, createUser } from '../testing/factories.ts';
import { runAuditVerify, runServerToExit } from '../testing/server-process.ts';
import { approveRetentionRun, carryOutRetentionRun } from './cull.ts';
import { caseStatistics, insertReport, insertUnlinkedReport, oldFile, today, yearsAgo } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await t.close();
});

const actorOf = (user: { id: string }, municipalityId: string): Actor => ({
  userId: user.id,
  municipalityId,
  role: 'archivist',
  unitId: null,
  displayName: 'Arkivarien',
  organisation: null,
  partnerKind: null,
  secondFactorDone: true,
});

async function municipalityWithArchivist(db: TestApp['db']['db'], key: Buffer) {
  const id = await createMunicipality(db);
  const { code } = await db
    .selectFrom('municipality')
    .select('code')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const unit = await createUnit(db, id, 'investigation');
  const worker = await createUser(db, key, { municipalityId: id, role: 'socialWorker', unitId: unit });
  const archivist = await createUser(db, key, { municipalityId: id, role: 'archivist' });
  return { municipality: { id, code }, unit, worker, archivist: actorOf(archivist, id) };
}

const exists = async (table: 'child_case' | 'report' | 'case_note' | 'childs_voice' | 'person', id: string) =>
  Boolean(await t.db.db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst());

describe('the culling job', () => {
  it('removes the due file with its signed records, keeps the rest, writes the ledger and the audit, and the chain verifies', async () => {
    const db = t.db.db;
    const { municipality, unit, worker, archivist } = await municipalityWithArchivist(db, t.config.secretKey);
    const old = await oldFile(db, municipality.id, unit, worker);
    await caseStatistics(db, municipality.id, old.caseId, worker);
    const changing = await oldFile(db, municipality.id, unit, worker, 'Ändrasbarn');
    await caseStatistics(db, municipality.id, changing.caseId, worker);
    const recent = await createPerson(db, municipality.id, { birthDate: '2012-03-03' });
    const recentReport = await insertReport(db, municipality.id, recent.id, yearsAgo(1));
    // Born on the 15th: kept for research (16 kap. 4 §, SoF 13 kap. 1 §) however old the file.
    const sample = await oldFile(db, municipality.id, unit, worker, 'Forskningsbarn');
    await db
      .updateTable('person')
      .set({ birth_date: '2008-03-15', personal_number: null })
      .where('id', '=', sample.childId)
      .execute();

    const approved = await approveRetentionRun(db, municipality, archivist, today);
    assert.ok(approved);
    assert.equal(
      approved.files,
      3,
      'the two due files, and the research sample to archive (decision 0117); the recent file is kept',
    );
    // A new entry after the approval: the job must re-assess and leave that file.
    await insertReport(db, municipality.id, changing.childId, today);

    const seen: number[] = [];
    const progress = await carryOutRetentionRun(db, municipality, approved.runId, today, (p) =>
      seen.push(p.culled + p.skipped),
    );
    assert.deepEqual(seen, [1, 2, 3], 'progress after each file');
    assert.equal(progress.culled, 2, 'the due file culled, the sample archived');
    assert.equal(progress.skipped, 1);
    for (const [table, id] of [
      ['child_case', old.caseId],
      ['report', old.reportId],
      ['case_note', old.noteId],
      ['childs_voice', old.voiceId],
      ['person', old.childId],
    ] as const)
      assert.equal(await exists(table, id), false, `${table} culled`);
    assert.equal(await exists('case_note', changing.noteId), true, 'the changed file is left whole');
    // The statistics' rows about a case go with the case (decision 0126), and only with it.
    for (const table of ['case_responsibility', 'decision_execution'] as const) {
      const left = await db
        .selectFrom(table)
        .select('case_id')
        .where('municipality_id', '=', municipality.id)
        .execute();
      assert.deepEqual(
        left.map((r) => r.case_id),
        [changing.caseId],
        `${table} of the culled case removed`,
      );
    }
    assert.equal(await exists('person', sample.childId), true);
    assert.equal(await exists('case_note', sample.noteId), true);
    const archived = await db
      .selectFrom('person')
      .select(['archived_on', 'search_text'])
      .where('id', '=', sample.childId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      archived,
      { archived_on: today, search_text: '' },
      'the sample is archived, its records kept',
    );
    assert.equal(await exists('report', recentReport.id), true);
    const skipped = await db
      .selectFrom('retention_run_file')
      .select(['person_id', 'skip_reason'])
      .where('run_id', '=', approved.runId)
      .where('state', '=', 'skipped')
      .execute();
    assert.deepEqual(skipped, [{ person_id: changing.childId, skip_reason: 'changed' }]);

    // The ledger names each culled record and the rule, with no content.
    const ledger = await db
      .selectFrom('retention_culled')
      .select(['record_type', 'record_id', 'rule_id', 'run_id', 'culled_on'])
      .where('municipality_id', '=', municipality.id)
      .execute();
    assert.deepEqual(
      ledger.map((l) => `${l.record_type}:${l.record_id}`).sort(),
      [
        `case:${old.caseId}`,
        `caseNote:${old.noteId}`,
        `childsVoice:${old.voiceId}`,
        `person:${old.childId}`,
        `report:${old.reportId}`,
      ].sort(),
    );
    assert.ok(
      ledger.every((l) => l.run_id === approved.runId && l.culled_on === today && l.rule_id.length > 0),
    );

    // Audited in the municipality's chain by the approving archivist: approval and each record.
    const events = await db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id', 'record_type', 'record_id', 'subject_person_id', 'reason'])
      .where('municipality_id', '=', municipality.id)
      .where('action', 'in', ['retention.cull', 'retention.approve'])
      .execute();
    assert.equal(events.filter((e) => e.action === 'retention.approve').length, 1);
    const culls = events.filter((e) => e.action === 'retention.cull');
    assert.equal(culls.length, 5);
    assert.ok(
      culls.every((e) => e.actor_user_id === archivist.userId && e.subject_person_id === old.childId),
    );
    for (const chain of await verifyAuditTrail(db)) assert.deepEqual(chain.problems, []);

    // Idempotent: carried out again, nothing more happens.
    const again = await carryOutRetentionRun(db, municipality, approved.runId, today);
    assert.deepEqual(again, progress);
    const run = await db
      .selectFrom('retention_run')
      .select('state')
      .where('id', '=', approved.runId)
      .executeTakeFirstOrThrow();
    assert.equal(run.state, 'done');
  });

  it('still refuses to delete a signed note outside a running culling job, and inside a finished one', async () => {
    const db = t.db.db;
    const { municipality, unit, worker, archivist } = await municipalityWithArchivist(db, t.config.secretKey);
    const file = await oldFile(db, municipality.id, unit, worker);
    await assert.rejects(
      db.deleteFrom('case_note').where('id', '=', file.noteId).execute(),
      /signed and final/,
    );
    const approved = await approveRetentionRun(db, municipality, archivist, today);
    assert.ok(approved);
    // Approved but not running: the trigger does not let it through.
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await sql`select set_config('samtak.retention_run', ${approved.runId}, true)`.execute(trx);
        await trx.deleteFrom('childs_voice').where('id', '=', file.voiceId).execute();
      }),
      /signed and final/,
    );
    await carryOutRetentionRun(db, municipality, approved.runId, today);
    const other = await oldFile(db, municipality.id, unit, worker);
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await sql`select set_config('samtak.retention_run', ${approved.runId}, true)`.execute(trx);
        await trx.deleteFrom('case_note').where('id', '=', other.noteId).execute();
      }),
      /signed and final/,
      'a finished run opens nothing',
    );
  });

  it('leaves a file whole when something it does not know refers to it, and goes on', async () => {
    const db = t.db.db;
    const { municipality, unit, worker, archivist } = await municipalityWithArchivist(db, t.config.secretKey);
    const blocked = await oldFile(db, municipality.id, unit, worker, 'Blockerat');
    const free = await oldFile(db, municipality.id, unit, worker, 'Fritt');
    // The child is now a guardian of another child: the register entry cannot go with the file.
    const approved = await approveRetentionRun(db, municipality, archivist, today);
    assert.ok(approved);
    const sibling = await createPerson(db, municipality.id);
    await db
      .insertInto('guardianship')
      .values({
        municipality_id: municipality.id,
        child_id: sibling.id,
        guardian_id: blocked.childId,
        kind: 'guardian',
      })
      .execute();
    const done = await carryOutRetentionRun(db, municipality, approved.runId, today);
    assert.equal(done.culled, 1);
    const row = await db
      .selectFrom('retention_run_file')
      .select('skip_reason')
      .where('run_id', '=', approved.runId)
      .where('person_id', '=', blocked.childId)
      .executeTakeFirstOrThrow();
    assert.match(row.skip_reason ?? '', /^failed:/);
    assert.equal(await exists('case_note', blocked.noteId), true, 'rolled back whole');
    assert.equal(await exists('child_case', blocked.caseId), true);
    assert.equal(await exists('person', free.childId), false);
    for (const chain of await verifyAuditTrail(db)) assert.deepEqual(chain.problems, []);
  });

  it('removes a placement never carried out with its restrictions, moving bans and their reviews (16 kap. 2 § 3 does not keep it)', async () => {
    const db = t.db.db;
    const { municipality, unit, worker, archivist } = await municipalityWithArchivist(db, t.config.secretKey);
    const old = await oldFile(db, municipality.id, unit, worker, 'Aldrigplacerad');
    const placement = await db
      .insertInto('placement')
      .values({
        municipality_id: municipality.id,
        child_id: old.childId,
        case_id: old.caseId,
        unit_id: unit,
        ended_on: yearsAgo(7, '02-09'),
        end_outcome: 'other',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`update placement set created_at = ${`${yearsAgo(7, '02-03')}T10:00:00Z`}::timestamptz where id = ${placement.id}`.execute(
      db,
    );
    const made = { municipality_id: municipality.id, placement_id: placement.id };
    const decided = { decided_by_kind: 'committee', decided_by_name: 'Socialnämnden' } as const;
    const restriction = await db
      .insertInto('placement_restriction')
      .values({ ...made, kind: 'contact', decided_on: yearsAgo(7, '02-04') })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ban = await db
      .insertInto('placement_moving_ban')
      .values({ ...made, ...decided, applied_on: yearsAgo(7, '02-04') })
      .returning('id')
      .executeTakeFirstOrThrow();
    // A temporary moving ban whose application is the ban above (migration 0023).
    await db
      .insertInto('placement_temporary_ban')
      .values({ ...made, ...decided, decided_on: yearsAgo(7, '02-04'), moving_ban_id: ban.id })
      .execute();
    for (const ref of [{ restriction_id: restriction.id }, { moving_ban_id: ban.id }])
      await db
        .insertInto('placement_review')
        .values({ ...made, ...decided, ...ref, decided_on: yearsAgo(7, '02-06'), outcome: 'ends' })
        .execute();

    const approved = await approveRetentionRun(db, municipality, archivist, today);
    assert.ok(approved);
    const done = await carryOutRetentionRun(db, municipality, approved.runId, today);
    assert.equal(done.culled, 1, 'the file is culled, not failed on a reference');
    for (const table of [
      'placement',
      'placement_restriction',
      'placement_moving_ban',
      'placement_review',
      'placement_temporary_ban',
    ] as const) {
      const left = await db
        .selectFrom(table)
        .select('id')
        .where('municipality_id', '=', municipality.id)
        .execute();
      assert.deepEqual(left, [], `${table} removed`);
    }
    for (const chain of await verifyAuditTrail(db)) assert.deepEqual(chain.problems, []);
  });
});

describe('the guardians of a culled file', () => {
  it('go with it when they are in no other file, and stay when they are, or were registered later', async () => {
    const db = t.db.db;
    const { municipality, unit, worker, archivist } = await municipalityWithArchivist(db, t.config.secretKey);
    const file = await oldFile(db, municipality.id, unit, worker, 'Vårdnadsbarn');
    const lone = await createPerson(db, municipality.id, { birthDate: '1980-01-03' });
    const shared = await createPerson(db, municipality.id, { birthDate: '1981-01-03' });
    const later = await createPerson(db, municipality.id, { birthDate: '1982-01-03' });
    const sibling = await createPerson(db, municipality.id, { birthDate: '2015-01-03' });
    await insertReport(db, municipality.id, sibling.id, yearsAgo(1));
    const long = `${yearsAgo(7, '02-01')}T10:00:00Z`;
    for (const g of [lone, shared])
      await sql`update person set created_at = ${long}::timestamptz where id = ${g.id}`.execute(db);
    for (const g of [lone, shared, later])
      await db
        .insertInto('guardianship')
        .values({
          municipality_id: municipality.id,
          child_id: file.childId,
          guardian_id: g.id,
          kind: 'guardian',
        })
        .execute();
    await db
      .insertInto('guardianship')
      .values({
        municipality_id: municipality.id,
        child_id: sibling.id,
        guardian_id: shared.id,
        kind: 'guardian',
      })
      .execute();
    const approved = await approveRetentionRun(db, municipality, archivist, today);
    assert.ok(approved);
    const done = await carryOutRetentionRun(db, municipality, approved.runId, today);
    assert.equal(done.culled, 1);
    assert.equal(await exists('person', file.childId), false);
    assert.equal(await exists('person', lone.id), false, 'in no other file: culled with it');
    assert.equal(await exists('person', shared.id), true, "the sibling's guardian stays");
    assert.equal(
      await exists('person', later.id),
      true,
      'registered after the last entry: an entry of its own',
    );
    const events = await db
      .selectFrom('audit_event')
      .select(['subject_person_id', 'reason'])
      .where('municipality_id', '=', municipality.id)
      .where('action', '=', 'retention.cull')
      .where('record_type', '=', 'person')
      .execute();
    assert.deepEqual(
      events.map((e) => [e.subject_person_id, e.reason]).sort(),
      [
        [file.childId, events.find((e) => e.subject_person_id === file.childId)?.reason],
        [lone.id, 'guardianInNoOtherFile'],
      ].sort(),
    );
    assert.ok(
      await db
        .selectFrom('retention_culled')
        .select('record_id')
        .where('record_type', '=', 'person')
        .where('record_id', '=', lone.id)
        .executeTakeFirst(),
    );
    for (const chain of await verifyAuditTrail(db)) assert.deepEqual(chain.problems, []);
  });
});

describe('npm run retention:cull', () => {
  const script = fileURLToPath(new URL('./cull-command.ts', import.meta.url));

  it('carries out the approved run, prints the progress, culls nothing twice; audit:verify passes after it', {
    timeout: 180_000,
  }, async () => {
    let env: Record<string, string>;
    let options: { databaseUrl?: string; dataDir?: string };
    if (testEngine === 'postgresql') {
      const fresh = await createPostgresDatabase();
      cleanups.push(() => fresh.drop());
      env = { DATABASE_URL: fresh.url };
      options = { databaseUrl: fresh.url };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'samtak-cull-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      env = { DATA_DIR: dir };
      options = { dataDir: dir };
    }
    const db = await openDatabase({ ...options, migrations });
    let code: string;
    let childId: string;
    try {
      const world = await municipalityWithArchivist(db.db, Buffer.from('e5'.repeat(32), 'hex'));
      code = world.municipality.code;
      const file = await oldFile(db.db, world.municipality.id, world.unit, world.worker);
      childId = file.childId;
      // With the statistics' rows on the case and a report never linked to a child (0126, 0127).
      await caseStatistics(db.db, world.municipality.id, file.caseId, world.worker);
      await insertUnlinkedReport(db.db, world.municipality.id, yearsAgo(7), '2010-03-03');
      assert.ok(await approveRetentionRun(db.db, world.municipality, world.archivist, today));
    } finally {
      await db.close();
    }
    const first = await runServerToExit(env, 120_000, script, ['--municipality', code]);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /2 files culled \(5 records\), 0 skipped, of 2\./);
    assert.match(first.stderr, /2\/2 files/);
    assert.doesNotMatch(first.stdout + first.stderr, /Gallringsbarn|Samtal med/);
    const verified = await runAuditVerify(env);
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /OK .*chain intact/);
    const second = await runServerToExit(env, 120_000, script, ['--municipality', code]);
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.match(second.stdout, /No approved culling run/);
    const check = await openDatabase({ ...options, migrations });
    try {
      assert.equal(
        await check.db.selectFrom('person').select('id').where('id', '=', childId).executeTakeFirst(),
        undefined,
      );
      const culls = await check.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'retention.cull')
        .executeTakeFirstOrThrow();
      assert.equal(Number(culls.n), 6, 'four records and the register entry, and the unlinked report, once');
    } finally {
      await check.close();
    }
    const bad = await runServerToExit(env, 60_000, script, ['--municipality', '12']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /four-digit/);
  });
});
