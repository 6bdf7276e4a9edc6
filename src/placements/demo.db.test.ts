import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays } from '../deadlines/calendar.ts';
import { demoPassword, demoTotpSecret, seedDemoData } from '../demo/seed.ts';
import { login, startTestApp, type TestApp } from '../testing/app.ts';

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
  return login(t.app, {
    id: user.id,
    municipalityId: user.municipality_id,
    username,
    password: demoPassword,
    totpSecret: demoTotpSecret,
    role: user.role,
  });
}

describe('the demo placements', () => {
  it('shows Sam Berg a placement at every stage, with the duties the issue lists', async () => {
    const sam = await as('socialworker');
    const list = await sam.get('/api/v1/placements');
    assert.equal(list.statusCode, 200, list.body.slice(0, 300));
    const placements: { form: string; legalBasis: string; duties: { rule: string; dueOn: string }[] }[] =
      JSON.parse(list.body).placements;
    assert.equal(placements.length, 4, 'four ongoing; the ended one is in follow-up');
    const due = (rule: string) => placements.flatMap((p) => p.duties.filter((d) => d.rule === rule));
    assert.ok(
      due('custodyTransfer').some((d) => d.dueOn < today),
      'two years and a week: custody transfer due',
    );
    assert.ok(due('lvuReview').some((d) => d.dueOn === addDays(today, 10)));
    assert.ok(due('emergencyHomeLimit').some((d) => d.dueOn < today));
    assert.ok(
      due('lvuRestrictionReview').some((d) => d.dueOn > today && d.dueOn <= addDays(today, 5)),
      'secret whereabouts reviewed',
    );
    assert.ok(
      due('movingBanReview').some((d) => d.dueOn > addDays(today, 14) && d.dueOn <= addDays(today, 21)),
      'the moving ban reviewed',
    );
    assert.equal(due('movingBanConsideration').length, 0, 'the committee applied: considered');
    const page = await sam.get('/placements');
    assert.match(page.body, /Under kommunens riktlinje/);
    const unit = await (await as('manager')).get('/worklist/unit');
    assert.match(unit.body, /Placeringarnas försenade och närmaste skyldigheter/);
    const homes = await (await as('homefinder')).get('/homes');
    assert.match(homes.body, /Misstankeregistret saknas för Olof Berg/);
    assert.match(homes.body, /ska förnyas/);
    const ended = await t.db.db
      .selectFrom('placement')
      .select('id')
      .where('ended_on', 'is not', null)
      .execute();
    assert.equal(ended.length, 1);
  });
});
