import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { verifyAuditTrail } from '../platform/audit/verify.ts';
import { todayInSweden } from '../platform/dates.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createPerson, createSip, createUnit, createUser } from '../testing/factories.ts';
import { retentionDryRun } from './dry-run.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const today = todayInSweden();
const yearsAgo = (years: number, day = '02-10') => `${Number(today.slice(0, 4)) - years}-${day}`;
let referenceCounter = 0;

async function report(
  municipalityId: string,
  childId: string,
  receivedOn: string,
  caseId: string | null = null,
) {
  const n = String(referenceCounter++).padStart(4, '0');
  return t.db.db
    .insertInto('report')
    .values({
      municipality_id: municipalityId,
      reference: `RT${n.slice(0, 2)}-${n}`,
      received_on: receivedOn,
      channel: 'professionalForm',
      reporter_kind: 'professional',
      reporter_name: 'Pia Skog',
      concern: 'Oro',
      child_id: childId,
      case_id: caseId,
      linked_on: receivedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

describe('the retention dry run', () => {
  it('lists the file whose last entry is over five years old, keeps the recent and the ongoing, removes nothing', async () => {
    const municipalityId = await createMunicipality(t.db.db);
    const { code } = await t.db.db
      .selectFrom('municipality')
      .select('code')
      .where('id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    const unit = await createUnit(t.db.db, municipalityId, 'intake');
    const old = await createPerson(t.db.db, municipalityId, { birthDate: '2008-03-03' });
    const recent = await createPerson(t.db.db, municipalityId, { birthDate: '2012-03-03' });
    const planned = await createPerson(t.db.db, municipalityId, { birthDate: '2013-03-03' });
    // The register entry was made when the file began: its day is an entry too.
    const began = `${yearsAgo(7, '02-01')}T10:00:00Z`;
    await sql`update person set created_at = ${began}::timestamptz where id = ${old.id}`.execute(t.db.db);
    const oldCase = await t.db.db
      .insertInto('child_case')
      .values({
        municipality_id: municipalityId,
        child_id: old.id,
        unit_id: unit,
        phase: 'closed',
        opened_on: yearsAgo(7, '02-01'),
        initial_decision: 'noInvestigation',
        initial_decided_on: yearsAgo(7, '02-08'),
        closed_on: yearsAgo(7, '02-10'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const oldReport = await report(municipalityId, old.id, yearsAgo(7, '02-01'), oldCase.id);
    await report(municipalityId, recent.id, yearsAgo(1));
    const worker = await createUser(t.db.db, t.config.secretKey, { municipalityId, role: 'socialWorker' });
    await createSip(t.db.db, {
      municipalityId,
      childId: planned.id,
      coordinatorUserId: worker.id,
      organisationIds: [],
    });

    const run = await retentionDryRun(t.db.db, { id: municipalityId, code }, today, { reason: 'command' });
    assert.equal(run.counts.files, 3);
    const file = (id: string) => run.files.find((f) => f.personId === id)?.assessment;
    const due = file(old.id);
    assert.equal(due?.file.state, 'due');
    assert.deepEqual(due?.records.map((r) => [r.recordType, r.recordId, r.verdict]).sort(), [
      ['case', oldCase.id, 'cull'],
      ['report', oldReport.id, 'cull'],
    ]);
    assert.ok(due?.records.every((r) => r.rules.some((a) => a.ruleId === 'fiveYearsAfterLastEntry')));
    assert.ok(due?.records[0]?.rules[0]?.references.some((ref) => ref.includes('16 kap.')));
    assert.equal(file(recent.id)?.file.state, 'active');
    assert.ok(file(recent.id)?.records.every((r) => r.verdict === 'keep'));
    assert.equal(file(planned.id)?.file.state, 'active', 'an open plan is ongoing');
    assert.equal(run.counts.cull, 2);

    // Nothing removed; the listed person's review is audited, the others are not read out.
    assert.ok(
      await t.db.db.selectFrom('child_case').select('id').where('id', '=', oldCase.id).executeTakeFirst(),
    );
    const reviews = await t.db.db
      .selectFrom('audit_event')
      .select(['subject_person_id', 'reason'])
      .where('municipality_id', '=', municipalityId)
      .where('action', '=', 'retention.review')
      .execute();
    assert.deepEqual(reviews, [{ subject_person_id: old.id, reason: 'command' }]);
    for (const chain of await verifyAuditTrail(t.db.db)) assert.deepEqual(chain.problems, []);
  });

  it('has a command that prints the list and the counts, and refuses a bad date or code', async () => {
    const { runServerToExit } = await import('../testing/server-process.ts');
    const script = fileURLToPath(new URL('./dry-run-command.ts', import.meta.url));
    const bad = await runServerToExit({ DATA_DIR: '/nonexistent' }, 60_000, script, ['--municipality', '12']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--municipality must be the four-digit/);
    const early = await runServerToExit({ DATA_DIR: '/nonexistent' }, 60_000, script, [
      '--municipality',
      '1234',
      '--today',
      '2025-06-30',
    ]);
    assert.equal(early.code, 1);
    assert.match(early.stderr, /from 2025-07-01/);
  });
});

describe('submissions to the state in the dry run', () => {
  it('lists each as kept under stateSubmission, outside every file, and reads no person', async () => {
    const db = t.db.db;
    const municipalityId = await createMunicipality(db);
    const { code } = await db
      .selectFrom('municipality')
      .select('code')
      .where('id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    const sha = 'a'.repeat(64);
    const ivo = await db
      .insertInto('statistics_submission')
      .values({
        municipality_id: municipalityId,
        kind: 'ivo',
        period_key: `${yearsAgo(7).slice(0, 4)}-Q1`,
        submitted_at: new Date(`${yearsAgo(7, '04-20')}T10:00:00Z`),
        submitted_by_name: 'Rapportören',
        row_count: 0,
        payload: JSON.stringify({ rows: [] }),
        file_sha256: sha,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // A register file, in the same store since migration 0025 (decision 0119).
    const register = await db
      .insertInto('statistics_submission')
      .values({
        municipality_id: municipalityId,
        kind: 'register',
        period_key: yearsAgo(6).slice(0, 4),
        submitted_at: new Date(`${yearsAgo(5, '03-01')}T10:00:00Z`),
        submitted_by: municipalityId,
        submitted_by_name: 'Rapportören',
        row_count: 0,
        payload: JSON.stringify({ rows: [], key: ['key'], file: '' }),
        file_sha256: sha,
        layout_id: 'test',
        child_count: 0,
        counts: JSON.stringify({ fatal: 0, error: 0, warning: 0 }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const run = await retentionDryRun(db, { id: municipalityId, code }, today, { reason: 'command' });
    assert.deepEqual(
      run.submissions.map((s) => [s.table, s.id, s.kind, s.ruleId]),
      [
        ['statistics_submission', ivo.id, 'ivo', 'stateSubmission'],
        ['statistics_submission', register.id, 'register', 'stateSubmission'],
      ],
    );
    assert.deepEqual(run.byRule.stateSubmission, { cull: 0, keep: 2 });
    assert.equal(run.files.length, 0);
    const reviews = await db
      .selectFrom('audit_event')
      .select('seq')
      .where('municipality_id', '=', municipalityId)
      .where('action', '=', 'retention.review')
      .execute();
    assert.equal(reviews.length, 0, 'nothing personal was read');
  });
});
