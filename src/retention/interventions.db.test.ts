import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { addDays } from '../deadlines/calendar.ts';
import type { Actor } from '../platform/access/policy.ts';
import { verifyAuditTrail } from '../platform/audit/verify.ts';
import type { Database } from '../platform/db/schema.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createPerson, createUnit, createUser } from '../testing/factories.ts';
import { anniversary } from './ages.ts';
import { approveRetentionRun, carryOutRetentionRun } from './cull.ts';
import { retentionDryRun } from './dry-run.ts';
import { today, yearsAgo } from './testing.ts';

/**
 * A decided intervention ends on `decision_execution.ended_on` (issue 16): a file whose
 * interventions have all ended falls due five years after the last of those ends, and not a
 * day before; one without an end date stays ongoing.
 */
let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

/** The day five years before today, in the retention clock's sense: its fifth anniversary is today. */
const fiveYearsAgo = (() => {
  let d = `${Number(today.slice(0, 4)) - 5}${today.slice(4)}`;
  while (anniversary(d, 5) > today) d = addDays(d, -1);
  return d;
})();

async function decidedFile(
  db: Kysely<Database>,
  municipalityId: string,
  unitId: string,
  givenName: string,
  executions: { carriedOutOn: string | null; endedOn: string | null }[],
) {
  const child = await createPerson(db, municipalityId, { givenName, birthDate: '2008-03-03' });
  await sql`update person set created_at = ${`${yearsAgo(7, '02-01')}T10:00:00Z`}::timestamptz where id = ${child.id}`.execute(
    db,
  );
  const c = await db
    .insertInto('child_case')
    .values({
      municipality_id: municipalityId,
      child_id: child.id,
      unit_id: unitId,
      phase: 'closed',
      opened_on: yearsAgo(7, '02-01'),
      initial_decision: 'openInvestigation',
      initial_decided_on: yearsAgo(7, '02-02'),
      investigation_opened_on: yearsAgo(7, '02-02'),
      decision_outcome: 'interventions',
      decided_on: yearsAgo(7, '03-20'),
      closed_on: yearsAgo(7, '04-01'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, e] of executions.entries()) {
    const type = await db
      .insertInto('intervention_type')
      .values({ municipality_id: municipalityId, name: `${givenName} insats ${i}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('case_intervention')
      .values({ municipality_id: municipalityId, case_id: c.id, intervention_type_id: type.id })
      .execute();
    if (e.carriedOutOn !== null || e.endedOn !== null)
      await db
        .insertInto('decision_execution')
        .values({
          municipality_id: municipalityId,
          case_id: c.id,
          intervention_type_id: type.id,
          carried_out_on: e.carriedOutOn,
          ended_on: e.endedOn,
        })
        .execute();
  }
  return { childId: child.id, caseId: c.id };
}

describe('interventions that ended (decision_execution.ended_on)', () => {
  it('make a file due five years after the last end, not a day before; without an end it is ongoing', async () => {
    const db = t.db.db;
    const municipalityId = await createMunicipality(db);
    const { code } = await db
      .selectFrom('municipality')
      .select('code')
      .where('id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    const municipality = { id: municipalityId, code };
    const unit = await createUnit(db, municipalityId, 'investigation');
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
    const carried = yearsAgo(7, '04-10');
    const exactly = await decidedFile(db, municipalityId, unit, 'Exaktbarn', [
      { carriedOutOn: carried, endedOn: yearsAgo(6) },
      { carriedOutOn: carried, endedOn: fiveYearsAgo },
    ]);
    const dayLess = await decidedFile(db, municipalityId, unit, 'Dagkvarbarn', [
      { carriedOutOn: carried, endedOn: addDays(fiveYearsAgo, 1) },
    ]);
    const noEnd = await decidedFile(db, municipalityId, unit, 'Pagarbarn', [
      { carriedOutOn: carried, endedOn: yearsAgo(6) },
      { carriedOutOn: carried, endedOn: null },
    ]);
    const neverExecuted = await decidedFile(db, municipalityId, unit, 'Ejverkstalldbarn', [
      { carriedOutOn: null, endedOn: null },
    ]);
    const futureEnd = await decidedFile(db, municipalityId, unit, 'Framtidbarn', [
      { carriedOutOn: carried, endedOn: addDays(today, 1) },
    ]);

    const run = await retentionDryRun(db, municipality, today, { reason: 'command' });
    const fileOf = (id: string) => run.files.find((f) => f.personId === id)?.assessment;
    const due = fileOf(exactly.childId);
    assert.equal(due?.file.state, 'due', 'the last intervention ended exactly five years ago');
    assert.equal(due?.file.lastEntryOn, fiveYearsAgo, 'the end is the last entry');
    assert.ok(due?.records.every((r) => r.verdict === 'cull'));
    const almost = fileOf(dayLess.childId);
    assert.equal(almost?.file.state, 'active', 'a day less than five years');
    assert.equal(almost?.file.state === 'active' ? almost.file.dueOn : null, addDays(today, 1));
    const ongoing = fileOf(noEnd.childId);
    assert.equal(ongoing?.file.state, 'active');
    assert.deepEqual(
      ongoing?.file.state === 'active' ? ongoing.file.ongoing.map((o) => o.type) : [],
      ['intervention'],
      'the intervention with no end date is still going on',
    );
    assert.equal(fileOf(neverExecuted.childId)?.file.state, 'active', 'decided, never carried out or ended');
    assert.deepEqual(
      fileOf(futureEnd.childId)?.review,
      ['dateAfterToday'],
      'an end after today is wrong data',
    );

    const approved = await approveRetentionRun(db, municipality, archivist, today);
    assert.equal(approved?.files, 1, 'only the file whose interventions ended five years ago');
    const progress = await carryOutRetentionRun(db, municipality, approved?.runId ?? '', today);
    assert.equal(progress.culled, 1);
    const left = async (table: 'child_case' | 'case_intervention' | 'decision_execution', caseId: string) =>
      (
        await db
          .selectFrom(table)
          .select('municipality_id')
          .where(table === 'child_case' ? 'id' : 'case_id', '=', caseId)
          .execute()
      ).length;
    for (const table of ['child_case', 'case_intervention', 'decision_execution'] as const) {
      assert.equal(await left(table, exactly.caseId), 0, `${table} of the culled case is gone`);
      assert.ok((await left(table, dayLess.caseId)) > 0, `${table} of the file a day short is kept`);
    }
    assert.equal(
      (await db.selectFrom('person').select('id').where('id', '=', exactly.childId).execute()).length,
      0,
    );
    for (const chain of await verifyAuditTrail(db)) assert.deepEqual(chain.problems, []);
  });
});
