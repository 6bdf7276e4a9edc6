import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { parsePersonalNumber } from '../../src/people/personal-number.ts';
import { writeAuditEvents } from '../../src/platform/audit/audit.ts';
import { verifyAuditTrail } from '../../src/platform/audit/verify.ts';
import type { App } from '../../src/platform/http/types.ts';
import { testConfig } from '../../src/testing/app.ts';
import { createPostgresDatabase, testEngine } from '../../src/testing/database.ts';
import { Connection, login } from '../load.ts';
import { benchSecretKey } from './credentials.ts';
import { type GenerateReport, writePlan } from './generate.ts';
import { buildPlan, dayOf, type Plan } from './plan.ts';
import { type BulkTarget, openTarget } from './sink.ts';
import { tiers } from './tiers.ts';

/**
 * The generator at tier XS on this suite's engine: the data it writes is consistent, its audit
 * trail verifies and the application can continue it, and its users can log in for real.
 */
const today = '2026-03-16';
const nowMs = Date.parse('2026-03-16T11:00:00Z');

let target: BulkTarget;
let plan: Plan;
let report: GenerateReport;
let fresh: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;

before(async () => {
  if (testEngine === 'postgresql') {
    fresh = await createPostgresDatabase();
    target = await openTarget({ engine: 'postgresql', url: fresh.url });
  } else {
    target = await openTarget({ engine: 'pglite' });
  }
  plan = buildPlan(tiers.XS, { today });
  report = await writePlan(target, plan, { secretKey: benchSecretKey, nowMs });
});

after(async () => {
  await target.close();
  // Dropped once the pool's last socket has gone: a forced drop before then ends connections
  // whose clients still listen, which pg reports as an uncaught error.
  await fresh?.drop();
});

describe('the benchmark data generator', () => {
  it('writes what it planned, in three municipalities', async () => {
    const count = async (table: 'person' | 'guardianship' | 'user_account' | 'person_assignment') =>
      Number(
        (
          await target.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const planned = (pick: (m: Plan['municipalities'][number]) => number) =>
      plan.municipalities.reduce((sum, m) => sum + pick(m), 0);
    assert.equal(plan.municipalities.length, 3);
    assert.equal(
      await count('person'),
      planned((m) => m.persons.length),
    );
    assert.equal(
      await count('guardianship'),
      planned((m) => m.guardianships.length),
    );
    assert.equal(
      await count('user_account'),
      planned((m) => m.users.length),
    );
    assert.equal(
      await count('person_assignment'),
      planned((m) => m.assignments.length),
    );
    assert.equal(
      report.counts.person,
      planned((m) => m.persons.length),
    );
    const children = plan.municipalities[0]!.persons.filter((p) => p.isChild).length;
    assert.ok(children >= tiers.XS.children, `${children} children`);
  });

  it('gives everyone a valid, unique identity number or a birth date', () => {
    for (const m of plan.municipalities) {
      const numbers = new Set<string>();
      for (const p of m.persons) {
        assert.ok(p.birthDate <= today, `${p.birthDate} is in the future`);
        if (p.personalNumber === null) continue;
        const parsed = parsePersonalNumber(p.personalNumber, today);
        assert.ok(parsed.ok, `${p.personalNumber} is not valid`);
        assert.equal(parsed.value.isCoordinationNumber, p.isCoordinationNumber);
        assert.equal(parsed.value.birthDate, p.birthDate);
        assert.ok(!numbers.has(p.personalNumber), `${p.personalNumber} twice`);
        numbers.add(p.personalNumber);
      }
    }
  });

  it('plans episodes that never overlap and end before the child turns 18', () => {
    const m = plan.municipalities[0]!;
    const byChild = new Map<number, typeof m.episodes>();
    for (const e of m.episodes) byChild.set(e.child, [...(byChild.get(e.child) ?? []), e]);
    for (const [child, episodes] of byChild) {
      const birth = dayOf(m.persons[child]!.birthDate);
      for (const [i, e] of episodes.entries()) {
        assert.ok(e.reportDay < birth + 18 * 365, 'report after the 18th birthday');
        assert.ok(e.reportDay <= m.todayDay);
        const end = e.interventionEndDay ?? e.investigationEndDay ?? e.assessedDay;
        const next = episodes[i + 1];
        if (next) assert.ok(next.reportDay > end, 'episodes overlap');
      }
    }
  });

  it('writes an audit trail that verifies, in time order, near the tier size, about real people', async () => {
    const reports = await verifyAuditTrail(target.db);
    assert.equal(reports.length, 3);
    for (const r of reports) {
      assert.deepEqual(r.problems, [], `chain of ${r.municipalityId}`);
      assert.ok(r.events > 0);
    }
    const main = reports.find((r) => r.municipalityId === plan.municipalities[0]!.id)!;
    assert.ok(
      Math.abs(main.events - tiers.XS.auditEvents) < tiers.XS.auditEvents * 0.3,
      `${main.events} events for a target of ${tiers.XS.auditEvents}`,
    );
    const outOfOrder = await target.db
      .selectFrom('audit_event as a')
      .innerJoin('audit_event as b', (join) =>
        join
          .onRef('b.municipality_id', '=', 'a.municipality_id')
          .on((eb) => eb('b.seq', '=', eb('a.seq', '+', 1))),
      )
      .select('a.seq')
      .whereRef('b.occurred_at', '<', 'a.occurred_at')
      .execute();
    assert.deepEqual(outOfOrder, []);
    const late = await target.db
      .selectFrom('audit_event')
      .select('seq')
      .where('occurred_at', '>', new Date(nowMs))
      .execute();
    assert.deepEqual(late, []);
    const strangers = await target.db
      .selectFrom('audit_event as e')
      .leftJoin('person as p', (join) =>
        join.onRef('p.municipality_id', '=', 'e.municipality_id').onRef('p.id', '=', 'e.subject_person_id'),
      )
      .select('e.seq')
      .where('e.subject_person_id', 'is not', null)
      .where('p.id', 'is', null)
      .execute();
    assert.deepEqual(strangers, [], 'every subject is a person of the same municipality');
  });

  it("lets the application's audit writer continue the generated chain", async () => {
    const m = plan.municipalities[0]!;
    const user = m.users.find((u) => u.role === 'socialWorker')!;
    await target.db.transaction().execute((trx) =>
      writeAuditEvents(
        trx,
        {
          municipalityId: m.id,
          clientAddress: '127.0.0.1',
          actor: {
            userId: user.id,
            municipalityId: m.id,
            role: 'socialWorker',
            unitId: null,
            displayName: user.displayName,
            organisation: user.organisation,
            partnerKind: null,
            secondFactorDone: true,
          },
        },
        [{ action: 'person.read', subjectPersonId: m.persons[0]!.id, recordType: 'person' }],
      ),
    );
    const main = (await verifyAuditTrail(target.db)).find((r) => r.municipalityId === m.id)!;
    assert.deepEqual(main.problems, []);
  });

  it('derives reports, cases and notes from the episodes, consistently', async () => {
    const db = target.db;
    const main = plan.municipalities[0]!;
    const cases = await db
      .selectFrom('child_case')
      .selectAll()
      .where('municipality_id', '=', main.id)
      .execute();
    assert.ok(cases.length > 0);
    assert.ok(cases.length <= main.episodes.length);
    for (const c of cases) {
      if (c.phase === 'investigation')
        assert.ok(c.responsible_user_id, 'an investigation has a responsible worker');
      if (c.phase === 'closed') assert.ok(c.closed_on && c.closed_on <= today);
      assert.ok(c.opened_on <= today);
    }
    const mismatched = await db
      .selectFrom('report as r')
      .innerJoin('child_case as c', 'c.id', 'r.case_id')
      .select('r.id')
      .whereRef('r.child_id', '<>', 'c.child_id')
      .execute();
    assert.deepEqual(mismatched, [], "a report's child is its case's child");
    const notes = await db
      .selectFrom('case_note as n')
      .innerJoin('child_case as c', (join) =>
        join.onRef('c.municipality_id', '=', 'n.municipality_id').onRef('c.id', '=', 'n.case_id'),
      )
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('n.event_date').as('latest')])
      .where('n.municipality_id', '=', main.id)
      .executeTakeFirstOrThrow();
    assert.ok(
      Math.abs(Number(notes.n) - tiers.XS.caseNotes) < tiers.XS.caseNotes * 0.3,
      `${notes.n} notes for a target of ${tiers.XS.caseNotes}`,
    );
    assert.ok(String(notes.latest) <= today);
  });

  it('fills every table a scenario reads: placements, plans, joint visits, staff, the working day, collaboration', () => {
    for (const table of [
      'placement',
      'placement_period',
      'placement_contact',
      'placement_home',
      'sip',
      'sip_action',
      'joint_visit',
      'staff_member',
      'employment',
      'workday_notification',
      'calendar_appointment',
      'good_practice_revision',
      'action_plan_measure',
      'plan_indicator',
      'forum_meeting',
    ]) {
      assert.ok((report.counts[table] ?? 0) > 0, `${table} has rows (${report.counts[table]})`);
    }
  });

  it('places children on a decided placement intervention of their own case, in a home, with contacts in the care', async () => {
    const db = target.db;
    const placements = await db
      .selectFrom('placement as p')
      .innerJoin('child_case as c', (j) =>
        j.onRef('c.municipality_id', '=', 'p.municipality_id').onRef('c.id', '=', 'p.case_id'),
      )
      .select([
        'p.id',
        'p.child_id',
        'c.child_id as caseChild',
        'p.ended_on',
        'c.decided_on',
        'p.intervention_type_id',
        'c.id as caseId',
      ])
      .execute();
    assert.ok(placements.length > 0);
    const interventions = await db
      .selectFrom('case_intervention')
      .select(['case_id', 'intervention_type_id'])
      .execute();
    const decided = new Set(interventions.map((i) => `${i.case_id} ${i.intervention_type_id}`));
    for (const p of placements) {
      assert.equal(p.child_id, p.caseChild, "a placement's child is its case's child");
      assert.ok(decided.has(`${p.caseId} ${p.intervention_type_id}`), 'the case decided the placement');
      assert.ok(p.decided_on !== null && p.decided_on <= today);
      if (p.ended_on) assert.ok(p.ended_on <= today);
    }
    const executions = await db
      .selectFrom('decision_execution as e')
      .innerJoin('child_case as c', (j) =>
        j.onRef('c.municipality_id', '=', 'e.municipality_id').onRef('c.id', '=', 'e.case_id'),
      )
      .select(['e.case_id', 'e.intervention_type_id', 'e.carried_out_on', 'e.delay_reason', 'c.decided_on'])
      .execute();
    assert.ok(executions.length > interventions.length / 2, 'most decided interventions are carried out');
    for (const e of executions) {
      assert.ok(
        decided.has(`${e.case_id} ${e.intervention_type_id}`),
        'an execution is of a decided intervention',
      );
      if (e.carried_out_on) assert.ok(e.carried_out_on > e.decided_on! && e.carried_out_on <= today);
      else assert.ok(e.delay_reason, 'one not carried out says why');
    }
    const contacts = await db
      .selectFrom('placement_contact as k')
      .innerJoin('placement as p', 'p.id', 'k.placement_id')
      .innerJoin('placement_period as pp', 'pp.placement_id', 'p.id')
      .select(['k.on_date', 'pp.started_on', 'p.ended_on'])
      .execute();
    for (const k of contacts) {
      assert.ok(k.on_date <= today);
      if (k.ended_on) assert.ok(k.on_date <= k.ended_on);
    }
    const adopted = await db
      .selectFrom('action_plan')
      .select(['municipality_id'])
      .where('status', '=', 'adopted')
      .execute();
    assert.equal(adopted.length, 3, 'one adopted action plan per municipality');
  });

  it('creates users who log in through the real pages and see their cases', async () => {
    const config = testConfig({ secretKey: benchSecretKey });
    const app: App = await buildApp({
      config,
      db: { db: target.db, engine: target.engine, close: async () => {} },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      // A worker with an investigation under way: their worklist shows the child.
      const open = await target.db
        .selectFrom('child_case as c')
        .innerJoin('user_account as u', 'u.id', 'c.responsible_user_id')
        .innerJoin('person as p', 'p.id', 'c.child_id')
        .select(['u.username', 'p.id as childId', 'p.family_name'])
        .where('c.phase', '=', 'investigation')
        .where('c.municipality_id', '=', plan.municipalities[0]!.id)
        .executeTakeFirstOrThrow();
      const connection = new Connection(port, '127.0.0.1');
      try {
        await login(connection, open.username);
        const page = await connection.send({ method: 'GET', path: `/people/${open.childId}`, expect: [200] });
        assert.equal(page.status, 200);
        assert.ok(page.body.includes(open.family_name));
        const worklist = await connection.send({ method: 'GET', path: '/worklist', expect: [200] });
        assert.equal(worklist.status, 200);
        assert.ok(worklist.body.includes(open.family_name), 'the worklist shows the child');
      } finally {
        connection.close();
      }
    } finally {
      await app.close();
    }
  });
});
