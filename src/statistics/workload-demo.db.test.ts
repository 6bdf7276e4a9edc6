import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addMonths } from '../deadlines/calendar.ts';
import { demoPassword, demoTotpSecret, seedDemoData } from '../demo/seed.ts';
import { login, startTestApp, type TestApp } from '../testing/app.ts';

/** The demo's workload (src/demo/workload.ts): the pages show figures out of the box. */

const today = '2026-03-13';
let t: TestApp;
before(async () => {
  t = await startTestApp({ fixedToday: today });
  await seedDemoData(t.db.db, { secretKey: t.config.secretKey, log: () => {}, today });
});
after(() => t.close());

async function as(username: string) {
  const user = await t.db.db
    .selectFrom('user_account')
    .select(['id', 'municipality_id', 'role'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    id: user.id,
    client: await login(t.app, {
      id: user.id,
      municipalityId: user.municipality_id,
      username,
      password: demoPassword,
      totpSecret: demoTotpSecret,
      role: user.role,
    }),
  };
}

describe('the demo workload', () => {
  it('keeps six months for every case worker, the running one from the actual assignments', async () => {
    const sam = await as('socialworker');
    const months = await t.db.db
      .selectFrom('workload_month')
      .select(['user_id', 'month', 'points', 'capacity', 'weight_version', 'items'])
      .orderBy('month')
      .execute();
    const samMonths = months.filter((m) => m.user_id === sam.id);
    assert.deepEqual(
      samMonths.map((m) => m.month),
      [-5, -4, -3, -2, -1, 0].map((n) => addMonths('2026-03-01', n).slice(0, 7)),
    );
    assert.equal(new Set(months.map((m) => m.user_id)).size, 4);
    for (const m of months) {
      assert.equal(m.weight_version, 1);
      // A month's items add up to its load, and every worker has a capacity (a profile).
      assert.equal(
        Number(m.points),
        m.items.items.reduce((s, i) => s + i.points, 0),
      );
      assert.ok(Number(m.capacity) > 0);
    }
    assert.ok(Number(samMonths.at(-1)!.points) > 0, 'Sam carries cases today');
  });

  it('shows the figures on /my-workload, /statistics/workload and /admin/workload', async () => {
    const sam = await as('socialworker');
    const mine = await sam.client.get('/my-workload');
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /Kommunens poäng, version 1/);
    assert.match(mine.body, /Tungt: två akuta placeringar samma vecka/);
    const manager = await as('manager');
    const unit = await manager.client.get('/statistics/workload');
    assert.equal(unit.statusCode, 200);
    assert.match(unit.body, /Sam Berg/);
    assert.match(unit.body, /Noor Haddad/);
    const reader = await as('statistics');
    const summary = await reader.client.get('/statistics/workload');
    assert.equal(summary.statusCode, 200);
    assert.doesNotMatch(summary.body, /Sam Berg/, 'no names above the unit');
    const admin = await as('admin');
    const settings = await admin.client.get('/admin/workload');
    assert.equal(settings.statusCode, 200);
    assert.match(settings.body, /version 1/);
  });
});
