import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../platform/access/policy.ts';
import { verifyAuditTrail } from '../platform/audit/verify.ts';
import { login, startTestApp, type TestApp } from '../testing/app.ts';
import { assign, createMunicipality, createPerson, createUnit, createUser } from '../testing/factories.ts';
import { approveRetentionRun, carryOutRetentionRun } from './cull.ts';
import { retentionDryRun } from './dry-run.ts';
import { oldFile, today } from './testing.ts';

/**
 * Archiving a kept file (decisions 0082, 0117): a due file whose records are all kept (here the
 * research sample, born on the 15th) is archived by the job: the records stay, the person loses
 * the address, assignments and search text and is hidden from search and the person page for
 * everyone; the archivist reads the file by identity number, audited.
 */
let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

describe('archiving a file with only kept records', () => {
  it('keeps the records, hides the person from every page but the archivist’s, and audits the archivist’s reading', async () => {
    const db = t.db.db;
    const municipalityId = await createMunicipality(db);
    const { code } = await db
      .selectFrom('municipality')
      .select('code')
      .where('id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    const municipality = { id: municipalityId, code };
    const unit = await createUnit(db, municipalityId, 'investigation');
    const worker = await createUser(db, t.config.secretKey, {
      municipalityId,
      role: 'socialWorker',
      unitId: unit,
    });
    const manager = await createUser(db, t.config.secretKey, { municipalityId, role: 'manager' });
    const unitManager = await createUser(db, t.config.secretKey, {
      municipalityId,
      role: 'manager',
      unitId: unit,
    });
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
    const file = await oldFile(db, municipalityId, unit, worker, 'Arkivbarn');
    const number = '200803152388';
    await db
      .updateTable('person')
      .set({ birth_date: '2008-03-15', personal_number: number, street_address: 'Arkivgatan 3' })
      .where('id', '=', file.childId)
      .execute();
    await assign(db, municipalityId, file.childId, worker.id);
    const other = await createPerson(db, municipalityId, {
      givenName: 'Arkivsyskon',
      birthDate: '2012-03-03',
    });
    await assign(db, municipalityId, other.id, worker.id);

    const dry = await retentionDryRun(db, municipality, today, { reason: 'command' });
    const listedFile = dry.files.find((f) => f.personId === file.childId);
    assert.equal(listedFile?.assessment.person.verdict, 'archive');
    assert.ok(
      listedFile?.assessment.records.every((r) => r.verdict === 'keep'),
      'born on the 15th: all kept',
    );
    const approved = await approveRetentionRun(db, municipality, archivist, today);
    assert.equal(approved?.files, 1, 'a file to archive is carried out though nothing in it is culled');
    const done = await carryOutRetentionRun(db, municipality, approved?.runId ?? '', today);
    assert.equal(done.culled, 1);

    const person = await db
      .selectFrom('person')
      .select(['archived_on', 'search_text', 'street_address', 'personal_number', 'given_name'])
      .where('id', '=', file.childId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(person, {
      archived_on: today,
      search_text: '',
      street_address: null,
      personal_number: number,
      given_name: 'Arkivbarn',
    });
    for (const [table, id] of [
      ['child_case', file.caseId],
      ['report', file.reportId],
      ['case_note', file.noteId],
      ['childs_voice', file.voiceId],
    ] as const)
      assert.ok(
        await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst(),
        `${table} kept`,
      );
    const assignments = await db
      .selectFrom('person_assignment')
      .select('person_id')
      .where('person_id', '=', file.childId)
      .execute();
    assert.deepEqual(assignments, []);
    const archived = await db
      .selectFrom('audit_event')
      .select(['subject_person_id', 'reason', 'actor_user_id'])
      .where('municipality_id', '=', municipalityId)
      .where('action', '=', 'retention.archive')
      .execute();
    assert.deepEqual(archived, [
      { subject_person_id: file.childId, reason: 'identifiesKeptRecords', actor_user_id: user.id },
    ]);
    const again = await approveRetentionRun(db, municipality, archivist, today);
    assert.equal(again, null, 'an archived file is not carried out twice');

    // Hidden from search, lists and the person page, for the worker and the manager alike.
    for (const u of [worker, manager, unitManager]) {
      const client = await login(t.app, u);
      for (const q of ['Arkivbarn', number, '20080315']) {
        const search = await client.get(`/people?q=${q}`);
        assert.equal(search.statusCode, 200);
        assert.doesNotMatch(search.body, new RegExp(file.childId), `${u.role} searching ${q}`);
      }
      assert.equal((await client.get(`/people/${file.childId}`)).statusCode, 404, u.role);
      assert.match(
        (await client.get('/people?q=Arkivsyskon')).body,
        new RegExp(other.id),
        'others still found',
      );
      assert.equal((await client.get(`/retention/archived?number=${number}`)).statusCode, 403, u.role);
      // Nor do the case lists and the case search show the kept case (decision 0117's to-do).
      for (const path of [
        '/my-cases/unit?status=all',
        `/cases/search?status=all&q=${number}`,
        '/cases/search?status=all&q=Arkivbarn',
      ]) {
        const list = await client.get(path);
        const shown = list.body.replace(/(value|href)="[^"]*"/g, '');
        if (list.statusCode === 403) continue;
        assert.equal(list.statusCode, 200, `${u.role} ${path}`);
        assert.doesNotMatch(shown, /Arkivbarn/, `${u.role} ${path}`);
        assert.doesNotMatch(list.body, new RegExp(file.caseId), `${u.role} ${path}`);
      }
    }

    // The archivist finds it by identity number, audited; a wrong number is a 400 in Swedish.
    const reader = await login(t.app, user);
    const page = await reader.get(`/retention/archived?number=${number}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Arkivbarn/);
    assert.match(page.body, /Journalanteckning/);
    const read = await db
      .selectFrom('audit_event')
      .select(['subject_person_id', 'record_type', 'outcome'])
      .where('municipality_id', '=', municipalityId)
      .where('action', '=', 'retention.readArchived')
      .orderBy('seq')
      .execute();
    assert.deepEqual(read, [
      { subject_person_id: null, record_type: null, outcome: 'denied' },
      { subject_person_id: null, record_type: null, outcome: 'denied' },
      { subject_person_id: null, record_type: null, outcome: 'denied' },
      { subject_person_id: file.childId, record_type: 'person', outcome: 'allowed' },
    ]);
    const bad = await reader.get('/retention/archived?number=20080315');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /personnummer/i);
    const unknown = await reader.get(`/retention/archived?number=${other.personalNumber}`);
    assert.equal(unknown.statusCode, 200);
    assert.match(unknown.body, /Ingen arkiverad akt/);
    assert.doesNotMatch(unknown.body, /Arkivsyskon/, 'an active file is not shown here');
    assert.equal((await reader.get('/retention/archived')).statusCode, 200);
    for (const chain of await verifyAuditTrail(db)) assert.deepEqual(chain.problems, []);
  });
});
