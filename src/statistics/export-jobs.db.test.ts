import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import readXlsxFile from 'read-excel-file/node';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createUnit, createUser } from '../testing/factories.ts';
import { exportJobsSettled } from './export-jobs.ts';

/**
 * Export jobs with a progress page (decision 0132): asked for with a form, followed on a page that
 * refreshes itself while the job runs, downloaded by its owner only, formula-looking text
 * neutralised, asking and downloading audited.
 */

const today = '2026-03-13';
const formula = "=cmd|' /C calc'!A0";
let t: TestApp;
let municipalityId: string;
let reader: Client;
let other: Client;

before(async () => {
  t = await startTestApp({ fixedToday: today });
  const db = t.db.db;
  municipalityId = await createMunicipality(db);
  const unit = await createUnit(db, municipalityId, 'intake');
  await db.updateTable('unit').set({ name: formula }).where('id', '=', unit).execute();
  const key = t.config.secretKey;
  reader = await login(
    t.app,
    await createUser(db, key, { municipalityId, role: 'statisticsReader', withTotp: false }),
  );
  other = await login(
    t.app,
    await createUser(db, key, { municipalityId, role: 'statisticsReader', withTotp: false }),
  );
});
after(async () => {
  await exportJobsSettled();
  await t?.close();
});

async function start(form: Record<string, string>) {
  await reader.get('/statistics?period=2026');
  return reader.post('/statistics/export-jobs', form);
}

describe('an export job', () => {
  it('runs in the background, shows its progress and hands its owner the file', async () => {
    const started = await start({ table: 'units', format: 'csv', period: '2026' });
    assert.equal(started.statusCode, 303);
    const location = started.headers.location as string;
    assert.match(location, /^\/statistics\/export-jobs\/[0-9a-f-]{36}$/);
    await exportJobsSettled();
    const page = await reader.get(location);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers.refresh, undefined, 'a finished job does not refresh');
    assert.match(page.body, /data-status="done"/);
    assert.match(page.body, /Exporten är klar/);
    const file = await reader.get(`${location}/file`);
    assert.equal(file.statusCode, 200);
    assert.match(file.headers['content-type'] as string, /text\/csv/);
    assert.ok(file.body.includes(`'${formula}`), 'the unit name is text, not a formula');
    assert.ok(!file.body.split('\r\n').some((l) => l.startsWith('=')));
    assert.equal((await other.get(location)).statusCode, 404, "another user's job is not found");
    assert.equal((await other.get(`${location}/file`)).statusCode, 404);
    const events = await t.db.db
      .selectFrom('audit_event')
      .select(['reason'])
      .where('municipality_id', '=', municipalityId)
      .where('action', '=', 'statistics.export')
      .where('record_type', '=', 'exportJob')
      .execute();
    assert.deepEqual(events.map((e) => e.reason).sort(), [
      'units 2026 municipality csv download',
      'units 2026 municipality csv job',
    ]);
  });

  it('writes XLSX with the same neutralisation', async () => {
    const started = await start({ table: 'units', format: 'xlsx', period: '2026' });
    await exportJobsSettled();
    const file = await reader.get(`${started.headers.location}/file`);
    const sheets = await readXlsxFile(file.rawPayload);
    const names = sheets[0]!.data.map((r) => r[0]);
    assert.ok(names.includes(`'${formula}`));
    assert.ok(!names.includes(formula));
  });

  it('shows a running job with a refresh, and refuses bad input with a 400', async () => {
    const job = await t.db.db
      .insertInto('statistics_export_job')
      .values({
        municipality_id: municipalityId,
        user_id: (
          await t.db.db
            .selectFrom('user_account')
            .select('id')
            .where('role', '=', 'statisticsReader')
            .orderBy('created_at')
            .executeTakeFirstOrThrow()
        ).id,
        format: 'csv',
        table_key: 'summary',
        period_key: '2026',
        unit_id: null,
        file: null,
        file_name: null,
        finished_at: null,
        total: 1200,
        done: 500,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const page = await reader.get(`/statistics/export-jobs/${job.id}`);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers.refresh, '2');
    assert.match(page.body, /Exporten pågår: 500 av 1200 rader/);
    assert.match(page.body, /<progress id="export-progress" max="1200" value="500">/);
    assert.equal((await reader.get(`/statistics/export-jobs/${job.id}/file`)).statusCode, 404);
    assert.equal((await start({ table: 'nope' })).statusCode, 400);
    assert.equal((await start({ table: 'summary', period: '2026-13' })).statusCode, 400);
    assert.equal((await start({ table: 'summary', format: 'pdf' })).statusCode, 400);
    assert.equal((await reader.get('/statistics/export-jobs/not-an-id')).statusCode, 400);
  });
});
