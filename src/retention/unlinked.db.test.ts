import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../platform/access/policy.ts';
import { verifyAuditTrail } from '../platform/audit/verify.ts';
import { login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createPerson, createUser } from '../testing/factories.ts';
import { approveRetentionRun, carryOutRetentionRun } from './cull.ts';
import { retentionDryRun } from './dry-run.ts';
import { insertUnlinkedReport, today, yearsAgo } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

describe('reports never linked to a child (decision 0127)', () => {
  it('are files of their own: culled five years after their last entry, kept in the research sample, kept for review without a date of birth', async () => {
    const db = t.db.db;
    const municipalityId = await createMunicipality(db);
    const { code } = await db
      .selectFrom('municipality')
      .select('code')
      .where('id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    const municipality = { id: municipalityId, code };
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
    const old = await insertUnlinkedReport(db, municipalityId, yearsAgo(7), '2010-03-03');
    const sample = await insertUnlinkedReport(db, municipalityId, yearsAgo(7), '2010-03-25');
    const unknown = await insertUnlinkedReport(db, municipalityId, yearsAgo(7), null);
    const recent = await insertUnlinkedReport(db, municipalityId, yearsAgo(2), '2012-03-03');
    // Four years and eleven months is not five years.
    const almost = await insertUnlinkedReport(db, municipalityId, yearsAgo(4, '01-01'), '2012-03-03');

    const run = await retentionDryRun(db, municipality, today, { reason: 'command' });
    const fileOf = (id: string) => run.files.find((f) => f.personId === id);
    assert.equal(run.files.length, 5);
    assert.ok(run.files.every((f) => f.unlinkedReport === true));
    assert.equal(fileOf(old.id)?.assessment.file.state, 'due');
    assert.deepEqual(
      fileOf(old.id)?.assessment.records.map((r) => [r.recordType, r.verdict]),
      [['report', 'cull']],
    );
    assert.equal(fileOf(sample.id)?.assessment.records[0]?.verdict, 'keep', 'born on the 25th');
    assert.deepEqual(fileOf(unknown.id)?.assessment.review.length ? 'review' : 'none', 'review');
    assert.notEqual(fileOf(recent.id)?.assessment.file.state, 'due');
    assert.notEqual(fileOf(almost.id)?.assessment.file.state, 'due');
    // The listed ones were read: audited as reports, with no person.
    const reviews = await db
      .selectFrom('audit_event')
      .select(['record_type', 'record_id', 'subject_person_id'])
      .where('municipality_id', '=', municipalityId)
      .where('action', '=', 'retention.review')
      .execute();
    assert.deepEqual(
      reviews.map((r) => [r.record_type, r.record_id, r.subject_person_id]).sort(),
      [
        ['report', old.id, null],
        ['report', unknown.id, null],
      ].sort(),
    );

    const approved = await approveRetentionRun(db, municipality, archivist, today);
    assert.ok(approved);
    assert.equal(approved.files, 1, 'only the due report with nothing to review');
    const done = await carryOutRetentionRun(db, municipality, approved.runId, today);
    assert.equal(done.culled, 1);
    const left = await db
      .selectFrom('report')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .execute();
    assert.deepEqual(left.map((r) => r.id).sort(), [sample.id, unknown.id, recent.id, almost.id].sort());
    const ledger = await db
      .selectFrom('retention_culled')
      .select(['record_type', 'record_id'])
      .where('municipality_id', '=', municipalityId)
      .execute();
    assert.deepEqual(ledger, [{ record_type: 'report', record_id: old.id }], 'no register entry to cull');
    const culls = await db
      .selectFrom('audit_event')
      .select(['record_type', 'record_id', 'subject_person_id'])
      .where('municipality_id', '=', municipalityId)
      .where('action', '=', 'retention.cull')
      .execute();
    assert.deepEqual(culls, [{ record_type: 'report', record_id: old.id, subject_person_id: null }]);
    for (const chain of await verifyAuditTrail(db)) assert.deepEqual(chain.problems, []);
  });

  it('is skipped as gone when linked to a child between the approval and the job', async () => {
    const db = t.db.db;
    const municipalityId = await createMunicipality(db);
    const { code } = await db
      .selectFrom('municipality')
      .select('code')
      .where('id', '=', municipalityId)
      .executeTakeFirstOrThrow();
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
    const old = await insertUnlinkedReport(db, municipalityId, yearsAgo(7), '2010-03-03');
    const approved = await approveRetentionRun(db, { id: municipalityId, code }, archivist, today);
    assert.ok(approved);
    const child = await createPerson(db, municipalityId, { birthDate: '2010-03-03' });
    await db
      .updateTable('report')
      .set({ child_id: child.id, linked_on: today })
      .where('id', '=', old.id)
      .execute();
    const done = await carryOutRetentionRun(db, { id: municipalityId, code }, approved.runId, today);
    assert.equal(done.skipped, 1);
    assert.ok(await db.selectFrom('report').select('id').where('id', '=', old.id).executeTakeFirst());
  });

  it('shows on the page as an unlinked report, with submissions to the state kept under their rule', async () => {
    const db = t.db.db;
    const municipalityId = await createMunicipality(db);
    const user = await createUser(db, t.config.secretKey, { municipalityId, role: 'archivist' });
    const archivist = await login(t.app, user);
    await insertUnlinkedReport(db, municipalityId, yearsAgo(7), '2010-03-03');
    await db
      .insertInto('statistics_submission')
      .values({
        municipality_id: municipalityId,
        kind: 'ivo',
        period_key: '2020-Q1',
        submitted_by_name: 'Rapportören',
        row_count: 0,
        payload: JSON.stringify({ rows: [] }),
        file_sha256: 'b'.repeat(64),
      })
      .execute();
    const page = await archivist.get('/retention');
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /Anmälan som inte kopplats till något barn/);
    assert.match(
      page.body,
      /En inlämning till staten \(IVO, Socialstyrelsens register\) ingår inte i någon personakt/,
    );
    const english = await archivist.get('/retention?lang=en');
    assert.match(english.body, /Report not linked to a child/);
  });
});
