import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../app.ts';
import { demoPassword, demoTotpSecret, seedDemoData } from '../demo/seed.ts';
import type { Db } from '../platform/db/database.ts';
import type { App } from '../platform/http/types.ts';
import { type Client, login, testConfig } from '../testing/app.ts';
import { openTestDatabase } from '../testing/database.ts';

/**
 * Collaboration deviations in the demo's manager network (decision 0135): BUP reports one about
 * the school; an identity number is refused; the police (a member organisation) cannot answer it,
 * the school does; the quarterly review counts it; only an officer (the chair) reviews and closes;
 * someone outside the forum does not find the page.
 */
const today = '2026-03-13';
let db: Db;
let app: App;
let forumId = '';
let schoolId = '';

before(async () => {
  db = await openTestDatabase();
  const config = testConfig({ fixedToday: today, rateLimitPerMinute: 1_000_000_000 });
  await seedDemoData(db.db, { secretKey: config.secretKey, log: () => {}, today });
  app = await buildApp({ config, db });
  forumId = (
    await db.db.selectFrom('forum').select('id').where('reach', '=', 'municipal').executeTakeFirstOrThrow()
  ).id;
  schoolId = (
    await db.db
      .selectFrom('partner_organisation')
      .select('id')
      .where('kind', '=', 'school')
      .executeTakeFirstOrThrow()
  ).id;
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

const location = (r: { headers: Record<string, unknown> }) => String(r.headers.location ?? '');

describe('collaboration deviations', () => {
  it('are reported, answered by the counterpart only, counted for the quarter and reviewed by an officer', async () => {
    const bup = await signIn('bup');
    const url = `/forums/${forumId}/deviations`;
    assert.equal((await bup.get(url)).statusCode, 200);
    const pin = await bup.post(url, {
      counterpartOrganisationId: schoolId,
      occurredOn: '2026-03-02',
      category: 'informationNotShared',
      description: 'Skolan delade inte informationen om 201203152382.',
    });
    assert.equal(pin.statusCode, 400);
    assert.match(pin.body, /SIP/);
    const future = await bup.post(url, {
      counterpartOrganisationId: schoolId,
      occurredOn: '2026-04-02',
      category: 'informationNotShared',
      description: 'Skolan kom inte till mötet.',
    });
    assert.equal(future.statusCode, 400);
    const made = await bup.post(url, {
      counterpartOrganisationId: schoolId,
      occurredOn: '2026-03-02',
      category: 'meetingNotAttended',
      description: 'Skolan kom inte till det gemensamma mötet om rutinen för skolstart.',
      suggestion: 'Boka mötena en termin i förväg.',
    });
    assert.equal(made.statusCode, 303, made.body.slice(0, 300));
    const deviation = await db.db.selectFrom('forum_deviation').select('id').executeTakeFirstOrThrow();
    // The police are a member organisation but not the counterpart.
    const police = await signIn('police');
    const wrong = await police.post(`${url}/${deviation.id}/answer`, { answer: 'Vi svarar.' });
    assert.equal(wrong.statusCode, 409);
    // Only an officer reviews: BUP is a member.
    assert.equal((await bup.post(`${url}/${deviation.id}/review`, {})).statusCode, 403);
    const school = await signIn('partner');
    const answered = await school.post(`${url}/${deviation.id}/answer`, {
      answer: 'Kallelsen kom fram för sent; vi har bytt adress för kallelser.',
    });
    assert.equal(answered.statusCode, 303, answered.body.slice(0, 300));
    const manager = await signIn('manager');
    const page = await manager.get(url);
    assert.match(page.body, /Kvartalsgenomgång 2026-Q1/);
    assert.match(page.body, /Uteblev från möte: 1/);
    assert.match(page.body, /vi har bytt adress/);
    assert.equal(location(await manager.post(`${url}/${deviation.id}/review`, {})), `${url}?done=review`);
    assert.equal(location(await manager.post(`${url}/${deviation.id}/close`, {})), `${url}?done=close`);
    assert.equal((await manager.post(`${url}/${deviation.id}/close`, {})).statusCode, 409);
    const events = await db.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_id', '=', deviation.id)
      .where('outcome', '=', 'allowed')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['forum.reportDeviation', 'forum.answerDeviation', 'forum.reviewDeviation', 'forum.closeDeviation'],
    );
    // Someone outside the forum is told it does not exist.
    const outside = await signIn('bvc');
    assert.equal((await outside.get(url)).statusCode, 404);
  });
});
