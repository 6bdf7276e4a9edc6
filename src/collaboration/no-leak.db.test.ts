import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../app.ts';
import { demoPassword, demoTotpSecret, seedDemoData } from '../demo/seed.ts';
import { demoNeighbourUsername } from '../forums/demo-county.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { seal } from '../platform/auth/secret-box.ts';
import { newTotpSecret, totpCode } from '../platform/auth/totp.ts';
import type { Db } from '../platform/db/database.ts';
import type { App } from '../platform/http/types.ts';
import { Client, login, testConfig } from '../testing/app.ts';
import { openTestDatabase } from '../testing/database.ts';

/**
 * The no-leak walk of the collaboration layer (issue 18), over the demo: a forum member from
 * another organisation than social services (BUP's psychologist), a member organisation's staff
 * without a seat of their own (the police), and the public visit every page of the layer they can
 * reach — examples, forums and their meetings, action plans — and none of them may see a
 * personal identity number or the name of any child in the people register.
 */

const today = '2026-03-13';
let db: Db;
let app: App;
let childNames: string[];
let secretKey: Buffer;

before(async () => {
  db = await openTestDatabase();
  const config = testConfig({ fixedToday: today, rateLimitPerMinute: 1_000_000_000 });
  await seedDemoData(db.db, { secretKey: config.secretKey, log: () => {}, today, neighbour: true });
  app = await buildApp({ config, db });
  secretKey = config.secretKey;
  const people = await db.db.selectFrom('person').select(['given_name', 'family_name']).execute();
  childNames = [...new Set(people.map((p) => `${p.given_name} ${p.family_name}`))];
});
after(async () => {
  await app?.close();
  await db?.close();
});

async function signIn(username: string): Promise<Client> {
  const user = await db.db
    .selectFrom('user_account')
    .select(['id', 'municipality_id', 'role', 'totp_secret_enc'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return login(app, {
    id: user.id,
    municipalityId: user.municipality_id,
    username,
    password: demoPassword,
    totpSecret: user.totp_secret_enc ? demoTotpSecret : null,
    role: user.role,
  });
}

/** Every page of the layer a client reaches from the lists, following the links on them. */
async function walk(client: Client, starts: string[]): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = [...starts];
  const inLayer =
    /^\/(examples|forums|action-plans|coordinator(\/(plans|visits|forums))?)(\/[0-9a-f-]{36}(\/meetings\/[0-9a-f-]{36}|\/snapshot)?)?$/;
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const res = await client.get(url);
    seen.set(url, `${res.statusCode} ${res.body}`);
    for (const [, href] of res.body.matchAll(/href="([^"?#]+)/g))
      if (href && inLayer.test(href) && !seen.has(href)) queue.push(href);
  }
  return seen;
}

const identityNumber = /(?<![0-9])(19|20)?[0-9]{6}[-+]?[0-9]{4}(?![0-9])/;

function assertNoChildData(pages: Map<string, string>, who: string) {
  for (const [url, page] of pages) {
    // A snapshot's SHA-256 digest is 64 hex digits, whose runs of digits are no one's number.
    const text = page.replace(/<[^>]+>/g, ' ').replace(/(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/g, ' ');
    const number = identityNumber.exec(text);
    assert.equal(number, null, `${who} saw an identity number on ${url}: ${number?.[0]}`);
    const name = childNames.find((n) => page.includes(n));
    assert.equal(name, undefined, `${who} saw "${name}" on ${url}`);
  }
}

describe('the no-leak walk of the collaboration layer', () => {
  it('shows a forum member from another organisation (BUP) no child', async () => {
    const pages = await walk(await signIn('bup'), ['/examples', '/forums', '/action-plans']);
    assert.ok(
      [...pages.keys()].some((u) => /^\/forums\/[0-9a-f-]{36}$/.test(u)),
      'reached the forum',
    );
    assert.ok(
      [...pages.keys()].some((u) => /\/meetings\//.test(u)),
      'reached its meetings',
    );
    assertNoChildData(pages, 'bup');
  });

  it('shows the police, a member organisation without a seat of their own, no child', async () => {
    const pages = await walk(await signIn('police'), ['/examples', '/forums', '/action-plans']);
    assert.ok(
      [...pages.keys()].some((u) => /^\/action-plans\/[0-9a-f-]{36}$/.test(u)),
      'reached the plan',
    );
    assertNoChildData(pages, 'police');
  });

  it("shows a member from the neighbour municipality in the county forum no child and nothing of Sjövik's beyond the forum", async () => {
    const norrvik = await signIn(demoNeighbourUsername);
    const pages = await walk(norrvik, ['/examples', '/forums', '/action-plans']);
    const county = await db.db
      .selectFrom('forum')
      .select('id')
      .where('reach', '=', 'county')
      .executeTakeFirstOrThrow();
    assert.match(pages.get(`/forums/${county.id}`) ?? '', /^200 /, 'reached the county forum');
    assert.ok(
      [...pages.keys()].some((u) => u.startsWith(`/forums/${county.id}/meetings/`)),
      'reached its meetings',
    );
    assertNoChildData(pages, 'norrvik');
    // Sjövik's own forum and plan are not found, and never named.
    const own = await db.db
      .selectFrom('forum')
      .select(['id', 'name'])
      .where('reach', '=', 'municipal')
      .executeTakeFirstOrThrow();
    assert.equal((await norrvik.get(`/forums/${own.id}`)).statusCode, 404);
    const plan = await db.db.selectFrom('action_plan').select(['id', 'title']).executeTakeFirstOrThrow();
    assert.equal((await norrvik.get(`/action-plans/${plan.id}`)).statusCode, 404);
    // Of Sjövik's staff, only those who sit in the county forum are named in the forums.
    const sitting = await db.db
      .selectFrom('forum_representative')
      .select('name')
      .where('forum_id', '=', county.id)
      .execute();
    const staff = await db.db
      .selectFrom('user_account as u')
      .innerJoin('municipality as m', 'm.id', 'u.municipality_id')
      .select('u.display_name')
      .where('m.code', '=', '9901')
      .execute();
    const others = staff.map((s) => s.display_name).filter((n) => !sitting.some((r) => r.name === n));
    for (const [url, page] of pages) {
      if (!url.startsWith('/forums')) continue;
      assert.ok(!page.includes(own.name), `norrvik saw Sjövik's own forum on ${url}`);
      assert.ok(!page.includes(plan.title), `norrvik saw Sjövik's plan on ${url}`);
      const named = others.find((n) => page.includes(n));
      assert.equal(named, undefined, `norrvik saw Sjövik's ${named} on ${url}`);
    }
  });

  it('shows the public published examples only, and no child', async () => {
    const anonymous = new Client(app);
    const pages = await walk(anonymous, ['/examples']);
    assert.ok(pages.size > 5, 'walked the examples');
    for (const [url, page] of pages)
      if (/^\/(forums|action-plans)/.test(url)) assert.match(page, /^302 /, `${url} is not public`);
    assertNoChildData(pages, 'the public');
  });

  it('shows the national coordinator plans, visits, snapshots and counts, and no child nor forum', async () => {
    const secret = newTotpSecret();
    await db.db
      .insertInto('operator_account')
      .values({
        username: 'walk-coordinator',
        display_name: 'Nora Samordnare',
        password_hash: await hashPassword('coordinator password walk'),
        must_change_password: false,
        totp_secret_enc: seal(secretKey, secret),
        coordinator_scope: 'national',
      })
      .execute();
    const coordinator = new Client(app);
    await coordinator.get('/operator/login');
    await coordinator.post('/operator/login', {
      username: 'walk-coordinator',
      password: 'coordinator password walk',
    });
    await coordinator.get('/operator/login/totp');
    await coordinator.post('/operator/login/totp', { code: totpCode(secret) });
    // A held visit, so that its page and snapshot are walked too.
    const plan = await db.db.selectFrom('action_plan').select('id').executeTakeFirstOrThrow();
    await coordinator.get(`/coordinator/plans/${plan.id}`);
    const made = await coordinator.post(`/coordinator/plans/${plan.id}/visits`, { visitedOn: today });
    const visit = String(made.headers.location ?? '').split('?')[0] ?? '';
    assert.match(visit, /^\/coordinator\/visits\//);
    await coordinator.get(visit);
    assert.equal((await coordinator.post(`${visit}/hold`, {})).statusCode, 303);
    const pages = await walk(coordinator, ['/coordinator', '/forums', '/action-plans']);
    assert.ok(
      [...pages.keys()].some((u) => /\/snapshot$/.test(u)),
      'reached the snapshot',
    );
    assert.ok(
      [...pages.keys()].some((u) => /^\/coordinator\/forums\/[0-9a-f-]{36}$/.test(u)),
      'reached the county forum',
    );
    for (const [url, page] of pages)
      if (/^\/(forums|action-plans)/.test(url))
        assert.match(page, /^302 /, `${url} is not the coordinator's`);
    assertNoChildData(pages, 'the coordinator');
  });
});
