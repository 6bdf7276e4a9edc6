import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../app.ts';
import { Client, login, startTestApp, type TestApp } from '../../testing/app.ts';
import { createMunicipality, createPerson, createUnit, createUser } from '../../testing/factories.ts';
import { loggerOptions, redact } from './logging.ts';

/** Issue 12: inputs that gave 500 — NUL bytes, `urn:uuid:` ids, unchecked ids in bodies, bad URLs. */

let t: TestApp;
before(async () => {
  t = await startTestApp({ fixedToday: '2026-03-13' });
});
after(() => t.close());

async function setting() {
  const db = t.db.db;
  const key = t.config.secretKey;
  const municipalityId = await createMunicipality(db);
  const unitId = await createUnit(db, municipalityId, 'investigation');
  const worker = await createUser(db, key, { municipalityId, role: 'socialWorker', unitId });
  const manager = await createUser(db, key, { municipalityId, role: 'manager', unitId });
  const admin = await createUser(db, key, { municipalityId, role: 'administrator' });
  const child = await createPerson(db, municipalityId, { birthDate: '2014-02-02' });
  const c = await db
    .insertInto('child_case')
    .values({
      municipality_id: municipalityId,
      child_id: child.id,
      unit_id: unitId,
      phase: 'investigation',
      opened_on: '2026-03-01',
      investigation_opened_on: '2026-03-02',
      responsible_user_id: worker.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { municipalityId, unitId, worker, manager, admin, child, caseId: c.id };
}

const count = async (table: 'case_note' | 'person' | 'user_account' | 'report', municipalityId: string) =>
  Number(
    (
      await t.db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('municipality_id', '=', municipalityId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const textOf = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('control characters in text', () => {
  it('are refused with a clear message, and nothing is written', async () => {
    const s = await setting();
    const worker = await login(t.app, s.worker);
    const notes = await count('case_note', s.municipalityId);
    const note = await worker.post(`/cases/${s.caseId}/notes`, {
      eventDate: '2026-03-12',
      body: 'Ringde\u0000 mamma.',
    });
    assert.equal(note.statusCode, 400);
    assert.match(textOf(note.body), /tecken som inte kan sparas \(styrtecken/);
    assert.equal(await count('case_note', s.municipalityId), notes);

    const client = new Client(t.app);
    await client.get('/login');
    const loginAttempt = await client.post('/login', { username: 'a\u0000b', password: 'x' });
    assert.equal(loginAttempt.statusCode, 400);

    const manager = await login(t.app, s.manager);
    const review = await manager.get('/log-review?user=%00');
    assert.equal(review.statusCode, 400);
    assert.match(textOf(review.body), /styrtecken/);
  });

  it('answer the API with the fields refused, in the user’s language', async () => {
    const s = await setting();
    const worker = await login(t.app, s.worker);
    const res = await worker.postJson('/api/v1/people', { givenName: 'Ny\u0000', familyName: 'Person' });
    assert.equal(res.statusCode, 400);
    const error = (res.json() as { error: { code: string; fields: Record<string, string> } }).error;
    assert.equal(error.code, 'invalidCharacters');
    assert.ok(error.fields.givenName);
  });
});

describe('bidi and zero-width characters in names', () => {
  it('are refused in the people register and in a concern report, each with its message', async () => {
    const s = await setting();
    const worker = await login(t.app, s.worker);
    const people = await count('person', s.municipalityId);
    const res = await worker.post('/people', {
      givenName: 'Anna\u202E',
      familyName: 'Berg',
      birthDate: '2015-01-01',
    });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /osynliga tecken eller tecken som vänder skrivriktningen/);
    assert.equal(await count('person', s.municipalityId), people);

    const { code } = await t.db.db
      .selectFrom('municipality')
      .select('code')
      .where('id', '=', s.municipalityId)
      .executeTakeFirstOrThrow();
    const reporter = new Client(t.app);
    await reporter.get(`/report?m=${code}`);
    const report = await reporter.post(`/report?m=${code}`, {
      reporterKind: 'anonymous',
      childGivenName: 'Ebba\u200B',
      childFamilyName: 'Sten\u202Esson',
      concern: 'Barnet har kommit hungrig till skolan flera dagar i rad och säger att det är bråk hemma.',
      guardiansInformed: 'unknown',
    });
    assert.equal(report.statusCode, 400);
    // The form comes back with what was written and the message beside the field.
    assert.match(report.body, /Barnet har kommit hungrig/);
    assert.match(textOf(report.body), /osynliga tecken/);
    assert.equal(await count('report', s.municipalityId), 0);
  });
});

describe('ids', () => {
  it('in the path are refused unless in the plain form: urn:uuid:, braces and upper case', async () => {
    const s = await setting();
    const worker = await login(t.app, s.worker);
    for (const id of [`urn:uuid:${s.child.id}`, `{${s.child.id}}`, s.child.id.toUpperCase(), 'not-an-id']) {
      assert.equal((await worker.get(`/people/${encodeURIComponent(id)}`)).statusCode, 400, id);
      assert.equal((await worker.get(`/api/v1/people/${encodeURIComponent(id)}`)).statusCode, 400, id);
    }
    assert.equal((await worker.get(`/people/${s.child.id}`)).statusCode, 200);
  });

  it('in a form body are checked too: a correction of a note, a unit', async () => {
    const s = await setting();
    const worker = await login(t.app, s.worker);
    const notes = await count('case_note', s.municipalityId);
    const res = await worker.post(`/cases/${s.caseId}/notes`, {
      eventDate: '2026-03-12',
      body: 'Rättelse.',
      correctsNoteId: 'urn:uuid:0d1f0e3a-5a4c-4c2b-9a0e-7f7c6b0b1a11',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(await count('case_note', s.municipalityId), notes);
    const admin = await login(t.app, s.admin);
    const users = await count('user_account', s.municipalityId);
    const created = await admin.post('/admin/users', {
      username: 'ny.anvandare',
      displayName: 'Ny Användare',
      role: 'socialWorker',
      unitId: 'x',
      temporaryPassword: 'ett långt tillfälligt lösenord',
    });
    assert.equal(created.statusCode, 400);
    assert.equal(await count('user_account', s.municipalityId), users);
  });
});

describe('URLs the router cannot read', () => {
  it('get the usual error page in the user’s language, and JSON on the API', async () => {
    const sv = await t.app.inject({ method: 'GET', url: '/people/%E0%A4%A' });
    assert.equal(sv.statusCode, 400);
    assert.match(String(sv.headers['content-type']), /text\/html/);
    assert.match(sv.body, /<html lang="sv"/);
    assert.match(textOf(sv.body), /Adressen är felaktig/);
    assert.match(String(sv.headers['content-security-policy']), /default-src 'self'.*frame-ancestors 'none'/);
    assert.equal(sv.headers['x-frame-options'], 'DENY');
    const en = await t.app.inject({ method: 'GET', url: '/guide/%ZZ', headers: { 'accept-language': 'en' } });
    assert.match(en.body, /<html lang="en"/);
    assert.match(textOf(en.body), /The address is malformed/);
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/people/%ZZ' });
    assert.equal(api.statusCode, 400);
    assert.equal((api.json() as { error: { code: string } }).error.code, 'badUrl');
    const long = await t.app.inject({ method: 'GET', url: `/people/${'a'.repeat(150)}` });
    assert.equal(long.statusCode, 404);
    assert.match(textOf(long.body), /Sidan eller uppgiften finns inte/);
  });
});

describe('the logs', () => {
  it('name the route, never the query string or the client address', async () => {
    let log = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        log += chunk;
        done();
      },
    });
    const s = await setting();
    const app = await buildApp({ config: t.config, db: t.db, logStream: stream });
    try {
      const worker = await login(app, s.worker, '192.0.2.44');
      await worker.get('/people?q=Hemligsson');
      await worker.get(`/people/${s.child.id}?notice=saved`);
    } finally {
      await app.close();
    }
    assert.match(log, /"url":"\/people"/);
    assert.match(log, /"url":"\/people\/:id"/);
    assert.doesNotMatch(log, /Hemligsson|notice=|192\.0\.2\.44/);
  });

  it('keep the shape of a database error and drop the values it quotes', () => {
    assert.equal(
      redact('invalid input syntax for type uuid: "urn:uuid:0d1f"'),
      'invalid input syntax for type uuid: "…"',
    );
    assert.equal(
      redact('Key (personal_number)=(201203031234) already exists.'),
      'Key (personal_number)=(…) already exists.',
    );
    // What PGlite and pg attach to their errors: the statement, its parameters, the details.
    const error = Object.assign(new Error('invalid input syntax for type uuid: "Hemlig Hemligsson"'), {
      code: '22P02',
      query: 'select * from person where id = $1',
      params: ['Hemlig Hemligsson'],
      detail: 'Key (given_name)=(Hemlig) already exists.',
    });
    const logged = JSON.stringify(loggerOptions.serializers.err(error));
    assert.doesNotMatch(logged, /Hemlig|select \*/);
    assert.match(logged, /invalid input syntax for type uuid/);
    assert.match(logged, /22P02/);
  });
});
