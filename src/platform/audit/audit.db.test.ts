import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, testEngine } from '../../testing/database.ts';
import { createMunicipality, createPerson } from '../../testing/factories.ts';
import type { Actor } from '../access/policy.ts';
import { withAccess } from '../access/scope.ts';
import type { Db } from '../db/database.ts';
import { writeAuditEvents } from './audit.ts';
import { eventHash } from './chain.ts';
import { verifyAuditTrail } from './verify.ts';

let db: Db;
before(async () => {
  db = await openTestDatabase();
});
after(() => db.close());

function worker(municipalityId: string): Actor {
  return {
    userId: '00000000-0000-4000-8000-000000000001',
    municipalityId,
    role: 'socialWorker',
    unitId: null,
    displayName: 'Test Worker',
    organisation: 'Socialtjänsten',
    partnerKind: null,
    secondFactorDone: true,
  };
}

async function writeSome(municipalityId: string, n: number) {
  const person = await createPerson(db.db, municipalityId);
  for (let i = 0; i < n; i++) {
    await db.db
      .transaction()
      .execute((trx) =>
        writeAuditEvents(trx, { municipalityId, actor: worker(municipalityId), clientAddress: '127.0.0.1' }, [
          { action: 'person.read', subjectPersonId: person.id, recordType: 'person', recordId: person.id },
        ]),
      );
  }
  return person;
}

const reportFor = async (municipalityId: string) =>
  (await verifyAuditTrail(db.db)).find((r) => r.municipalityId === municipalityId)!;

describe('the audit trail', () => {
  it('numbers events without gaps and verifies an untouched chain', async () => {
    const m = await createMunicipality(db.db);
    await writeSome(m, 5);
    const rows = await db.db
      .selectFrom('audit_event')
      .select('seq')
      .where('municipality_id', '=', m)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.seq),
      [1, 2, 3, 4, 5],
    );
    assert.deepEqual(await reportFor(m), { municipalityId: m, events: 5, problems: [] });
  });

  it('keeps the chain linear under concurrent writers', async () => {
    const m = await createMunicipality(db.db);
    const person = await createPerson(db.db, m);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.db
          .transaction()
          .execute((trx) =>
            writeAuditEvents(trx, { municipalityId: m, actor: worker(m), clientAddress: null }, [
              { action: 'person.read', subjectPersonId: person.id },
            ]),
          ),
      ),
    );
    assert.deepEqual((await reportFor(m)).problems, []);
    assert.equal((await reportFor(m)).events, 20);
  });

  it('continues the chain after a write that rolled back', async () => {
    const m = await createMunicipality(db.db);
    const person = await writeSome(m, 2);
    await assert.rejects(
      db.db.transaction().execute(async (trx) => {
        await writeAuditEvents(trx, { municipalityId: m, actor: worker(m), clientAddress: null }, [
          { action: 'person.read', subjectPersonId: person.id },
          { action: 'person.read', subjectPersonId: person.id },
        ]);
        throw new Error('rendering failed');
      }),
      /rendering failed/,
    );
    await writeSome(m, 2);
    assert.deepEqual(await reportFor(m), { municipalityId: m, events: 4, problems: [] });
  });

  it('continues the chain after another process appended to it', async () => {
    const m = await createMunicipality(db.db);
    await writeSome(m, 2);
    // Another instance of the app writes the next event: this process's idea of the head is stale.
    const last = await db.db
      .selectFrom('audit_event')
      .select(['seq', 'hash'])
      .where('municipality_id', '=', m)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const fields = {
      municipality_id: m,
      seq: last.seq + 1,
      occurred_at: new Date(),
      actor_user_id: null,
      actor_name: 'Other instance',
      actor_role: null,
      actor_organisation: null,
      action: 'auth.login',
      outcome: 'allowed' as const,
      subject_person_id: null,
      record_type: null,
      record_id: null,
      reason: null,
      client_address: null,
      unusual: false,
      prev_hash: last.hash,
    };
    await db.db
      .insertInto('audit_event')
      .values({ ...fields, hash: eventHash(fields) })
      .execute();
    await writeSome(m, 2);
    assert.deepEqual(await reportFor(m), { municipalityId: m, events: 5, problems: [] });
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const m = await createMunicipality(db.db);
    await writeSome(m, 1);
    await assert.rejects(
      db.db.updateTable('audit_event').set({ reason: 'x' }).where('municipality_id', '=', m).execute(),
      /append-only/,
    );
    await assert.rejects(
      db.db.deleteFrom('audit_event').where('municipality_id', '=', m).execute(),
      /append-only/,
    );
    await assert.rejects(sql`truncate audit_event`.execute(db.db), /append-only/);
  });

  it("detects a row edited behind the triggers' back", async () => {
    const m = await createMunicipality(db.db);
    await writeSome(m, 4);
    // A superuser can switch the trigger off; the hash chain still tells.
    await sql`alter table audit_event disable trigger audit_event_no_update_or_delete`.execute(db.db);
    try {
      await db.db
        .updateTable('audit_event')
        .set({ actor_name: 'Someone Else' })
        .where('municipality_id', '=', m)
        .where('seq', '=', 2)
        .execute();
    } finally {
      await sql`alter table audit_event enable trigger audit_event_no_update_or_delete`.execute(db.db);
    }
    assert.deepEqual((await reportFor(m)).problems, [{ seq: 2, problem: 'hashMismatch' }]);
  });

  it('detects a deleted row as a gap', async () => {
    const m = await createMunicipality(db.db);
    await writeSome(m, 4);
    await sql`alter table audit_event disable trigger audit_event_no_update_or_delete`.execute(db.db);
    try {
      await db.db.deleteFrom('audit_event').where('municipality_id', '=', m).where('seq', '=', 3).execute();
    } finally {
      await sql`alter table audit_event enable trigger audit_event_no_update_or_delete`.execute(db.db);
    }
    assert.deepEqual((await reportFor(m)).problems, [
      { seq: 4, problem: 'gap' },
      { seq: 4, problem: 'brokenLink' },
    ]);
  });

  it('writes nothing, neither data nor event, when the work fails after the audit', async () => {
    const m = await createMunicipality(db.db);
    const person = await createPerson(db.db, m);
    await assert.rejects(
      withAccess(db.db, { actor: worker(m), clientAddress: null }, async (scope) => {
        scope.authorize('person.read', { type: 'person', municipalityId: m, protectedIdentity: 'none' });
        await scope.audit({ action: 'person.read', subjectPersonId: person.id });
        throw new Error('rendering failed');
      }),
      /rendering failed/,
    );
    const events = await db.db
      .selectFrom('audit_event')
      .select('seq')
      .where('municipality_id', '=', m)
      .execute();
    assert.equal(events.length, 0);
  });

  it("writes a scope's events in the order recorded, committed by the time its result is returned", async () => {
    const m = await createMunicipality(db.db);
    const [a, b] = [await createPerson(db.db, m), await createPerson(db.db, m)];
    const result = await withAccess(db.db, { actor: worker(m), clientAddress: null }, async (scope) => {
      scope.authorize('person.read', { type: 'person', municipalityId: m, protectedIdentity: 'none' });
      await scope.audit({ action: 'person.read', subjectPersonId: a.id });
      await scope.audit({ action: 'worklist.read', subjectPersonId: b.id }, { action: 'sip.list' });
      return 'shown';
    });
    assert.equal(result, 'shown');
    const events = await db.db
      .selectFrom('audit_event')
      .select(['seq', 'action', 'subject_person_id'])
      .where('municipality_id', '=', m)
      .orderBy('seq')
      .execute();
    assert.deepEqual(events, [
      { seq: 1, action: 'person.read', subject_person_id: a.id },
      { seq: 2, action: 'worklist.read', subject_person_id: b.id },
      { seq: 3, action: 'sip.list', subject_person_id: null },
    ]);
    assert.deepEqual((await reportFor(m)).problems, []);
  });

  it('refuses to audit before access was decided', async () => {
    const m = await createMunicipality(db.db);
    await assert.rejects(
      withAccess(db.db, { actor: worker(m), clientAddress: null }, (scope) =>
        scope.audit({ action: 'person.read' }),
      ),
      /before authorize/,
    );
  });

  it(`runs on ${testEngine}`, () => {
    assert.equal(db.engine, testEngine);
  });
});
