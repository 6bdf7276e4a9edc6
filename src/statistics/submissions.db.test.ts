import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { migrations } from '../migrations.ts';
import { type Db, openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { createPostgresDatabase, testEngine } from '../testing/database.ts';
import { createMunicipality, createUser } from '../testing/factories.ts';
import { recordSubmission } from './submission-store.ts';

/**
 * One store for the submissions to the state (decision 0119): migration 0025 moves the register
 * files into `statistics_submission` with their ids, and `/statistics/submissions` lists IVO's
 * reports and the register files together, each compared with the one of the same kind before,
 * the rows and differences only for whoever prepares that kind.
 */

describe('migration 0025 moves the register files into the one store', () => {
  let db: Db;
  let drop: (() => Promise<void>) | undefined;
  const { '0025_statistics_one_submission_store': _moved, ...before0025 } = migrations;
  before(async () => {
    if (testEngine === 'pglite') db = await openDatabase({ migrations: before0025 });
    else {
      const fresh = await createPostgresDatabase();
      drop = fresh.drop;
      db = await openDatabase({ databaseUrl: fresh.url, poolSize: 2, migrations: before0025 });
    }
  });
  after(async () => {
    await db?.close();
    await drop?.();
  });

  it('keeps each one’s id, year, file, hash, counts and rows, and drops the old table', async () => {
    const municipalityId = await createMunicipality(db.db);
    const rows = [
      { key: 'c1:p1', row: 1, basis: 'sol', form: 'FH', decidedOn: '2024-01-01', startedOn: '', endedOn: '' },
    ];
    await sql`insert into statistics_register_submission
        (municipality_id, id, year, layout_id, submitted_at, submitted_by, submitted_by_name, file,
         file_sha256, row_count, child_count, counts, rows)
      values (${municipalityId}, '00000000-0000-4000-8000-000000000025', 2024, 'samtak-bu-2017',
        '2025-02-01T09:00:00Z', ${municipalityId}, 'Chef Chefsson', 'rad 1', ${'b'.repeat(64)}, 1, 1,
        ${JSON.stringify({ fatal: 0, error: 0, warning: 1 })}::jsonb, ${JSON.stringify(rows)}::jsonb)`.execute(
      db.db,
    );
    await migrateToLatest(db.db, migrations);
    const moved = await db.db
      .selectFrom('statistics_submission')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    assert.equal(moved.id, '00000000-0000-4000-8000-000000000025');
    assert.equal(moved.kind, 'register');
    assert.equal(moved.period_key, '2024');
    assert.equal(moved.submitted_by_name, 'Chef Chefsson');
    assert.equal(new Date(moved.submitted_at).toISOString(), '2025-02-01T09:00:00.000Z');
    assert.equal(moved.file_sha256, 'b'.repeat(64));
    assert.equal(moved.layout_id, 'samtak-bu-2017');
    assert.equal(moved.child_count, 1);
    assert.deepEqual(moved.counts, { fatal: 0, error: 0, warning: 1 });
    assert.deepEqual(moved.payload, {
      rows,
      key: ['key'],
      compared: ['basis', 'form', 'decidedOn', 'startedOn', 'endedOn'],
      file: 'rad 1',
    });
    const { rows: left } = await sql<{ found: string | null }>`
      select to_regclass('public.statistics_register_submission')::text as found`.execute(db.db);
    assert.equal(left[0]!.found, null);
    await assert.rejects(sql`truncate statistics_submission`.execute(db.db), /read-only/);
  });
});

describe('the one list of submissions', () => {
  let t: TestApp;
  let municipalityId: string;
  let manager: Client;
  let reader: Client;
  const by = () => ({ municipalityId, userId: municipalityId, name: 'Chef Chefsson' });
  const registerRow = (key: string, endedOn: string) => ({
    key,
    row: 1,
    basis: 'sol',
    form: 'FH',
    decidedOn: '2025-01-01',
    startedOn: '2025-01-02',
    endedOn,
  });
  const details = { layoutId: 'samtak-bu-2017', childCount: 2, counts: { fatal: 0, error: 0, warning: 0 } };
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startTestApp({ fixedToday: '2026-04-10' });
    const db = t.db.db;
    municipalityId = await createMunicipality(db);
    const key = t.config.secretKey;
    manager = await login(t.app, await createUser(db, key, { municipalityId, role: 'manager' }));
    reader = await login(
      t.app,
      await createUser(db, key, { municipalityId, role: 'statisticsReader', withTotp: false }),
    );
    const compared = ['basis', 'form', 'decidedOn', 'startedOn', 'endedOn'];
    // Oldest first: a register file, an IVO report, the register file corrected, the next IVO report.
    ids.register1 = (
      await recordSubmission(
        db,
        'register',
        '2025',
        { rows: [registerRow('a', ''), registerRow('b', '')], key: ['key'], compared, file: 'x' },
        by(),
        details,
      )
    ).id;
    ids.ivo1 = (
      await recordSubmission(
        db,
        'ivo',
        '2025-Q4',
        { rows: [{ decisionId: 'd1', delayReason: 'Väntar' }], key: ['decisionId'], file: 'y' },
        by(),
      )
    ).id;
    // The corrected file: b ended, its row number moved (not a change), c added.
    ids.register2 = (
      await recordSubmission(
        db,
        'register',
        '2025',
        {
          rows: [registerRow('a', ''), { ...registerRow('b', '2025-12-01'), row: 3 }, registerRow('c', '')],
          key: ['key'],
          compared,
          file: 'z',
        },
        by(),
        details,
      )
    ).id;
    ids.ivo2 = (
      await recordSubmission(
        db,
        'ivo',
        '2026-Q1',
        {
          rows: [
            { decisionId: 'd1', delayReason: 'Väntar' },
            { decisionId: 'd2', delayReason: 'Ny' },
          ],
          key: ['decisionId'],
          file: 'w',
        },
        by(),
      )
    ).id;
    // Made in the same millisecond otherwise: give them the order they were made in.
    await sql`alter table statistics_submission disable trigger statistics_submission_no_update_or_delete`.execute(
      db,
    );
    for (const [i, id] of [ids.register1, ids.ivo1, ids.register2, ids.ivo2].entries())
      await db
        .updateTable('statistics_submission')
        .set({ submitted_at: new Date(Date.UTC(2026, 0, 10 + i)) } as never)
        .where('id', '=', id!)
        .execute();
    await sql`alter table statistics_submission enable trigger statistics_submission_no_update_or_delete`.execute(
      db,
    );
  });
  after(() => t?.close());

  const cellsOf = (body: string, id: string) => {
    const row = new RegExp(
      `<tr><th scope="row"><a href="/statistics/submissions/${id}">[\\s\\S]*?</tr>`,
    ).exec(body);
    assert.ok(row, `row of ${id}`);
    return [...row[0].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
  };

  it('lists both kinds, newest first, each compared with the one of the same kind before', async () => {
    const page = await manager.get('/statistics/submissions');
    assert.equal(page.statusCode, 200);
    const order = [
      ...page.body.matchAll(/<th scope="row"><a href="\/statistics\/submissions\/([0-9a-f-]{36})">/g),
    ].map((m) => m[1]);
    assert.deepEqual(order, [ids.ivo2, ids.register2, ids.ivo1, ids.register1]);
    assert.match(page.body, /Socialstyrelsen, registret över insatser 2025/);
    assert.match(page.body, /IVO, ej verkställda beslut 2026-Q1/);
    assert.equal(cellsOf(page.body, ids.register2!).at(-1), '1 nya, 0 borttagna, 1 ändrade, 1 oförändrade');
    assert.equal(cellsOf(page.body, ids.ivo2!).at(-1), '1 nya, 0 borttagna, 0 ändrade, 1 oförändrade');
    assert.equal(cellsOf(page.body, ids.register1!).at(-1), 'Första rapporten av sitt slag');
    assert.match(page.body, new RegExp(`href="/statistics/submissions/${ids.register2}/changes"`));
  });

  it('shows a register file’s rows and changes to a manager, audited as the register file’s', async () => {
    const shown = await manager.get(`/statistics/submissions/${ids.register2}`);
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /2025-12-01/);
    const changes = await manager.get(`/statistics/submissions/${ids.register2}/changes`);
    assert.equal(changes.statusCode, 200);
    assert.match(changes.body, /data-changed="endedOn">2025-12-01/);
    assert.doesNotMatch(changes.body, /data-changed="row"/, 'a moved row number is not a change');
    const events = await t.db.db
      .selectFrom('audit_event')
      .select(['action', 'reason'])
      .where('municipality_id', '=', municipalityId)
      .where('record_id', '=', ids.register2!)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      events.map((e) => [e.action, e.reason]),
      [
        ['registerFile.prepare', 'read'],
        ['registerFile.prepare', 'compared'],
      ],
    );
  });

  it('gives the statistics reader what, when and by whom, small row counts hidden, no rows, no differences', async () => {
    const page = await reader.get('/statistics/submissions?lang=en');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Socialstyrelsen, register of interventions 2025/);
    assert.doesNotMatch(page.body, /Compared with the report/);
    assert.doesNotMatch(page.body, /\/changes"/);
    assert.deepEqual(cellsOf(page.body, ids.register2!).slice(-1), ['..']);
    const one = await reader.get(`/statistics/submissions/${ids.register2}`);
    assert.equal(one.statusCode, 200);
    assert.doesNotMatch(one.body, /2025-12-01/);
    assert.match(one.body, /<dd>\.\.<\/dd>/);
    assert.equal((await reader.get(`/statistics/submissions/${ids.register2}/changes`)).statusCode, 403);
    assert.equal((await reader.get(`/statistics/submissions/${ids.ivo2}/changes`)).statusCode, 403);
  });

  it('answers 404 for a submission of another municipality', async () => {
    const other = await createMunicipality(t.db.db);
    const elsewhere = await login(
      t.app,
      await createUser(t.db.db, t.config.secretKey, { municipalityId: other, role: 'manager' }),
    );
    assert.equal((await elsewhere.get(`/statistics/submissions/${ids.register2}`)).statusCode, 404);
    assert.equal((await elsewhere.get(`/statistics/submissions/${ids.register2}/changes`)).statusCode, 404);
  });
});
