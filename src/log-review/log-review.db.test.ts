import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { todayInSweden } from '../platform/dates.ts';
import { login, startTestApp, type TestApp } from '../testing/app.ts';
import { assign, createMunicipality, createPerson, createUser } from '../testing/factories.ts';
import { auditEventsQuery, type LogFilter } from './queries.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

async function setup() {
  const municipalityId = await createMunicipality(t.db.db);
  const key = t.config.secretKey;
  const manager = await createUser(t.db.db, key, { municipalityId, role: 'manager' });
  const ownWorker = await createUser(t.db.db, key, { municipalityId, role: 'socialWorker' });
  const otherWorker = await createUser(t.db.db, key, { municipalityId, role: 'socialWorker' });
  const child = await createPerson(t.db.db, municipalityId, { givenName: 'Loggbarn' });
  await assign(t.db.db, municipalityId, child.id, ownWorker.id);
  return { municipalityId, manager, ownWorker, otherWorker, child };
}

describe('log review', () => {
  it('shows a manager who has seen a child, with access outside own cases marked unusual', async () => {
    const { manager, ownWorker, otherWorker, child } = await setup();
    await (await login(t.app, ownWorker)).get(`/people/${child.id}`);
    await (await login(t.app, otherWorker)).get(`/people/${child.id}`);
    const review = await login(t.app, manager);
    const res = await review.get(`/log-review?person=${child.personalNumber}`);
    assert.equal(res.statusCode, 200);
    const rows = res.body.split('<tr').slice(2);
    const own = rows.find((r) => r.includes(ownWorker.username))!;
    const other = rows.find((r) => r.includes(otherWorker.username))!;
    assert.ok(own && other, 'both readers are listed');
    assert.doesNotMatch(own, /row--unusual/);
    assert.match(other, /row--unusual/);
    assert.match(other, /Avvikande/);
  });

  it('shows the reason given for seeing protected whereabouts from its record, and nothing once it is culled', async () => {
    const { municipalityId, manager, ownWorker } = await setup();
    const child = await createPerson(t.db.db, municipalityId, {
      givenName: 'Skyddadbarn',
      protectedIdentity: 'protectedRegistration',
    });
    await assign(t.db.db, municipalityId, child.id, ownWorker.id);
    const reason = 'Hembesök inför beslut om insats';
    const shown = await (await login(t.app, ownWorker)).post(`/people/${child.id}/protected-details`, {
      reason,
    });
    assert.equal(shown.statusCode, 200);
    const review = await login(t.app, manager);
    const before = await review.get(`/log-review?person=${child.personalNumber}`);
    assert.equal(before.statusCode, 200);
    assert.match(before.body, new RegExp(reason));
    // Culled with the file (decision 0081 rule 2): the event stays, the reason is gone.
    await t.db.db.deleteFrom('protected_details_access').where('person_id', '=', child.id).execute();
    const afterCull = await review.get(`/log-review?person=${child.personalNumber}`);
    assert.equal(afterCull.statusCode, 200);
    assert.doesNotMatch(afterCull.body, new RegExp(reason));
    assert.match(afterCull.body, /Visade skyddad adress/);
  });

  it('shows what one user has seen, and only unusual access when asked', async () => {
    const { manager, otherWorker, child } = await setup();
    await (await login(t.app, otherWorker)).get(`/people/${child.id}`);
    const review = await login(t.app, manager);
    const res = await review.get(`/log-review?user=${otherWorker.id}&unusual=on`);
    assert.match(res.body, /Loggbarn/);
    assert.doesNotMatch(res.body, /Inga händelser/);
  });

  it('finds the user to review by username or part of the name, and lists candidates when several match', async () => {
    const { manager, ownWorker, otherWorker, child } = await setup();
    await (await login(t.app, otherWorker)).get(`/people/${child.id}`);
    const elsewhere = await createUser(t.db.db, t.config.secretKey, {
      municipalityId: await createMunicipality(t.db.db),
      role: 'socialWorker',
    });
    const review = await login(t.app, manager);

    const byUsername = await review.get(`/log-review?user=${otherWorker.username.toUpperCase()}`);
    assert.equal(byUsername.statusCode, 200);
    assert.match(byUsername.body, new RegExp(`name="user" type="text" value="${otherWorker.username}"`));
    assert.match(byUsername.body, /Loggbarn/);
    const byPart = await review.get(`/log-review?user=${encodeURIComponent(ownWorker.username.slice(-8))}`);
    assert.equal(byPart.statusCode, 200);
    assert.match(byPart.body, /Inga händelser/, 'the own worker has opened nothing');

    const several = await review.get(`/log-review?user=${encodeURIComponent('testanvändare')}`);
    assert.equal(several.statusCode, 400);
    assert.match(several.body, /Flera användare matchar/);
    for (const u of [manager, ownWorker, otherWorker])
      assert.match(several.body, new RegExp(`href="/log-review\\?person=&amp;user=${u.id}&amp;`));
    assert.doesNotMatch(several.body, new RegExp(elsewhere.username), 'never a user of another municipality');

    const nobody = await review.get('/log-review?user=ingen-sådan');
    assert.equal(nobody.statusCode, 400);
    assert.match(nobody.body, /Ingen användare med det namnet/);
    const otherId = await review.get(`/log-review?user=${elsewhere.id}`);
    assert.equal(otherId.statusCode, 400);
    assert.match(otherId.body, /Ingen användare med det namnet/);
  });

  it('filters by period', async () => {
    const { manager, ownWorker, child } = await setup();
    await (await login(t.app, ownWorker)).get(`/people/${child.id}`);
    const review = await login(t.app, manager);
    const res = await review.get(`/log-review?person=${child.id}&from=2020-01-01&to=2020-12-31`);
    assert.match(res.body, /Inga händelser/);
  });

  it('refuses a broken period and an unknown person with clear messages', async () => {
    const { manager } = await setup();
    const review = await login(t.app, manager);
    const period = await review.get('/log-review?from=2026-13-01');
    assert.equal(period.statusCode, 400);
    assert.match(period.body, /ÅÅÅÅ-MM-DD/);
    const unknown = await review.get('/log-review?person=191212121212');
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Ingen person med det personnumret/);
  });

  it('audits the review itself', async () => {
    const { manager, child } = await setup();
    const review = await login(t.app, manager);
    await review.get(`/log-review?person=${child.id}`);
    const events = await t.db.db
      .selectFrom('audit_event')
      .select(['action', 'subject_person_id'])
      .where('actor_user_id', '=', manager.id)
      .where('action', '=', 'auditLog.review')
      .execute();
    assert.deepEqual(events, [{ action: 'auditLog.review', subject_person_id: child.id }]);
  });

  it('is closed to social workers', async () => {
    const { ownWorker } = await setup();
    const client = await login(t.app, ownWorker);
    assert.equal((await client.get('/log-review')).statusCode, 403);
  });
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** The Limit that takes the page of events, and what it reads from. */
function pageLimit(node: PlanNode): PlanNode | undefined {
  if (node['Node Type'] === 'Limit' && JSON.stringify(node).includes('"audit_event"')) {
    const deeper = node.Plans?.map(pageLimit).find(Boolean);
    return deeper ?? node;
  }
  return node.Plans?.map(pageLimit).find(Boolean);
}

describe('the log review query without planner statistics', () => {
  it('reads the newest events in index order and stops after a page, for every filter', async () => {
    const { municipalityId, ownWorker, child } = await setup();
    // A trail that grew after the last ANALYZE (as on PGlite, which has no autovacuum).
    await sql`insert into audit_event (municipality_id, seq, occurred_at, actor_user_id, action, outcome,
        subject_person_id, unusual, prev_hash, hash)
      select ${municipalityId}::uuid, 1000 + g, now() - make_interval(secs => g * 60),
        case when g % 3 = 0 then ${ownWorker.id}::uuid end, 'person.read', 'allowed',
        case when g % 7 = 0 then ${child.id}::uuid end, g % 50 = 0, 'x', 'y'
      from generate_series(1, 20000) g`.execute(t.db.db);
    const today = todayInSweden();
    const period = {
      from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`,
      to: today,
      onlyUnusual: false,
    };
    const filters: LogFilter[] = [
      period,
      { ...period, personId: child.id },
      { ...period, userId: ownWorker.id },
      { ...period, personId: child.id, userId: ownWorker.id },
      { ...period, onlyUnusual: true },
    ];
    for (const filter of filters) {
      const compiled = auditEventsQuery(t.db.db, municipalityId, filter).compile();
      const { rows } = await sql
        .raw<{ 'QUERY PLAN': unknown }>(
          `explain (format json) ${compiled.sql.replace(/\$(\d+)/g, (_, n) => literal(compiled.parameters[Number(n) - 1]))}`,
        )
        .execute(t.db.db);
      const raw = rows[0]!['QUERY PLAN'];
      const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
      const limit = pageLimit(plan[0]!.Plan);
      const source = limit?.Plans?.[0];
      assert.ok(
        source && /Index/.test(source['Node Type']) && source['Relation Name'] === 'audit_event',
        `${JSON.stringify(filter)}: ${JSON.stringify(plan[0]!.Plan).slice(0, 800)}`,
      );
    }
    const page = await auditEventsQuery(t.db.db, municipalityId, { ...period, personId: child.id }).execute();
    assert.equal(page.length, 501);
    assert.ok(page.every((e, i) => i === 0 || e.occurred_at <= page[i - 1]!.occurred_at));
  });
});

function literal(value: unknown): string {
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}
