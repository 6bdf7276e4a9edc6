import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Actor } from '../platform/access/policy.ts';
import { verifyAuditTrail } from '../platform/audit/verify.ts';
import type { Database } from '../platform/db/schema.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createPerson, createUnit, createUser } from '../testing/factories.ts';
import { approveRetentionRun, carryOutRetentionRun } from './cull.ts';
import { retentionDryRun } from './dry-run.ts';
import { oldFile, today, yearsAgo } from './testing.ts';

/**
 * `protected_details_access` (decision 0081 rule 2, 0116): the reason given for seeing a
 * protected person's whereabouts is an entry in the person's file, about no case or placement.
 * It is culled with the file under 16 kap. 1 § SoL, kept in the research sample like the rest,
 * and a late one keeps the file: it is the last entry.
 */
let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

async function access(
  db: Kysely<Database>,
  municipalityId: string,
  personId: string,
  userId: string,
  on: string,
) {
  return db
    .insertInto('protected_details_access')
    .values({
      municipality_id: municipalityId,
      person_id: personId,
      user_id: userId,
      reason: 'Hembesök enligt beslut i utredningen',
      occurred_at: new Date(`${on}T10:00:00Z`),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

describe('reasons for seeing protected whereabouts, under retention', () => {
  it('are culled with a due file, keep a file they were the last entry of, stay in the research sample', async () => {
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
    const due = await oldFile(db, municipalityId, unit, worker, 'Skyddadgallrad');
    const dueAccess = await access(db, municipalityId, due.childId, worker.id, yearsAgo(7, '02-06'));
    const late = await oldFile(db, municipalityId, unit, worker, 'Skyddadsen');
    const lateAccess = await access(db, municipalityId, late.childId, worker.id, yearsAgo(2));
    const sample = await oldFile(db, municipalityId, unit, worker, 'Skyddadforskning');
    await db
      .updateTable('person')
      .set({ birth_date: '2008-03-05', personal_number: null })
      .where('id', '=', sample.childId)
      .execute();
    const sampleAccess = await access(db, municipalityId, sample.childId, worker.id, yearsAgo(7, '02-06'));
    // A person with nothing but a reason: no file, so nothing is assessed.
    const noFile = await createPerson(db, municipalityId, { givenName: 'Endastskyddad' });
    const noFileAccess = await access(db, municipalityId, noFile.id, worker.id, yearsAgo(7, '02-06'));

    const run = await retentionDryRun(db, municipality, today, { reason: 'command' });
    const fileOf = (id: string) => run.files.find((f) => f.personId === id)?.assessment;
    const verdictOf = (personId: string, recordId: string) =>
      fileOf(personId)?.records.find(
        (r) => r.recordType === 'protectedDetailsAccess' && r.recordId === recordId,
      )?.verdict;
    assert.equal(verdictOf(due.childId, dueAccess.id), 'cull');
    assert.equal(fileOf(late.childId)?.file.state, 'active', 'the reason two years ago is the last entry');
    assert.equal(fileOf(late.childId)?.file.lastEntryOn, yearsAgo(2));
    assert.equal(verdictOf(late.childId, lateAccess.id), 'keep');
    assert.equal(verdictOf(sample.childId, sampleAccess.id), 'keep', 'born on the 5th');
    assert.equal(fileOf(noFile.id), undefined);

    const approved = await approveRetentionRun(db, municipality, archivist, today);
    assert.equal(approved?.files, 2, 'the due file, and the research sample to archive (decision 0117)');
    await carryOutRetentionRun(db, municipality, approved?.runId ?? '', today);
    const left = await db
      .selectFrom('protected_details_access')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .execute();
    assert.deepEqual(
      left.map((r) => r.id).sort(),
      [lateAccess.id, sampleAccess.id, noFileAccess.id].sort(),
      'only the due file lost its reason',
    );
    const ledger = await db
      .selectFrom('retention_culled')
      .select(['record_id', 'rule_id'])
      .where('municipality_id', '=', municipalityId)
      .where('record_type', '=', 'protectedDetailsAccess')
      .execute();
    assert.deepEqual(ledger, [{ record_id: dueAccess.id, rule_id: 'fiveYearsAfterLastEntry' }]);
    const events = await db
      .selectFrom('audit_event')
      .select(['subject_person_id', 'reason'])
      .where('municipality_id', '=', municipalityId)
      .where('action', '=', 'retention.cull')
      .where('record_type', '=', 'protectedDetailsAccess')
      .execute();
    assert.deepEqual(events, [{ subject_person_id: due.childId, reason: 'fiveYearsAfterLastEntry' }]);
    for (const chain of await verifyAuditTrail(db)) assert.deepEqual(chain.problems, []);
  });
});
