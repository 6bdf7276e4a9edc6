import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyAuditTrail } from '../platform/audit/verify.ts';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createPerson, createUnit, createUser } from '../testing/factories.ts';
import { carryOutRetentionRun } from './cull.ts';
import { insertReport, oldFile, today, yearsAgo } from './testing.ts';

/** The archivist's retention page: the dry run, who may see it, the approval and its audit. */
let t: TestApp;
let municipalityId: string;
let archivist: Client;
let archivistId: string;
let archivistUsername: string;
let file: Awaited<ReturnType<typeof oldFile>>;
const others: Record<string, Client> = {};
before(async () => {
  t = await startTestApp();
  const db = t.db.db;
  const key = t.config.secretKey;
  municipalityId = await createMunicipality(db);
  const unit = await createUnit(db, municipalityId, 'investigation');
  const worker = await createUser(db, key, { municipalityId, role: 'socialWorker', unitId: unit });
  const user = await createUser(db, key, { municipalityId, role: 'archivist' });
  archivistId = user.id;
  archivistUsername = user.username;
  archivist = await login(t.app, user);
  for (const role of ['administrator', 'manager', 'socialWorker'] as const)
    others[role] = await login(t.app, await createUser(db, key, { municipalityId, role, unitId: unit }));
  file = await oldFile(db, municipalityId, unit, worker, 'Arkivbarn');
  const recent = await createPerson(db, municipalityId, { givenName: 'Nyligenbarn' });
  await insertReport(db, municipalityId, recent.id, yearsAgo(1));
  // Another municipality's due file never shows.
  const elsewhere = await createMunicipality(db);
  const otherUnit = await createUnit(db, elsewhere, 'investigation');
  const otherWorker = await createUser(db, key, {
    municipalityId: elsewhere,
    role: 'socialWorker',
    unitId: otherUnit,
  });
  await oldFile(db, elsewhere, otherUnit, otherWorker, 'Grannkommunbarn');
});
after(() => t.close());

describe('the retention page', () => {
  it('lists the due file with the rule and its reference, audits the listed person, and shows no recent file', async () => {
    const page = await archivist.get('/retention');
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /<h1>Gallring<\/h1>/);
    assert.match(page.body, /Arkivbarn/);
    assert.match(page.body, /Akten gallras fem år efter den sista anteckningen/);
    assert.match(page.body, /SoL \(2025:400\) 16 kap\. 1 §/);
    assert.match(page.body, /Journalanteckning/);
    assert.doesNotMatch(page.body, /Nyligenbarn|Grannkommunbarn/);
    assert.match(page.body, /Godkänn gallringen/);
    const reviews = await t.db.db
      .selectFrom('audit_event')
      .select(['subject_person_id', 'actor_user_id'])
      .where('municipality_id', '=', municipalityId)
      .where('action', '=', 'retention.review')
      .where('subject_person_id', 'is not', null)
      .execute();
    assert.deepEqual(reviews, [{ subject_person_id: file.childId, actor_user_id: archivistId }]);
    const english = await archivist.get('/retention?lang=en');
    assert.match(english.body, /The file is culled five years after its last entry/);
  });

  it('is refused to every other role, the administrator included', async () => {
    for (const [role, client] of Object.entries(others)) {
      const page = await client.get('/retention');
      assert.equal(page.statusCode, 403, role);
      assert.doesNotMatch(page.body, /Arkivbarn/, role);
      const post = await client.post('/retention/runs', { confirm: 'on' });
      assert.equal(post.statusCode, 403, role);
    }
    assert.equal(
      await t.db.db
        .selectFrom('retention_run')
        .select('id')
        .where('municipality_id', '=', municipalityId)
        .executeTakeFirst(),
      undefined,
    );
  });

  it('asks for the confirmation, in Swedish, and approves nothing without it', async () => {
    await archivist.get('/retention?lang=sv');
    const res = await archivist.post('/retention/runs', {});
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Kryssa i att du har gått igenom listan/);
    assert.equal(
      await t.db.db
        .selectFrom('retention_run')
        .select('id')
        .where('municipality_id', '=', municipalityId)
        .executeTakeFirst(),
      undefined,
    );
  });

  it('approves the run with the files of the list, audited, and shows it with its progress', async () => {
    await archivist.get('/retention');
    const res = await archivist.post('/retention/runs', { confirm: 'on' });
    assert.equal(res.statusCode, 303);
    const runs = await t.db.db
      .selectFrom('retention_run')
      .select(['id', 'state', 'approved_by'])
      .where('municipality_id', '=', municipalityId)
      .execute();
    assert.equal(runs.length, 1);
    assert.equal(runs[0]?.state, 'approved');
    assert.equal(runs[0]?.approved_by, archivistId);
    const files = await t.db.db
      .selectFrom('retention_run_file')
      .select('person_id')
      .where('run_id', '=', runs[0]!.id)
      .execute();
    assert.deepEqual(files, [{ person_id: file.childId }]);
    const approval = await t.db.db
      .selectFrom('audit_event')
      .select(['record_id', 'actor_user_id'])
      .where('municipality_id', '=', municipalityId)
      .where('action', '=', 'retention.approve')
      .where('outcome', '=', 'allowed')
      .execute();
    assert.deepEqual(approval, [{ record_id: runs[0]!.id, actor_user_id: archivistId }]);
    const refused = await t.db.db
      .selectFrom('audit_event')
      .select('actor_user_id')
      .where('municipality_id', '=', municipalityId)
      .where('action', '=', 'retention.approve')
      .where('outcome', '=', 'denied')
      .execute();
    assert.equal(refused.length, 3, "the other roles' attempts are in the trail");
    const page = await archivist.get('/retention');
    assert.match(page.body, /Godkända gallringar/);
    assert.match(page.body, /0 av 1 akter klara/);
    for (const chain of await verifyAuditTrail(t.db.db)) assert.deepEqual(chain.problems, []);
  });

  it("once culled, the person's events show in the log review as culled, from the ledger", async () => {
    const { id: runId } = await t.db.db
      .selectFrom('retention_run')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    const { code } = await t.db.db
      .selectFrom('municipality')
      .select('code')
      .where('id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    const done = await carryOutRetentionRun(t.db.db, { id: municipalityId, code }, runId, today);
    assert.equal(done.culled, 1);
    const log = await others.manager!.get(`/log-review?user=${archivistUsername}&lang=sv`);
    assert.equal(log.statusCode, 200);
    assert.match(log.body, new RegExp(`Gallrad ${today} \\(16 kap\\. SoL\\)`));
    assert.doesNotMatch(log.body, /Arkivbarn/);
    assert.match((await archivist.get('/retention')).body, /1 av 1 akter klara: 1 gallrade \(4 handlingar\)/);
  });
});
