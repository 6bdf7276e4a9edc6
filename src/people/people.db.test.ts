import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { assign, createMunicipality, createPerson, createUser } from '../testing/factories.ts';
import { generatePersonalNumber } from './personal-number.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

async function municipalityWith(role: Parameters<typeof createUser>[2]['role'] = 'socialWorker') {
  const municipalityId = await createMunicipality(t.db.db);
  const user = await createUser(t.db.db, t.config.secretKey, { municipalityId, role });
  const client = await login(t.app, user);
  return { municipalityId, user, client };
}

const auditFor = (personId: string) =>
  t.db.db
    .selectFrom('audit_event')
    .selectAll()
    .where('subject_person_id', '=', personId)
    .orderBy('seq')
    .execute();

describe('person search', () => {
  it('finds a child by name whatever the case and diacritics, and audits each person listed', async () => {
    const { municipalityId, client } = await municipalityWith();
    const child = await createPerson(t.db.db, municipalityId, { givenName: 'Örjan', familyName: 'Åström' });
    const res = await client.get(`/people?q=${encodeURIComponent('orjan ASTROM')}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Åström, Örjan/);
    const events = await auditFor(child.id);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.action, 'person.search');
  });

  it('finds a person by personal identity number in its 10-digit form', async () => {
    const { municipalityId, client } = await municipalityWith();
    const child = await createPerson(t.db.db, municipalityId, { birthDate: '2016-02-29' });
    const short = `${child.personalNumber!.slice(2, 8)}-${child.personalNumber!.slice(8)}`;
    const res = await client.get(`/people?q=${short}`);
    assert.match(res.body, new RegExp(child.familyName));
  });

  it('never finds a person of another municipality', async () => {
    const { client } = await municipalityWith();
    const elsewhere = await createMunicipality(t.db.db);
    const stranger = await createPerson(t.db.db, elsewhere, { familyName: 'Främlingsson' });
    const byName = await client.get('/people?q=Främlingsson');
    assert.match(byName.body, /Ingen person hittades/);
    const direct = await client.get(`/people/${stranger.id}`);
    assert.equal(direct.statusCode, 404);
    assert.equal((await auditFor(stranger.id)).length, 0);
  });

  it('asks for at least two characters', async () => {
    const { client } = await municipalityWith();
    const res = await client.get('/people?q=a');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /minst två tecken/);
  });

  it('lists the first 20 matches by family name, then given name, says there are more, and audits only those shown', async () => {
    const { municipalityId, client } = await municipalityWith();
    const names = Array.from({ length: 25 }, (_, i) => ({
      familyName: i % 2 ? 'Sorteberg' : 'Sortaberg',
      givenName: `Barn${String(24 - i).padStart(2, '0')}`,
      birthDate: `2010-01-${String((i % 28) + 1).padStart(2, '0')}`,
    }));
    const created = [];
    for (const n of names) created.push(await createPerson(t.db.db, municipalityId, n));
    const res = await client.get('/api/v1/people?q=sort');
    const body = res.json() as {
      people: { id: string; familyName: string; givenName: string }[];
      more: boolean;
    };
    const expected = names
      .map((n) => `${n.familyName} ${n.givenName}`)
      .sort()
      .slice(0, 20);
    assert.deepEqual(
      body.people.map((p) => `${p.familyName} ${p.givenName}`),
      expected,
    );
    assert.equal(body.more, true);
    const shown = new Set(body.people.map((p) => p.id));
    for (const person of created) {
      const searched = (await auditFor(person.id)).filter((e) => e.action === 'person.search');
      assert.equal(
        searched.length,
        shown.has(person.id) ? 1 : 0,
        `${person.givenName} audited only if shown`,
      );
    }
    const page = await client.get('/people?q=sort');
    assert.match(page.body, /Fler än 20 träffar/);
    assert.match(page.body, /Skriv mer av namnet/);
    const narrow = (await client.get('/api/v1/people?q=sortaberg')).json() as {
      people: unknown[];
      more: boolean;
    };
    assert.deepEqual([narrow.people.length, narrow.more], [13, false]);
  });

  it('finds family names by their beginning first, without diacritics, and what is inside a name only when nothing begins with it', async () => {
    const { municipalityId, client } = await municipalityWith();
    const made = async (givenName: string, familyName: string) =>
      createPerson(t.db.db, municipalityId, { givenName, familyName, birthDate: '2012-02-02' });
    await made('Åsa', 'Öberglund');
    await made('Anna', 'Öberg');
    await made('Anna-Karin', 'Öbergsson');
    await made('Karin', 'Öberg');
    await made('Olle', 'Lindöberg');
    const names = async (q: string) =>
      (
        (await client.get(`/api/v1/people?q=${encodeURIComponent(q)}`)).json() as {
          people: { givenName: string; familyName: string }[];
        }
      ).people.map((p) => `${p.givenName} ${p.familyName}`);
    // The beginning of the family name, typed with or without its ring and dots, in name order.
    assert.deepEqual(await names('oberg'), [
      'Anna Öberg',
      'Karin Öberg',
      'Åsa Öberglund',
      'Anna-Karin Öbergsson',
    ]);
    assert.deepEqual(await names('Öberg'), await names('oberg'));
    // Given name and family name: both beginnings.
    assert.deepEqual(await names('anna öberg'), ['Anna Öberg', 'Anna-Karin Öbergsson']);
    // Nothing begins with it: any name containing every part, through the trigram index.
    assert.deepEqual(await names('berglund'), ['Åsa Öberglund']);
    assert.deepEqual(await names('karin oberg'), ['Karin Öberg']);
    assert.deepEqual(await names('olle berg'), ['Olle Lindöberg']);
    assert.deepEqual(await names('zzberg'), []);
  });

  it('treats LIKE wildcards in the query as plain text', async () => {
    const { municipalityId, client } = await municipalityWith();
    await createPerson(t.db.db, municipalityId, { familyName: 'Procentsson' });
    const res = await client.get(`/people?q=${encodeURIComponent('%%')}`);
    assert.doesNotMatch(res.body, /Procentsson/);
  });
});

describe('the person page', () => {
  it('shows a child with guardians and writes one audit event for each person shown', async () => {
    const { municipalityId, client, user } = await municipalityWith();
    const child = await createPerson(t.db.db, municipalityId, { givenName: 'Vera' });
    const parent = await createPerson(t.db.db, municipalityId, {
      givenName: 'Anna',
      birthDate: '1985-05-05',
    });
    const res = await client.post(`/people/${child.id}/guardians`, {
      guardianNumber: parent.personalNumber!,
      kind: 'guardian',
    });
    assert.equal(res.statusCode, 303);
    const page = await client.get(`/people/${child.id}`);
    assert.match(page.body, /Anna/);
    const reads = (await auditFor(child.id)).filter((e) => e.action === 'person.read');
    assert.equal(reads.length, 1);
    assert.equal(reads[0]!.actor_user_id, user.id);
    assert.equal(reads[0]!.unusual, true, "the child is not among the user's own cases");
    const parentReads = (await auditFor(parent.id)).filter((e) => e.action === 'person.read');
    assert.equal(parentReads.length, 1);
  });

  it("reads a guardian's children in birth order, guardians by family name, and the child's own worker", async () => {
    const { municipalityId, client, user } = await municipalityWith();
    const parent = await createPerson(t.db.db, municipalityId, { givenName: 'Mona', familyName: 'Öberg' });
    const other = await createPerson(t.db.db, municipalityId, { givenName: 'Per', familyName: 'Andersén' });
    const younger = await createPerson(t.db.db, municipalityId, {
      givenName: 'Yngve',
      birthDate: '2019-06-01',
    });
    const older = await createPerson(t.db.db, municipalityId, {
      givenName: 'Äldst',
      birthDate: '2012-01-31',
    });
    for (const child of [younger, older]) {
      await t.db.db
        .insertInto('guardianship')
        .values({
          municipality_id: municipalityId,
          child_id: child.id,
          guardian_id: parent.id,
          kind: 'guardian',
        })
        .execute();
    }
    await t.db.db
      .insertInto('guardianship')
      .values({
        municipality_id: municipalityId,
        child_id: older.id,
        guardian_id: other.id,
        kind: 'guardian',
      })
      .execute();
    await assign(t.db.db, municipalityId, older.id, user.id);

    const parentView = (await client.get(`/api/v1/people/${parent.id}`)).json() as {
      guardians: unknown[];
      children: { givenName: string; birthDate: string }[];
    };
    assert.deepEqual(parentView.guardians, []);
    assert.deepEqual(
      parentView.children.map((c) => [c.givenName, c.birthDate]),
      [
        ['Äldst', '2012-01-31'],
        ['Yngve', '2019-06-01'],
      ],
    );
    const childView = (await client.get(`/api/v1/people/${older.id}`)).json() as {
      guardians: { familyName: string; relation: string }[];
    };
    assert.deepEqual(
      childView.guardians.map((g) => [g.familyName, g.relation]),
      [
        ['Andersén', 'guardian'],
        ['Öberg', 'guardian'],
      ],
    );
    const worker = /Ansvarig socialsekreterare<\/dt><dd>([^<]*)<\/dd>/;
    const page = await client.get(`/people/${older.id}`);
    assert.equal(page.body.match(worker)?.[1], `Testanvändare ${user.username}`);
    const siblingPage = await client.get(`/people/${younger.id}`);
    assert.equal(siblingPage.body.match(worker)?.[1], 'Inga', "a sibling's worker is not theirs");
  });

  it("does not mark access to the user's own children as unusual", async () => {
    const { municipalityId, client, user } = await municipalityWith();
    const child = await createPerson(t.db.db, municipalityId);
    await assign(t.db.db, municipalityId, child.id, user.id);
    await client.get(`/people/${child.id}`);
    const [event] = await auditFor(child.id);
    assert.equal(event!.unusual, false);
  });

  it("hides a protected person's address until a reason is given, and audits the reason", async () => {
    const { municipalityId, client } = await municipalityWith();
    const child = await createPerson(t.db.db, municipalityId, { protectedIdentity: 'protectedRegistration' });
    const page = await client.get(`/people/${child.id}`);
    assert.doesNotMatch(page.body, /Testgatan/);
    assert.match(page.body, /dolda/);
    const noReason = await client.post(`/people/${child.id}/protected-details`, { reason: 'kort' });
    assert.equal(noReason.statusCode, 400);
    assert.doesNotMatch(noReason.body, /Testgatan/);
    const reason = 'Hembesök enligt beslut i utredningen';
    const shown = await client.post(`/people/${child.id}/protected-details`, { reason });
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /Testgatan 1/);
    const reveal = (await auditFor(child.id)).filter((e) => e.action === 'person.readProtectedDetails');
    assert.deepEqual(
      reveal.map((e) => [e.outcome, e.reason, e.record_type]),
      [
        ['denied', 'reasonRequired', 'person'],
        ['allowed', null, 'protectedDetailsAccess'],
      ],
    );
    // The free-text reason is a record of the person's file, which the event names (decision 0081).
    const access = await t.db.db
      .selectFrom('protected_details_access')
      .selectAll()
      .where('id', '=', reveal[1]?.record_id ?? '')
      .executeTakeFirstOrThrow();
    assert.deepEqual([access.person_id, access.reason], [child.id, reason]);
    assert.ok(
      (await auditFor(child.id)).every((e) => !JSON.stringify(e).includes(reason)),
      'no event body holds the reason',
    );
  });

  it('returns 404 for an unknown id and 400 for a malformed one', async () => {
    const { client } = await municipalityWith();
    assert.equal((await client.get('/people/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await client.get('/people/not-a-uuid')).statusCode, 400);
  });
});

describe('registering a person', () => {
  it('registers a child with a valid number and shows the new person', async () => {
    const { client } = await municipalityWith();
    const number = generatePersonalNumber('2019-07-01', 123);
    const res = await client.post('/people', {
      givenName: 'Saga',
      familyName: 'Nyström',
      personalNumber: number,
    });
    assert.equal(res.statusCode, 303);
    const page = await client.get(res.headers.location as string);
    assert.match(page.body, /Personen är registrerad/);
    assert.match(page.body, /Saga Nyström/);
  });

  it('explains a wrong check digit and writes nothing', async () => {
    const { municipalityId, client } = await municipalityWith();
    const number = generatePersonalNumber('2019-07-01', 124);
    const wrong = number.slice(0, 11) + String((Number(number[11]) + 1) % 10);
    const res = await client.post('/people', {
      givenName: 'Saga',
      familyName: 'Felsson',
      personalNumber: wrong,
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /[Kk]ontrollsiffran/);
    const count = await t.db.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  });

  it('refuses a second person with the same number and links to the first', async () => {
    const { municipalityId, client } = await municipalityWith();
    const existing = await createPerson(t.db.db, municipalityId);
    const res = await client.post('/people', {
      givenName: 'Dubbel',
      familyName: 'Gånger',
      personalNumber: existing.personalNumber!,
    });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, new RegExp(`/people/${existing.id}`));
  });

  it('requires names and either a number or a birth date', async () => {
    const { client } = await municipalityWith();
    const res = await client.post('/people', {});
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Fyll i fältet/);
    assert.match(res.body, /Ange personnummer/);
  });

  it('refuses oversized input with a clear message, not a crash', async () => {
    const { client } = await municipalityWith();
    const res = await client.post('/people', { givenName: 'x'.repeat(5000), familyName: 'y' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /kunde inte tas emot/);
  });

  it('escapes names so markup is shown as text', async () => {
    const { client } = await municipalityWith();
    const res = await client.post('/people', {
      givenName: '<script>alert(1)</script>',
      familyName: 'Skriptsson',
      noPersonalNumber: 'on',
      birthDate: '2018-01-01',
    });
    const page = await client.get(res.headers.location as string);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script>/);
  });
});

describe('roles without access to the register', () => {
  for (const role of ['partnerProfessional', 'administrator', 'statisticsReader'] as const) {
    it(`refuses a ${role} the search and the person page, and audits the refusal`, async () => {
      const { municipalityId, client, user } = await municipalityWith(role);
      const child = await createPerson(t.db.db, municipalityId);
      assert.equal((await client.get('/people?q=Elsa')).statusCode, 403);
      assert.equal((await client.get(`/people/${child.id}`)).statusCode, 403);
      assert.equal((await client.get(`/api/v1/people/${child.id}`)).statusCode, 403);
      const denied = await t.db.db
        .selectFrom('audit_event')
        .selectAll()
        .where('actor_user_id', '=', user.id)
        .where('outcome', '=', 'denied')
        .execute();
      assert.ok(denied.some((e) => e.subject_person_id === child.id));
    });
  }
});

describe('the people API', () => {
  let client: Client;
  let municipalityId: string;
  before(async () => {
    ({ client, municipalityId } = await municipalityWith());
  });

  it('answers 401 with a JSON body without a session, on any /api/v1 path', async () => {
    for (const url of ['/api/v1/people?q=x', '/api/v1/nothing-here', '/api/v1/me']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 401, url);
      assert.equal(res.json().error.code, 'unauthorized');
    }
  });

  it('searches and reads a person as JSON, audited', async () => {
    const child = await createPerson(t.db.db, municipalityId, { familyName: 'Apisson' });
    const search = await client.get('/api/v1/people?q=apisson');
    assert.equal(search.statusCode, 200);
    assert.equal(search.json().people[0].id, child.id);
    const read = await client.get(`/api/v1/people/${child.id}`);
    assert.equal(read.json().familyName, 'Apisson');
    assert.deepEqual(
      (await auditFor(child.id)).map((e) => e.action),
      ['person.search', 'person.read'],
    );
  });

  it('leaves protected whereabouts out of the API', async () => {
    const child = await createPerson(t.db.db, municipalityId, { protectedIdentity: 'confidentialityMarker' });
    const read = await client.get(`/api/v1/people/${child.id}`);
    assert.equal(read.json().address, null);
  });

  it('registers a person and answers field errors in the chosen language', async () => {
    const created = await client.postJson('/api/v1/people', {
      givenName: 'Json',
      familyName: 'Jsonsson',
      personalNumber: generatePersonalNumber('2020-01-31', 7),
    });
    assert.equal(created.statusCode, 201);
    const invalid = await client.postJson('/api/v1/people', { givenName: '' }, { 'accept-language': 'en' });
    assert.equal(invalid.statusCode, 400);
    assert.equal(invalid.json().error.fields.givenName, 'Fill in this field.');
  });

  it('refuses JSON that does not match the schema with 400', async () => {
    const res = await client.postJson('/api/v1/people', { givenName: { nested: true } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'badRequest');
  });
});

describe('the country of birth (decision 0118)', () => {
  const countryOf = async (id: string) =>
    (
      await t.db.db
        .selectFrom('person')
        .select('country_of_birth')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).country_of_birth;

  it('offers the countries by name in the user’s language, "not known" first', async () => {
    const { client } = await municipalityWith();
    const sv = await client.get('/people/new');
    assert.match(sv.body, /<label[^>]*for="countryOfBirth"[^>]*>Födelseland/);
    assert.match(sv.body, /<option value selected>Inte känt<\/option>/);
    assert.match(sv.body, /<option value="SE">Sverige<\/option>/);
    assert.match(sv.body, /<option value="AF">Afghanistan<\/option>/);
    const en = await client.get('/people/new?lang=en');
    assert.match(en.body, /<option value="SE">Sweden<\/option>/);
    assert.ok(en.body.indexOf('value="AF"') < en.body.indexOf('value="SE"'));
  });

  it('registers a person with a country of birth, and without one as not known', async () => {
    const { client } = await municipalityWith();
    const res = await client.post('/people', {
      givenName: 'Amina',
      familyName: 'Landsdotter',
      personalNumber: generatePersonalNumber('2009-05-05', 202),
      countryOfBirth: 'so',
    });
    assert.equal(res.statusCode, 303);
    const id = /\/people\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
    assert.equal(await countryOf(id), 'SO');
    assert.match((await client.get(`/people/${id}`)).body, /<dt>Födelseland<\/dt>\s*<dd>Somalia<\/dd>/);
    const none = await client.post('/people', {
      givenName: 'Okänd',
      familyName: 'Landsdotter',
      personalNumber: generatePersonalNumber('2009-05-06', 203),
      countryOfBirth: '',
    });
    const noneId = /\/people\/([0-9a-f-]{36})/.exec(none.headers.location as string)![1]!;
    assert.equal(await countryOf(noneId), null);
  });

  it('refuses a code that is not a country with a 400 in the user’s language and writes nothing', async () => {
    const { municipalityId, client } = await municipalityWith();
    for (const code of ['XX', 'EU', 'SWE', '12', 'S']) {
      const res = await client.post('/people', {
        givenName: 'Fel',
        familyName: 'Landsson',
        personalNumber: generatePersonalNumber('2012-01-01', 300),
        countryOfBirth: code,
      });
      assert.equal(res.statusCode, 400, code);
      assert.match(res.body, /Välj ett land i listan/);
    }
    const api = await client.post('/api/v1/people?lang=en', {
      givenName: 'Fel',
      familyName: 'Landsson',
      personalNumber: generatePersonalNumber('2012-01-01', 300),
      countryOfBirth: 'ZZ',
    });
    assert.equal(api.statusCode, 400);
    assert.match(api.body, /countryOfBirth/);
    const count = await t.db.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  });

  it('is set and cleared on the person page, audited as a change of the person, and read by the API', async () => {
    const { municipalityId, client, user } = await municipalityWith();
    const child = await createPerson(t.db.db, municipalityId, { birthDate: '2008-08-08' });
    const page = await client.get(`/people/${child.id}`);
    assert.match(page.body, new RegExp(`action="/people/${child.id}/country-of-birth"`));
    const set = await client.post(`/people/${child.id}/country-of-birth`, { countryOfBirth: 'ER' });
    assert.equal(set.statusCode, 303);
    assert.match((await client.get(set.headers.location as string)).body, /Födelselandet är sparat/);
    assert.equal(await countryOf(child.id), 'ER');
    const api = (await client.get(`/api/v1/people/${child.id}`)).json() as { countryOfBirth: string | null };
    assert.equal(api.countryOfBirth, 'ER');
    const bad = await client.post(`/people/${child.id}/country-of-birth?lang=en`, { countryOfBirth: 'QQ' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Choose a country from the list/);
    assert.equal(await countryOf(child.id), 'ER', 'a refused value leaves the country as it was');
    assert.equal(
      (await client.post(`/people/${child.id}/country-of-birth`, { countryOfBirth: '' })).statusCode,
      303,
    );
    assert.equal(await countryOf(child.id), null);
    const changes = (await auditFor(child.id)).filter(
      (e) => e.action === 'person.update' && e.reason === 'countryOfBirth',
    );
    assert.equal(changes.length, 2);
    assert.ok(changes.every((e) => e.actor_user_id === user.id && e.outcome === 'allowed'));
  });

  it('is not changed by a manager (no person.update), nor in another municipality', async () => {
    const { municipalityId, client } = await municipalityWith('manager');
    const child = await createPerson(t.db.db, municipalityId, { countryOfBirth: 'SE' });
    const page = await client.get(`/people/${child.id}`);
    assert.doesNotMatch(page.body, /country-of-birth/);
    assert.equal(
      (await client.post(`/people/${child.id}/country-of-birth`, { countryOfBirth: 'FI' })).statusCode,
      403,
    );
    const other = await municipalityWith();
    assert.equal(
      (await other.client.post(`/people/${child.id}/country-of-birth`, { countryOfBirth: 'FI' })).statusCode,
      404,
    );
    assert.equal(await countryOf(child.id), 'SE');
  });
});
