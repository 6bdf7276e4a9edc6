import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Client, login } from '../testing/app.ts';
import { expectStatus, setting, t } from '../testing/case-setting.ts';
import { openInvestigation } from './test-steps.ts';

// The case setting's today is Friday 13 March 2026: week 11.
const feedPath = (body: string) => {
  const url = /data-testid="feed-url">([^<]+)</.exec(body)?.[1];
  assert.ok(url, 'the new feed address is shown');
  return new URL(url).pathname;
};

describe('the calendar', () => {
  it("shows the worker's week with visits, SIP meetings and deadlines, books and cancels with confirmation, and refuses bad input", async () => {
    const s = await setting();
    const { caseId, child } = await openInvestigation(s, { assignTo: s.people.worker.id });
    await t.db.db
      .insertInto('sip')
      .values({
        municipality_id: s.municipalityId,
        child_id: child.id,
        case_id: caseId,
        status: 'draft',
        coordinator_user_id: s.people.worker.id,
        meeting_on: '2026-03-17',
        meeting_time: '13:00',
        meeting_place: 'Skolan',
      })
      .execute();
    const worker = await login(t.app, s.people.worker);
    const week = await worker.get('/calendar');
    expectStatus(week, 200);
    assert.match(week.body, /Vecka 11, 2026/);
    assert.match(week.body, /href="\/calendar\?week=2026-W10"/);
    assert.match(week.body, /href="\/calendar\?week=2026-W12"/);
    // Today's protection assessment is a deadline of the week.
    assert.match(week.body, /data-kind="deadline"[\s\S]*Skyddsbedömning: Vera Flödesson/);
    const next = await worker.get('/calendar?week=2026-W12');
    assert.match(next.body, /13:00–14:00<\/strong> <span class="tag">Möte<\/span> <a href="\/sips\//);
    // Booking: every field's fault named, nothing written.
    const bad = await worker.post('/calendar/appointments?week=2026-W11', {
      kind: 'party',
      date: '2026-02-30',
      start: '25:00',
      end: '',
      caseId: '11111111-1111-4111-8111-111111111111',
    });
    expectStatus(bad, 400);
    for (const message of [
      /Välj besök eller möte/,
      /Skriv ett datum/,
      /Skriv en tid som 9:30/,
      /Skriv en sluttid/,
      /Välj ett av dina ärenden/,
    ])
      assert.match(bad.body, message);
    const count = async () =>
      Number(
        (
          await t.db.db
            .selectFrom('calendar_appointment')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('municipality_id', '=', s.municipalityId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    assert.equal(await count(), 0);
    expectStatus(
      await worker.post('/calendar/appointments', { kind: 'visit', date: '2026-03-16', start: 'x\u0000' }),
      400,
    );
    assert.equal(await count(), 0);
    const booked = await worker.post('/calendar/appointments?week=2026-W11', {
      kind: 'visit',
      date: '2026-03-16',
      start: '9.30',
      end: '10:30',
      place: 'Hembesök',
      caseId,
    });
    expectStatus(booked, 303);
    assert.equal(booked.headers.location, '/calendar?week=2026-W12&notice=booked');
    assert.match((await worker.get(booked.headers.location as string)).body, /Bokat\./);
    const withVisit = await worker.get('/calendar?week=2026-W12');
    assert.match(
      withVisit.body,
      /09:30–10:30<\/strong> <span class="tag">Besök<\/span> <a href="\/cases\/[^"]+">Vera Flödesson<\/a> · Hembesök/,
    );
    const { id } = await t.db.db.selectFrom('calendar_appointment').select('id').executeTakeFirstOrThrow();
    // Cancelling cannot be undone: it needs the box ticked.
    const unconfirmed = await worker.post(`/calendar/appointments/${id}/cancel?week=2026-W12`, {});
    expectStatus(unconfirmed, 400);
    assert.match(unconfirmed.body, /Kryssa i rutan för att bekräfta/);
    // Nobody else may cancel it.
    const other = await login(t.app, s.people.worker2);
    expectStatus(await other.post(`/calendar/appointments/${id}/cancel`, { confirm: 'on' }), 404);
    assert.doesNotMatch((await other.get('/calendar?week=2026-W12')).body, /Vera/);
    expectStatus(
      await worker.post(`/calendar/appointments/${id}/cancel?week=2026-W12`, { confirm: 'on' }),
      303,
    );
    assert.doesNotMatch((await worker.get('/calendar?week=2026-W12')).body, /Hembesök/);
    // Bad weeks.
    for (const w of ['2026-W54', '2025-W53', 'next', '2026-W1'])
      assert.match((await worker.get(`/calendar?week=${w}`)).body, /Veckan ska skrivas som 2026-W49/);
    expectStatus(await worker.get('/calendar?week=2026-W54'), 400);
  });

  it('gives each user a secret feed of times only, which can be replaced and turned off', async () => {
    const s = await setting();
    const { caseId, report } = await openInvestigation(s, { assignTo: s.people.worker.id });
    const worker = await login(t.app, s.people.worker);
    expectStatus(
      await worker.post('/calendar/appointments', {
        kind: 'visit',
        date: '2026-03-16',
        start: '9:30',
        end: '10:30',
        place: 'Storgatan 1',
        caseId,
        note: 'Ring först',
      }),
      303,
    );
    const created = await worker.post('/calendar/feed', {});
    expectStatus(created, 200);
    const path = feedPath(created.body);
    assert.match(path, /^\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    // Only the hash is kept.
    const stored = await t.db.db.selectFrom('calendar_feed').select('token_hash').executeTakeFirstOrThrow();
    assert.equal(path.includes(stored.token_hash), false);
    const anonymous = new Client(t.app);
    const feed = await anonymous.get(path);
    expectStatus(feed, 200);
    assert.match(String(feed.headers['content-type']), /^text\/calendar/);
    assert.match(feed.body, /SUMMARY:Besök\r\n/);
    assert.match(feed.body, /SUMMARY:Tidsfrist\r\n/);
    assert.match(feed.body, /DTSTART:20260316T083000Z/);
    for (const secret of ['Vera', 'Flödesson', 'Storgatan', 'Ring först', caseId, report.reference, 'SIP'])
      assert.equal(feed.body.includes(secret), false, secret);
    // Replacing asks for confirmation, then the old address stops working.
    expectStatus(await worker.post('/calendar/feed', {}), 400);
    const replaced = await worker.post('/calendar/feed', { confirm: 'on' });
    expectStatus(replaced, 200);
    expectStatus(await anonymous.get(path), 404);
    const newPath = feedPath(replaced.body);
    expectStatus(await anonymous.get(newPath), 200);
    expectStatus(await worker.post('/calendar/feed/revoke', {}), 400);
    expectStatus(await worker.post('/calendar/feed/revoke', { confirm: 'on' }), 200);
    expectStatus(await anonymous.get(newPath), 404);
    // Guessed and malformed addresses.
    expectStatus(await anonymous.get(`/calendar/feed/${'A'.repeat(43)}.ics`), 404);
    assert.ok([400, 404].includes((await anonymous.get('/calendar/feed/short.ics')).statusCode));
  });

  it('gives a partner no calendar', async () => {
    const s = await setting();
    const partner = await login(t.app, s.people.partner);
    expectStatus(await partner.get('/calendar'), 403);
    expectStatus(await partner.post('/calendar/feed', {}), 403);
    expectStatus(
      await partner.post('/calendar/appointments', {
        kind: 'visit',
        date: '2026-03-16',
        start: '9:00',
        end: '10:00',
      }),
      403,
    );
    assert.equal(
      (
        await t.db.db
          .selectFrom('calendar_feed')
          .selectAll()
          .where('municipality_id', '=', s.municipalityId)
          .execute()
      ).length,
      0,
    );
  });
});
