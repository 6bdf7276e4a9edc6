import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { generatePersonalNumber } from '../people/personal-number.ts';
import { privateHome } from '../placements/fixtures.ts';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createPerson, createUnit, createUser } from '../testing/factories.ts';

/**
 * The register file to Socialstyrelsen from live placements (decision 0130): a move gives two
 * rows numbered 1 and 2, planted errors are named by row, the file is downloadable and can be
 * marked as submitted only without fatal findings and errors, a submission is read-only and is
 * compared with the previous one; the statistics reader sees only the list.
 */

const today = '2026-03-13';
let t: TestApp;
let municipalityId: string;
let unitId: string;
let homeId: string;
let manager: Client;
let reader: Client;
let lvuPlacement: string;
let invertedPlacement: string;

const ending = (on: string | null) => ({
  ended_on: on,
  end_outcome: on ? ('returnedHome' as const) : null,
});
const maker = { decided_by_kind: 'subcommittee' as const, decided_by_name: 'Individutskottet' };

async function place(o: {
  birthDate: string;
  basis: 'sol' | 'lvu3';
  decidedOn: string;
  periods: { form: 'familyHome' | 'residentialCareHome'; startedOn: string }[];
  endedOn?: string;
  guardians?: number;
}) {
  const db = t.db.db;
  const child = await createPerson(db, municipalityId, { birthDate: o.birthDate });
  for (let i = 0; i < (o.guardians ?? 0); i++) {
    const parent = await createPerson(db, municipalityId, { birthDate: '1980-01-01' });
    await db
      .insertInto('guardianship')
      .values({
        municipality_id: municipalityId,
        child_id: child.id,
        guardian_id: parent.id,
        kind: 'guardian',
      })
      .execute();
  }
  const placement = await db
    .insertInto('placement')
    .values({
      municipality_id: municipalityId,
      child_id: child.id,
      unit_id: unitId,
      ...ending(o.endedOn ?? null),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const p = { municipality_id: municipalityId, placement_id: placement.id };
  await db
    .insertInto('placement_decision')
    .values({ ...p, ...maker, basis: o.basis, decided_on: o.decidedOn, executed_on: o.periods[0]!.startedOn })
    .execute();
  for (const period of o.periods)
    await db
      .insertInto('placement_period')
      .values({
        ...p,
        ...maker,
        home_id: homeId,
        form: period.form,
        decided_on: o.decidedOn,
        started_on: period.startedOn,
      })
      .execute();
  return { placementId: placement.id, child };
}

before(async () => {
  t = await startTestApp({ fixedToday: today });
  const db = t.db.db;
  municipalityId = await createMunicipality(db);
  unitId = await createUnit(db, municipalityId, 'placement');
  homeId = (
    await privateHome(db, municipalityId, '9999', 'Familjen Test', {
      investigated: true,
      extracts: true,
      today,
    })
  ).id;
  const key = t.config.secretKey;
  manager = await login(t.app, await createUser(db, key, { municipalityId, role: 'manager', unitId }));
  reader = await login(
    t.app,
    await createUser(db, key, { municipalityId, role: 'statisticsReader', withTotp: false }),
  );
  // A move: a family home, then an HVB, ended in November. Two rows, placement 1 and 2.
  await place({
    birthDate: '2012-04-01',
    basis: 'sol',
    decidedOn: '2025-02-01',
    periods: [
      { form: 'familyHome', startedOn: '2025-02-03' },
      { form: 'residentialCareHome', startedOn: '2025-07-01' },
    ],
    endedOn: '2025-11-30',
    guardians: 2,
  });
  // Care under 3 § LVU still going when the young person turned 21 on 1 March 2025.
  lvuPlacement = (
    await place({
      birthDate: '2004-03-01',
      basis: 'lvu3',
      decidedOn: '2024-06-01',
      periods: [{ form: 'residentialCareHome', startedOn: '2024-06-01' }],
      guardians: 1,
    })
  ).placementId;
  // Recorded as ended ten days before the home period started.
  invertedPlacement = (
    await place({
      birthDate: '2015-09-09',
      basis: 'sol',
      decidedOn: '2025-05-01',
      periods: [{ form: 'familyHome', startedOn: '2025-05-01' }],
      endedOn: '2025-04-20',
      guardians: 2,
    })
  ).placementId;
  // Ended in 2024: not in the 2025 file.
  await place({
    birthDate: '2010-01-01',
    basis: 'sol',
    decidedOn: '2024-01-10',
    periods: [{ form: 'familyHome', startedOn: '2024-01-10' }],
    endedOn: '2024-12-31',
  });
});
after(() => t?.close());

const findings = (body: string) =>
  [...body.matchAll(/<tr data-code="(BU\d\d)" data-severity="(\w+)"><th scope="row">(\d+)<\/th>/g)].map(
    (m) => `${m[3]} ${m[1]} ${m[2]}`,
  );

describe('the register file of a year', () => {
  it('lists the planted errors by row, with their rule and severity, and audits the production', async () => {
    const page = await manager.get('/statistics/reporting/register?year=2025');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /4 rader om 3 barn/);
    const serious = findings(page.body).filter((f) => !f.endsWith('warning'));
    const rowOf = (code: string) => serious.find((f) => f.includes(` ${code} `))?.split(' ')[0];
    assert.deepEqual(
      serious.map((f) => f.split(' ').slice(1).join(' ')).sort(),
      ['BU04 fatal', 'BU05 fatal', 'BU10 error'],
      'the move is no error; the LVU care past 21 and the placement ending before it starts are',
    );
    assert.equal(rowOf('BU04'), rowOf('BU05'));
    assert.notEqual(rowOf('BU04'), rowOf('BU10'));
    assert.match(page.body, /Vård enligt 3 § LVU pågår efter att den unge fyllt 21 år/);
    assert.match(page.body, new RegExp(`/placements/${lvuPlacement}`));
    assert.doesNotMatch(page.body, /Markera som inlämnad/);
    const events = await t.db.db
      .selectFrom('audit_event')
      .select('reason')
      .where('municipality_id', '=', municipalityId)
      .where('action', '=', 'registerFile.prepare')
      .execute();
    assert.ok(events.some((e) => /^2025 rows=4 children=3 fatal=2 error=1 /.test(e.reason ?? '')));
  });

  it('refuses the file and the submission while there are fatal findings or errors', async () => {
    assert.equal((await manager.get('/statistics/reporting/register/file?year=2025')).statusCode, 400);
    const post = await manager.post('/statistics/reporting/register', {
      year: '2025',
      sha256: '0'.repeat(64),
    });
    assert.equal(post.statusCode, 400);
    assert.match(post.body, /stoppande fel eller fel/);
  });

  it('answers a year that is not a year with a 400 in the user’s language', async () => {
    for (const year of ['20x5', '1999', '2027', '123456'])
      assert.equal((await manager.get(`/statistics/reporting/register?year=${year}`)).statusCode, 400, year);
    const english = await manager.get('/statistics/reporting/register?year=abcd&lang=en');
    assert.match(english.body, /Give a year of four digits/);
  });

  it('keeps the statistics reader to the list of submissions', async () => {
    assert.equal((await reader.get('/statistics/reporting/register?year=2025')).statusCode, 403);
    assert.equal((await reader.get('/statistics/reporting/register/file?year=2025')).statusCode, 403);
    const list = await reader.get('/statistics/reporting');
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /Ta fram och kontrollera/);
  });

  it('downloads, submits and keeps the corrected file read-only, compared with the previous', async () => {
    const db = t.db.db;
    // Corrected: the LVU care ended on the 21st birthday, the other placement's end removed.
    await db.updateTable('placement').set(ending('2025-03-01')).where('id', '=', lvuPlacement).execute();
    await db.updateTable('placement').set(ending(null)).where('id', '=', invertedPlacement).execute();
    const page = await manager.get('/statistics/reporting/register?year=2025');
    assert.deepEqual(
      findings(page.body).filter((f) => !f.endsWith('warning')),
      [],
    );
    const file = await manager.get('/statistics/reporting/register/file?year=2025');
    assert.equal(file.statusCode, 200);
    assert.match(file.headers['content-disposition'] as string, /bu-2025\.txt/);
    const lines = file.body.split('\r\n').filter(Boolean);
    assert.equal(lines.length, 4);
    const fields = lines.map((l) => l.split(';'));
    assert.ok(
      fields.every((f) => f.length === 20 && f[1] === '2025' && f[2] === 'P' && /^\d{12}$/.test(f[3]!)),
    );
    const moved = fields.filter((f) => f[12] === 'SOL' && f[13] === '20250201');
    assert.deepEqual(
      moved.map((f) => [f[16], f[17], f[18], f[19]]),
      [
        ['1', 'FH', '20250203', '20250630'],
        ['2', 'HVB', '20250701', '20251130'],
      ],
    );
    assert.ok(fields.some((f) => f[12] === 'LVU3' && f[15] === '20250301'));
    const sha = /name="sha256" value="([0-9a-f]{64})"/.exec(page.body)![1]!;
    const stale = await manager.post('/statistics/reporting/register', {
      year: '2025',
      sha256: 'f'.repeat(64),
    });
    assert.equal(stale.statusCode, 409);
    const sent = await manager.post('/statistics/reporting/register', { year: '2025', sha256: sha });
    assert.equal(sent.statusCode, 303);
    // Kept in the one store of submissions, kind register (decision 0119).
    const [row] = await db
      .selectFrom('statistics_submission')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('kind', '=', 'register')
      .execute();
    assert.equal((row!.payload as { file: string }).file, file.body);
    assert.equal(row!.row_count, 4);
    assert.equal(row!.period_key, '2025');
    assert.equal(row!.child_count, 3);
    await assert.rejects(sql`update statistics_submission set row_count = 0`.execute(db), /read-only/);
    await assert.rejects(sql`delete from statistics_submission`.execute(db), /read-only/);
    await assert.rejects(sql`truncate statistics_submission`.execute(db), /read-only/);

    // A placement corrected after the submission: the next one shows the change.
    await db.updateTable('placement').set(ending('2025-12-15')).where('id', '=', invertedPlacement).execute();
    const again = await manager.get('/statistics/reporting/register?year=2025');
    const sha2 = /name="sha256" value="([0-9a-f]{64})"/.exec(again.body)![1]!;
    assert.notEqual(sha2, sha);
    assert.equal(
      (await manager.post('/statistics/reporting/register', { year: '2025', sha256: sha2 })).statusCode,
      303,
    );
    const list = await manager.get('/statistics/reporting?lang=sv');
    assert.match(list.body, /0 nya rader, 0 borttagna, 1 ändrade, 3 oförändrade/);
    assert.match(list.body, /Första inlämningen för året/);
    const forReader = await reader.get('/statistics/reporting');
    assert.match(forReader.body, /<td>\.\.<\/td>/, 'four rows is a small count for the reader');
    assert.doesNotMatch(forReader.body, /ändrade/);
    const submitted = await db
      .selectFrom('audit_event')
      .select(['reason', 'record_id'])
      .where('municipality_id', '=', municipalityId)
      .where('action', '=', 'registerFile.submit')
      .execute();
    assert.equal(submitted.length, 2);
  });
});

describe('a placement recorded without a decision', () => {
  it('is a row of its own with error BU08, not left out of the file', async () => {
    const db = t.db.db;
    const child = await createPerson(db, municipalityId, { birthDate: '2011-11-11' });
    const placement = await db
      .insertInto('placement')
      .values({
        municipality_id: municipalityId,
        child_id: child.id,
        unit_id: unitId,
        ...ending('2023-06-30'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('placement_period')
      .values({
        municipality_id: municipalityId,
        placement_id: placement.id,
        ...maker,
        home_id: homeId,
        form: 'familyHome',
        decided_on: '2023-02-01',
        started_on: '2023-02-01',
      })
      .execute();
    const page = await manager.get('/statistics/reporting/register?year=2023&lang=sv');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /1 rad om 1 barn/);
    assert.ok(findings(page.body).includes('1 BU08 error'), findings(page.body).join(', '));
    assert.match(page.body, new RegExp(`/placements/${placement.id}`));
  });
});

describe('countries of birth from the people register (decision 0118)', () => {
  it('writes the child’s and the parents’ countries and warns only of what is missing', async () => {
    const db = t.db.db;
    // generatePersonalNumber's serial: an even third digit is a woman, an odd one a man.
    const mother = await createPerson(db, municipalityId, {
      personalNumber: generatePersonalNumber('1985-02-02', 2),
      birthDate: '1985-02-02',
      countryOfBirth: 'SY',
    });
    const father = await createPerson(db, municipalityId, {
      personalNumber: generatePersonalNumber('1983-03-03', 1),
      birthDate: '1983-03-03',
      countryOfBirth: null,
    });
    const known = await createPerson(db, municipalityId, { birthDate: '2012-06-06', countryOfBirth: 'SE' });
    const unknown = await createPerson(db, municipalityId, { birthDate: '2013-07-07', countryOfBirth: null });
    for (const child of [known, unknown])
      for (const parent of [mother, father])
        await db
          .insertInto('guardianship')
          .values({
            municipality_id: municipalityId,
            child_id: child.id,
            guardian_id: parent.id,
            kind: 'guardian',
          })
          .execute();
    for (const child of [known, unknown]) {
      const placement = await db
        .insertInto('placement')
        .values({
          municipality_id: municipalityId,
          child_id: child.id,
          unit_id: unitId,
          ...ending('2022-10-31'),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const p = { municipality_id: municipalityId, placement_id: placement.id };
      await db
        .insertInto('placement_decision')
        .values({ ...p, ...maker, basis: 'sol', decided_on: '2022-03-01', executed_on: '2022-03-01' })
        .execute();
      await db
        .insertInto('placement_period')
        .values({
          ...p,
          ...maker,
          home_id: homeId,
          form: 'familyHome',
          decided_on: '2022-03-01',
          started_on: '2022-03-01',
        })
        .execute();
    }
    const page = await manager.get('/statistics/reporting/register?year=2022&lang=sv');
    assert.equal(page.statusCode, 200);
    const rows = findings(page.body);
    const bu19 = rows.filter((f) => f.includes(' BU19 '));
    assert.equal(bu19.length, 1, rows.join(', '));
    assert.equal(rows.filter((f) => f.includes(' BU22 ')).length, 2, 'the father has no country');
    assert.match(page.body, /Barnets födelseland saknas/);

    // With the father's country registered the file carries all three and only BU19 is left.
    await db.updateTable('person').set({ country_of_birth: 'IQ' }).where('id', '=', father.id).execute();
    const again = await manager.get('/statistics/reporting/register?year=2022');
    assert.deepEqual(
      findings(again.body).map((f) => f.split(' ').slice(1).join(' ')),
      ['BU19 warning'],
    );
    const file = await manager.get('/statistics/reporting/register/file?year=2022');
    assert.equal(file.statusCode, 200);
    const lines = file.body
      .split('\r\n')
      .filter(Boolean)
      .map((l) => l.split(';'));
    const line = (number: string | null) => lines.find((f) => f[3] === number)!;
    assert.deepEqual(line(known.personalNumber).slice(6, 9), ['SE', 'SY', 'IQ']);
    assert.deepEqual(line(unknown.personalNumber).slice(6, 9), ['', 'SY', 'IQ']);
  });
});
