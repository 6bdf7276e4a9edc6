import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createPerson, createUnit, createUser } from '../testing/factories.ts';

/**
 * Kolada comparison values from a downloaded file (decision 0131): imported by the statistics
 * reader, as a plain form or a real multipart upload; shown by year beside the municipality's own
 * value with the source, the own value suppressed for the reader like any figure; bad files are a
 * 400 that names what is wrong, and write nothing.
 */

const today = '2026-03-13';
let t: TestApp;
let municipalityId: string;
let code: string;
let reader: Client;
let admin: Client;
let sample: string;

before(async () => {
  t = await startTestApp({ fixedToday: today });
  const db = t.db.db;
  municipalityId = await createMunicipality(db);
  code = (
    await db
      .selectFrom('municipality')
      .select('code')
      .where('id', '=', municipalityId)
      .executeTakeFirstOrThrow()
  ).code;
  sample = readFileSync(new URL('./samples/kolada-sample.json', import.meta.url), 'utf8').replaceAll(
    '"9901"',
    `"${code}"`,
  );
  const unit = await createUnit(db, municipalityId, 'intake');
  const key = t.config.secretKey;
  reader = await login(
    t.app,
    await createUser(db, key, { municipalityId, role: 'statisticsReader', withTotp: false }),
  );
  admin = await login(t.app, await createUser(db, key, { municipalityId, role: 'administrator' }));
  // Three initial assessments in 2025, all in time: a count of 3 the reader may not see.
  for (const day of ['03', '04', '05']) {
    const child = await createPerson(db, municipalityId);
    const opened = `2025-03-${day}`;
    const c = await db
      .insertInto('child_case')
      .values({
        municipality_id: municipalityId,
        child_id: child.id,
        unit_id: unit,
        phase: 'closed',
        opened_on: opened,
        initial_decision: 'noInvestigation',
        initial_decided_on: `2025-03-1${day.slice(1)}`,
        closed_on: `2025-03-1${day.slice(1)}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('report')
      .values({
        municipality_id: municipalityId,
        reference: `K${day}A-${c.id.slice(0, 4)}`.toUpperCase(),
        unit_id: unit,
        received_on: opened,
        channel: 'professionalForm',
        reporter_kind: 'professional',
        reporter_name: 'Karin Lärare',
        reporter_organisation_kind: 'school',
        concern: 'Oro för barnet.',
        child_id: child.id,
        case_id: c.id,
      })
      .execute();
  }
});
after(() => t?.close());

const imports = async () =>
  Number(
    (
      await t.db.db
        .selectFrom('statistics_comparison_import')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('Kolada comparison values', () => {
  it('refuses a bad file with a 400 that names what is wrong, and writes nothing', async () => {
    await reader.get('/statistics/comparison');
    const cases: [Record<string, string>, RegExp][] = [
      [{ file: '' }, /Välj en fil att läsa in/],
      [{ file: 'hej' }, /Filen är inte JSON/],
      [{ file: '{"rows": []}' }, /Filen har inte Koladas form/],
      [
        { file: '{"values": [{"kpi": "N1", "municipality": "12", "period": 2024, "values": []}]}' },
        /Värde 1 går inte att läsa: kommunkoden/,
      ],
      [{ file: sample, indicator: 'nope' }, /Välj en indikator i listan/],
    ];
    for (const [form, message] of cases) {
      const res = await reader.post('/statistics/comparison', { fileName: 'k.json', ...form });
      assert.equal(res.statusCode, 400, JSON.stringify(form).slice(0, 80));
      assert.match(res.body, message);
    }
    assert.equal(await imports(), 0);
  });

  it("is not the administrator's", async () => {
    await admin.get('/');
    assert.equal((await admin.post('/statistics/comparison', { file: sample })).statusCode, 403);
  });

  it('imports a real multipart upload, and answers a broken one with a 400', async () => {
    await reader.get('/statistics/comparison');
    const boundary = '----samtak1234';
    const part = (name: string, value: string, file?: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"` : ''}\r\n${file ? 'Content-Type: application/json\r\n' : ''}\r\n${value}\r\n`;
    const csrf = reader.csrf;
    const body = `${part('_csrf', csrf)}${part('indicator', '')}${part('file', sample, 'C:\\fakepath\\kolada-2025.json')}--${boundary}--\r\n`;
    const res = await reader.request('POST', '/statistics/comparison', body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.equal(await imports(), 1);
    const broken = await reader.request('POST', '/statistics/comparison', `--${boundary}\r\nnonsense`, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    assert.ok(broken.statusCode === 400 || broken.statusCode === 403, String(broken.statusCode));
  });

  it("shows the values by year with the source, and the municipality's own value suppressed for the reader", async () => {
    await reader.get('/statistics/comparison');
    const res = await reader.post('/statistics/comparison', {
      fileName: 'kolada-14-dagar.json',
      indicator: 'initialAssessmentWithin14Days',
      file: sample,
    });
    assert.equal(res.statusCode, 303);
    assert.match(res.headers.location as string, /imported=5$/);
    const page = await reader.get(res.headers.location as string);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /5 värden inlästa/);
    assert.match(page.body, /N99001 – Jämförs med Förhandsbedömningar inom 14 dagar/);
    const row2025 = /<tr data-year="2025">(.*?)<\/tr>/.exec(page.body)![1]!;
    assert.match(row2025, /<td data-own="true">\.\.<\/td>/, 'three of three in time is hidden');
    assert.match(row2025, /<td data-own-kolada="true">68<\/td>/);
    assert.match(row2025, /<td data-national="true">73,1<\/td>/);
    assert.match(page.body, /Kolada \(RKA\), CC BY 4\.0\. Fil kolada-14-dagar\.json, inläst/);
    assert.match(page.body, /<tr data-year="2024">.*?<td data-national="true">72,5<\/td>/);
    const events = await t.db.db
      .selectFrom('audit_event')
      .select('reason')
      .where('action', '=', 'comparison.import')
      .execute();
    assert.ok(
      events.some((e) =>
        /^kolada-14-dagar\.json values=5 skipped=1 indicator=initialAssessmentWithin14Days$/.test(
          e.reason ?? '',
        ),
      ),
    );
    assert.ok(
      events.some((e) => /^kolada-2025\.json /.test(e.reason ?? '')),
      'the path is not kept',
    );
  });
});
