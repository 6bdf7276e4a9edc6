import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPlan } from './plan.ts';
import { Rng, zipf } from './rng.ts';
import { tiers } from './tiers.ts';

describe('the generator plan', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = buildPlan(tiers.S, { today: '2026-06-01', seed: 5 });
    const b = buildPlan(tiers.S, { today: '2026-06-01', seed: 5 });
    const c = buildPlan(tiers.S, { today: '2026-06-01', seed: 6 });
    assert.deepEqual(a.municipalities[0]!.persons.slice(0, 20), b.municipalities[0]!.persons.slice(0, 20));
    assert.notDeepEqual(a.municipalities[0]!.persons.slice(0, 20), c.municipalities[0]!.persons.slice(0, 20));
  });

  it('has realistic shares: about half of reports investigated, caseloads near 18', () => {
    const m = buildPlan(tiers.M, { today: '2026-06-01' }).municipalities[0]!;
    const investigated = m.episodes.filter((e) => e.investigationEndDay !== null).length / m.episodes.length;
    assert.ok(investigated > 0.4 && investigated < 0.5, `investigated share ${investigated}`);
    const perChild = m.episodes.length / m.persons.filter((p) => p.isChild).length;
    assert.ok(perChild > 1.5 && perChild < 3, `${perChild} reports per child`);
    const workers = m.users.filter((u) => u.role === 'socialWorker').length;
    const caseload = m.assignments.length / workers;
    assert.ok(caseload > 10 && caseload <= 18, `caseload ${caseload}`);
    const guardians = m.persons.filter((p) => !p.isChild).length / m.persons.filter((p) => p.isChild).length;
    assert.ok(guardians > 0.7 && guardians < 1.3, `${guardians} guardians per child`);
  });

  it('spreads reports over the whole history with fewer in July', () => {
    const m = buildPlan(tiers.M, { today: '2026-06-01' }).municipalities[0]!;
    const byMonth = Array.from({ length: 12 }, () => 0);
    for (const e of m.episodes) byMonth[new Date(e.reportDay * 86_400_000).getUTCMonth()]!++;
    assert.ok(byMonth[6]! < byMonth[8]! * 0.7, `July ${byMonth[6]} vs September ${byMonth[8]}`);
    const first = Math.min(...m.episodes.map((e) => e.reportDay));
    assert.ok(m.todayDay - first > 9 * 365, 'reports reach back about ten years');
  });

  it('gives every person, user and unit its own id, across municipalities', () => {
    const plan = buildPlan(tiers.M, { today: '2026-06-01' });
    const ids = plan.municipalities.flatMap((m) => [
      m.id,
      ...m.persons.map((p) => p.id),
      ...m.users.map((u) => u.id),
      ...m.units.map((u) => u.id),
    ]);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('makes unique version-4 UUIDs and picks common names more often', () => {
    const rng = new Rng(1);
    const ids = new Set(Array.from({ length: 10_000 }, () => rng.uuid()));
    assert.equal(ids.size, 10_000);
    for (const id of [...ids].slice(0, 50))
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const names = zipf(['Andersson', 'Johansson', 'Rare']);
    const counts = { Andersson: 0, Johansson: 0, Rare: 0 };
    for (let i = 0; i < 3000; i++) counts[names.pick(rng) as keyof typeof counts]++;
    assert.ok(counts.Andersson > counts.Johansson && counts.Johansson > counts.Rare);
  });
});
