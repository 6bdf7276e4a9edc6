import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createUnit, createUser } from '../testing/factories.ts';
import { failedTokenLimit } from './api.ts';
import { hashApiToken } from './service.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp({ fixedToday: '2026-03-13' });
});
after(() => t.close());

async function municipality() {
  const id = await createMunicipality(t.db.db);
  await createUnit(t.db.db, id, 'intake');
  const { code } = await t.db.db
    .selectFrom('municipality')
    .select('code')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, code };
}

const reportsOf = (municipalityId: string) =>
  t.db.db.selectFrom('report').selectAll().where('municipality_id', '=', municipalityId).execute();

const validPublic = {
  reporterKind: 'anonymous',
  childGivenName: 'Elsa',
  childFamilyName: 'Testsson',
  childWhereabouts: 'Sjövikskolan, klass 3B',
  concern: 'Elsa har kommit till skolan hungrig och med blåmärken på armarna flera dagar i rad.',
  guardiansInformed: 'unknown',
};

async function anonymousClient(code: string, path = '/report') {
  const client = new Client(t.app);
  const form = await client.get(`${path}?m=${code}`);
  assert.equal(form.statusCode, 200);
  return client;
}

describe('the public concern-report form', () => {
  it('takes an anonymous report without login, stores and audits it, and shows only a reference', async () => {
    const m = await municipality();
    const client = await anonymousClient(m.code);
    const res = await client.post(`/report?m=${m.code}`, validPublic);
    assert.equal(res.statusCode, 303);
    const location = res.headers.location as string;
    assert.match(location, /^\/report\/receipt\/[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const [report] = await reportsOf(m.id);
    assert.ok(report);
    assert.equal(report.reference, location.split('/').pop());
    assert.equal(report.reporter_kind, 'anonymous');
    assert.equal(report.received_on, '2026-03-13', 'the configured today');
    assert.equal(report.channel, 'publicForm');
    assert.ok(report.unit_id, 'lands in the intake unit');
    const events = await t.db.db
      .selectFrom('audit_event')
      .selectAll()
      .where('record_id', '=', report.id)
      .execute();
    assert.deepEqual(
      events.map((e) => [e.action, e.actor_user_id, e.municipality_id]),
      [['report.submit', null, m.id]],
    );
    const receipt = await client.get(location);
    assert.equal(receipt.statusCode, 200);
    assert.match(receipt.body, new RegExp(report.reference));
    assert.doesNotMatch(receipt.body, /Elsa|blåmärken/, 'nothing of the report is echoed');
  });

  it('drops contact details typed by a reporter who chose to stay anonymous, after saying so', async () => {
    const m = await municipality();
    const client = await anonymousClient(m.code);
    const typed = { ...validPublic, reporterName: 'Anna Granne', reporterPhone: '070-1234567' };
    // First it says what will not be sent, and keeps everything as typed; nothing is stored yet.
    const check = await client.post(`/report?m=${m.code}`, typed);
    assert.equal(check.statusCode, 200);
    const text = check.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    assert.match(text, /Du har valt att vara anonym\. .*skickas därför inte med: Ditt namn, Telefonnummer\./);
    assert.doesNotMatch(text, /inte med: [^.]*E-postadress/, 'only what was typed');
    assert.match(check.body, /name="confirmAnonymous" value="on"/);
    assert.match(check.body, /value="Anna Granne"/);
    assert.equal((await reportsOf(m.id)).length, 0);
    const sent = await client.post(`/report?m=${m.code}`, { ...typed, confirmAnonymous: 'on' });
    assert.equal(sent.statusCode, 303);
    const [report] = await reportsOf(m.id);
    assert.equal(report?.reporter_name, null);
    assert.equal(report?.reporter_phone, null);
  });

  it('refuses an incomplete report with clear messages and stores nothing', async () => {
    const m = await municipality();
    const client = await anonymousClient(m.code);
    const res = await client.post(`/report?m=${m.code}`, { reporterKind: 'private', concern: 'kort' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Det finns fel i formuläret/);
    assert.match(res.body, /Skriv barnets namn, personnummer eller var barnet finns/);
    assert.match(res.body, /Skriv minst 20 tecken/);
    assert.match(res.body, /href="#reporterName"/);
    assert.equal((await reportsOf(m.id)).length, 0);
  });

  it('refuses a text over the limit with a message, and a body over the size limit with 413', async () => {
    const m = await municipality();
    const client = await anonymousClient(m.code);
    const long = await client.post(`/report?m=${m.code}`, { ...validPublic, concern: 'x'.repeat(10_001) });
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /Högst 10000 tecken/);
    const huge = await client.post(`/report?m=${m.code}`, { ...validPublic, concern: 'x'.repeat(300_000) });
    assert.equal(huge.statusCode, 413);
    const hugeName = await client.post(`/report?m=${m.code}`, {
      ...validPublic,
      childGivenName: 'x'.repeat(5_000),
    });
    assert.equal(hugeName.statusCode, 400);
    assert.equal((await reportsOf(m.id)).length, 0);
  });

  it('refuses scripts and markup, and never echoes them unescaped', async () => {
    const m = await municipality();
    const client = await anonymousClient(m.code);
    for (const concern of [
      `${validPublic.concern} <script>alert(1)</script>`,
      `${validPublic.concern} <img src=x onerror=alert(1)>`,
      `${validPublic.concern} javascript:alert(1)`,
    ]) {
      const res = await client.post(`/report?m=${m.code}`, { ...validPublic, concern });
      assert.equal(res.statusCode, 400, concern);
      assert.match(res.body, /får inte innehålla kod eller HTML-taggar/);
      assert.doesNotMatch(res.body, /<script>alert|<img src=x/);
    }
    assert.equal((await reportsOf(m.id)).length, 0);
  });

  it('refuses broken encodings and control characters', async () => {
    const m = await municipality();
    const client = await anonymousClient(m.code);
    const base = new URLSearchParams({ ...validPublic, _csrf: client.csrf }).toString();
    for (const broken of ['%FF%FE%FD', '%C3%28', 'a%00b', 'a%1Bb']) {
      const body = `${base}&childFamilyName=${broken}`.replace(/childFamilyName=Testsson&?/, '');
      const res = await client.request('POST', `/report?m=${m.code}`, body, {
        'content-type': 'application/x-www-form-urlencoded',
      });
      assert.equal(res.statusCode, 400, broken);
      assert.match(res.body, /tecken som inte kan läsas/, broken);
    }
    assert.equal((await reportsOf(m.id)).length, 0);
  });

  it('refuses a form whose honeypot was filled in, and stores nothing', async () => {
    const m = await municipality();
    const client = await anonymousClient(m.code);
    const res = await client.post(`/report?m=${m.code}`, { ...validPublic, website: 'http://spam.example' });
    assert.equal(res.statusCode, 400);
    assert.equal((await reportsOf(m.id)).length, 0);
  });

  it('refuses a forged form without the CSRF token', async () => {
    const m = await municipality();
    const client = await anonymousClient(m.code);
    const res = await client.post(`/report?m=${m.code}`, { ...validPublic, _csrf: 'forged' });
    assert.equal(res.statusCode, 403);
    assert.equal((await reportsOf(m.id)).length, 0);
  });

  it('stops a flood from one address with 429 after ten reports an hour', async () => {
    const m = await municipality();
    const client = await anonymousClient(m.code);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await client.post(`/report?m=${m.code}`, validPublic)).statusCode);
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(303));
    assert.deepEqual(statuses.slice(10), [429, 429]);
    assert.equal((await reportsOf(m.id)).length, 10);
    const other = await anonymousClient(m.code);
    assert.equal(
      (await other.post(`/report?m=${m.code}`, validPublic)).statusCode,
      303,
      'another address is not blocked',
    );
  });

  it('answers an unknown municipality with 404', async () => {
    const client = new Client(t.app);
    assert.equal((await client.get('/report?m=0000')).statusCode, 404);
  });
});

describe('the professional reporter form', () => {
  const validProfessional = {
    reporterName: 'Pia Skog',
    reporterOrganisation: 'Sjövikskolan, elevhälsan',
    reporterOrganisationKind: 'school',
    reporterTitle: 'Skolsköterska',
    reporterPhone: '070-123 45 67',
    feedbackRequested: 'on',
    childGivenName: 'Liam',
    childFamilyName: 'Testsson',
    childPersonalNumber: '20150312-0000',
    concern: 'Liam berättar att han inte vågar gå hem efter skolan eftersom pappa slår.',
  };

  it('needs the organisation and a way to reach the reporter, and validates the child number', async () => {
    const m = await municipality();
    const client = await anonymousClient(m.code, '/report/professional');
    const res = await client.post(`/report/professional?m=${m.code}`, {
      childGivenName: 'Liam',
      childPersonalNumber: '20150312-0000',
      concern: validProfessional.concern,
    });
    assert.equal(res.statusCode, 400);
    for (const field of [
      'reporterName',
      'reporterOrganisation',
      'reporterOrganisationKind',
      'reporterPhone',
      'childPersonalNumber',
      'childFamilyName',
    ])
      assert.match(res.body, new RegExp(`href="#${field}"`), field);
  });

  it('stores a professional report with the feedback request', async () => {
    const m = await municipality();
    const client = await anonymousClient(m.code, '/report/professional');
    const number = (await import('../people/personal-number.ts')).generatePersonalNumber('2015-03-12', 7);
    const res = await client.post(`/report/professional?m=${m.code}`, {
      ...validProfessional,
      childPersonalNumber: number,
    });
    assert.equal(res.statusCode, 303);
    const [report] = await reportsOf(m.id);
    assert.equal(report?.reporter_kind, 'professional');
    assert.equal(report?.feedback_requested, true);
    assert.equal(report?.child_personal_number, number);
    assert.equal(report?.child_birth_date, '2015-03-12');
  });

  it('fills in the organisation of a signed-in partner professional', async () => {
    const m = await municipality();
    const partner = await createUser(t.db.db, t.config.secretKey, {
      municipalityId: m.id,
      role: 'partnerProfessional',
    });
    const client = await login(t.app, partner);
    const page = await client.get('/report/professional');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /value="Testskolan"/);
    assert.match(page.body, /<option value="school" selected/);
  });
});

describe('the status of a report', () => {
  it('shows the stage by reference and nothing about the child; unknown and malformed references are refused', async () => {
    const m = await municipality();
    const client = await anonymousClient(m.code);
    const res = await client.post(`/report?m=${m.code}`, validPublic);
    const reference = (res.headers.location as string).split('/').pop()!;
    const status = await client.get(`/report/status?reference=${reference.toLowerCase().replace('-', '')}`);
    assert.equal(status.statusCode, 200);
    assert.match(status.body, /Mottagen/);
    assert.doesNotMatch(status.body, /Elsa|blåmärken|Sjövikskolan/);
    assert.equal((await client.get('/report/status?reference=ZZZZ-ZZZZ')).statusCode, 404);
    assert.equal((await client.get('/report/status?reference=%3Cscript%3E')).statusCode, 400);
  });
});

describe('POST /api/v1/reports', () => {
  async function apiClient(municipalityId: string) {
    const token = randomBytes(32).toString('base64url');
    await t.db.db
      .insertInto('api_client')
      .values({
        municipality_id: municipalityId,
        name: 'Regionens journalsystem',
        organisation_kind: 'healthCare',
        token_hash: hashApiToken(token),
      })
      .execute();
    return token;
  }
  const body = {
    reporterName: 'Bo Läkare',
    reporterOrganisation: 'BUP Sjövik',
    reporterEmail: 'bo@example.org',
    feedbackRequested: true,
    childGivenName: 'Saga',
    childFamilyName: 'Testsson',
    concern: 'Saga berättar om våld i hemmet och visar tecken på stark oro inför hemgång.',
  };

  it('takes a report from a system with its API token, without session or CSRF token', async () => {
    const m = await municipality();
    const token = await apiClient(m.id);
    const client = new Client(t.app);
    const res = await client.postJson('/api/v1/reports', body, {
      authorization: `Bearer ${token}`,
      'x-csrf-token': '',
    });
    assert.equal(res.statusCode, 201, res.body);
    const { reference, receivedOn } = res.json() as { reference: string; receivedOn: string };
    assert.match(reference, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(receivedOn, '2026-03-13');
    const [report] = await reportsOf(m.id);
    assert.equal(report?.channel, 'api');
    assert.equal(report?.reporter_organisation_kind, 'healthCare', 'from the API client');
    assert.equal(report?.feedback_requested, true);
    const [event] = await t.db.db
      .selectFrom('audit_event')
      .selectAll()
      .where('record_id', '=', report!.id)
      .execute();
    assert.equal(event?.reason, 'apiClient:Regionens journalsystem');
  });

  it('refuses a call without a token, with an unknown token, or with a deactivated client', async () => {
    const m = await municipality();
    const token = await apiClient(m.id);
    const client = new Client(t.app);
    assert.equal((await client.postJson('/api/v1/reports', body, { 'x-csrf-token': '' })).statusCode, 401);
    const wrong = await client.postJson('/api/v1/reports', body, {
      authorization: `Bearer ${'x'.repeat(43)}`,
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal((wrong.json() as { error: { code: string } }).error.code, 'unauthorized');
    await t.db.db
      .updateTable('api_client')
      .set({ active: false })
      .where('municipality_id', '=', m.id)
      .execute();
    assert.equal(
      (await client.postJson('/api/v1/reports', body, { authorization: `Bearer ${token}` })).statusCode,
      401,
    );
    assert.equal((await reportsOf(m.id)).length, 0);
  });

  it('stops an address that tries random tokens, whatever each token is', async () => {
    const m = await municipality();
    const token = await apiClient(m.id);
    const guesser = new Client(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await guesser.postJson('/api/v1/reports', body, {
        authorization: `Bearer ${randomBytes(32).toString('base64url')}`,
      });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses.slice(0, failedTokenLimit.max), Array(failedTokenLimit.max).fill(401));
    assert.ok(
      statuses.slice(failedTokenLimit.max).every((s) => s === 429),
      statuses.join(),
    );
    // The right token from another address is not held up by the guesser.
    const other = await new Client(t.app).postJson('/api/v1/reports', body, {
      authorization: `Bearer ${token}`,
    });
    assert.equal(other.statusCode, 201);
  });

  it('refuses invalid and hostile JSON with 400 and field messages', async () => {
    const m = await municipality();
    const token = await apiClient(m.id);
    const client = new Client(t.app);
    const auth = { authorization: `Bearer ${token}` };
    const missing = await client.postJson(
      '/api/v1/reports',
      { ...body, reporterOrganisation: undefined },
      auth,
    );
    assert.equal(missing.statusCode, 400);
    assert.ok(
      (missing.json() as { error: { fields: Record<string, string> } }).error.fields.reporterOrganisation,
    );
    const surrogate = await client.request(
      'POST',
      '/api/v1/reports',
      JSON.stringify(body).replace('Saga berättar', 'Saga \\ud800 berättar'),
      { 'content-type': 'application/json', ...auth },
    );
    assert.equal(surrogate.statusCode, 400);
    assert.match(surrogate.body, /tecken som inte kan läsas/);
    assert.equal((await client.postJson('/api/v1/reports', { ...body, extra: 1 }, auth)).statusCode, 400);
    assert.equal(
      (
        await client.request('POST', '/api/v1/reports', '{"broken', {
          'content-type': 'application/json',
          ...auth,
        })
      ).statusCode,
      400,
    );
    assert.equal((await reportsOf(m.id)).length, 0);
  });

  it('takes a report from a signed-in partner only with the CSRF token', async () => {
    const m = await municipality();
    const partner = await createUser(t.db.db, t.config.secretKey, {
      municipalityId: m.id,
      role: 'partnerProfessional',
    });
    const client = await login(t.app, partner);
    assert.equal(
      (await client.postJson('/api/v1/reports', body, { 'x-csrf-token': 'forged' })).statusCode,
      403,
    );
    assert.equal((await client.postJson('/api/v1/reports', body)).statusCode, 201);
    const [report] = await reportsOf(m.id);
    assert.equal(report?.submitted_by_user_id, partner.id);
  });

  it('publishes the request schema and lists the route in the OpenAPI document', async () => {
    const client = new Client(t.app);
    const schema = await client.get('/api/v1/reports/schema.json');
    assert.equal(schema.statusCode, 200);
    assert.ok((schema.json() as { properties: Record<string, unknown> }).properties.concern);
    const openapi = (await client.get('/openapi.json')).json() as { paths: Record<string, unknown> };
    assert.ok(openapi.paths['/api/v1/reports']);
  });
});

describe('the receipt and the switchboard number', () => {
  it('shows the date and time of receipt and writes out the status page address', async () => {
    const m = await municipality();
    const client = await anonymousClient(m.code);
    const res = await client.post(`/report?m=${m.code}`, validPublic);
    const location = res.headers.location as string;
    const reference = location.split('/').pop()!;
    const receipt = await client.get(location);
    const text = receipt.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    assert.match(text, /Mottagen \d{4}-\d{2}-\d{2} \d{2}:\d{2}\./);
    assert.match(text, new RegExp(`${t.config.publicUrl}/report/status\\?reference=${reference}`));
  });

  it('gives the switchboard number the administrator set, and refuses a number that is not one', async () => {
    const m = await municipality();
    const before = await (await anonymousClient(m.code)).get(`/report?m=${m.code}`);
    assert.match(before.body, /Ring kommunens växel eller 112/);
    const admin = await login(
      t.app,
      await createUser(t.db.db, t.config.secretKey, { municipalityId: m.id, role: 'administrator' }),
    );
    const page = await admin.get('/admin/report-settings');
    assert.equal(page.statusCode, 200);
    const bad = await admin.post('/admin/report-settings', { switchboardPhone: 'ring oss' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Kommunens växel: Ange telefonnumret med siffror/);
    assert.equal(
      (
        await t.db.db
          .selectFrom('report_setting')
          .select('municipality_id')
          .where('municipality_id', '=', m.id)
          .execute()
      ).length,
      0,
    );
    const saved = await admin.post('/admin/report-settings', { switchboardPhone: '0123-45 67 00' });
    assert.equal(saved.statusCode, 303);
    const after = await (await anonymousClient(m.code)).get(`/report?m=${m.code}`);
    assert.match(after.body, /Ring kommunens växel, 0123-45 67 00, eller 112/);
    const worker = await login(
      t.app,
      await createUser(t.db.db, t.config.secretKey, { municipalityId: m.id, role: 'socialWorker' }),
    );
    assert.equal((await worker.get('/admin/report-settings')).statusCode, 403);
    assert.equal(
      (await worker.post('/admin/report-settings', { switchboardPhone: '0123-99 99 99' })).statusCode,
      403,
    );
    const row = await t.db.db
      .selectFrom('report_setting')
      .select('switchboard_phone')
      .where('municipality_id', '=', m.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.switchboard_phone, '0123-45 67 00');
  });
});
