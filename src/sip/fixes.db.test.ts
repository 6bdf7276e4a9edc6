import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSip } from '../testing/factories.ts';
import { consentForm, postForm, sipRow, start, t, world } from '../testing/sip-world.ts';

const textOf = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('SIP: fixes found by use', () => {
  it('extends the consent to a party invited after it, without recording the whole consent again', async () => {
    const w = await world();
    const id = await start(w);
    await w.clients.worker.post(`/sips/${id}/participants`, { organisationId: w.school.id });
    const saved = await postForm(w.clients.worker, `/sips/${id}/consent`, consentForm(w, [w.school.id]));
    assert.equal(saved.statusCode, 303, saved.body);
    await w.clients.worker.post(`/sips/${id}/participants`, { organisationId: w.bup.id });
    const page = await w.clients.worker.get(`/sips/${id}`);
    assert.match(textOf(page.body), /Inbjudna efter samtycket/);
    assert.match(textOf(page.body), new RegExp(`Familjen har samtyckt: lägg till ${w.bup.name}`));
    assert.doesNotMatch(textOf(page.body), new RegExp(`lägg till ${w.school.name}`), 'the school is covered');
    const before = await t.db.db
      .selectFrom('sip_consent')
      .selectAll()
      .where('sip_id', '=', id)
      .where('superseded_at', 'is', null)
      .executeTakeFirstOrThrow();
    const extended = await w.clients.worker.post(`/sips/${id}/consent/extend`, { organisationId: w.bup.id });
    assert.equal(extended.statusCode, 303);
    const now = await t.db.db
      .selectFrom('sip_consent')
      .selectAll()
      .where('sip_id', '=', id)
      .where('superseded_at', 'is', null)
      .executeTakeFirstOrThrow();
    assert.notEqual(now.id, before.id, 'a new version');
    for (const field of [
      'given_on',
      'valid_until',
      'childs_view',
      'childs_view_note',
      'guardians_note',
    ] as const)
      assert.deepEqual(now[field], before[field], field);
    const organisations = await t.db.db
      .selectFrom('sip_consent_organisation')
      .select('organisation_id')
      .where('consent_id', '=', now.id)
      .execute();
    assert.ok(organisations.some((o) => o.organisation_id === w.bup.id));
    const guardians = await t.db.db
      .selectFrom('sip_consent_guardian')
      .select('guardian_id')
      .where('consent_id', '=', now.id)
      .execute();
    assert.equal(guardians.length, 2, 'both guardians as before');
    assert.doesNotMatch(textOf((await w.clients.worker.get(`/sips/${id}`)).body), /Inbjudna efter samtycket/);
  });

  it('refuses to extend the consent to a party that does not take part, or when there is no consent', async () => {
    const w = await world();
    const id = await start(w);
    const none = await w.clients.worker.post(`/sips/${id}/consent/extend`, { organisationId: w.school.id });
    assert.equal(none.statusCode, 409);
    await w.clients.worker.post(`/sips/${id}/participants`, { organisationId: w.school.id });
    await postForm(w.clients.worker, `/sips/${id}/consent`, consentForm(w, [w.school.id]));
    const outsider = await w.clients.worker.post(`/sips/${id}/consent/extend`, {
      organisationId: w.police.id,
    });
    assert.equal(outsider.statusCode, 400);
    assert.match(outsider.body, /deltar i planen/);
    const partner = await w.clients.nurse.post(`/sips/${id}/consent/extend`, { organisationId: w.school.id });
    assert.ok(partner.statusCode === 403 || partner.statusCode === 404, `partner: ${partner.statusCode}`);
    const versions = await t.db.db.selectFrom('sip_consent').select('id').where('sip_id', '=', id).execute();
    assert.equal(versions.length, 1, 'nothing written');
  });

  it('shows a partner’s comment on an action to the coordinator at once, as text', async () => {
    const w = await world();
    const sip = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id, w.bup.id],
    });
    const schoolAction = sip.actions[1]!;
    const reported = await w.clients.nurse.post(`/sips/${sip.id}/actions/${schoolAction.id}/status`, {
      status: 'ongoing',
      note: 'Ebba har varit hos skolsköterskan två gånger',
    });
    assert.equal(reported.statusCode, 303);
    const page = await w.clients.worker.get(`/sips/${sip.id}`);
    const report = /<p class="status-report">([\s\S]*?)<\/p>/.exec(page.body)?.[1];
    assert.ok(report, `the report stands as text: ${textOf(page.body).slice(0, 3000)}`);
    assert.match(
      textOf(report),
      /Pågår rapporterat \d{4}-\d{2}-\d{2} \d{2}:\d{2} Kommentar: ”Ebba har varit hos skolsköterskan två gånger”/,
    );
  });

  it('offers no close form on a fresh draft, only a link for a draft started by mistake', async () => {
    const w = await world();
    const id = await start(w);
    const fresh = await w.clients.worker.get(`/sips/${id}`);
    assert.doesNotMatch(fresh.body, /action="\/sips\/[^"]+\/close"/);
    assert.match(fresh.body, /Startade du planen av misstag\?/);
    const asked = await w.clients.worker.get(`/sips/${id}?close=1`);
    assert.match(asked.body, /action="\/sips\/[^"]+\/close"/);
    assert.equal(
      (await w.clients.worker.post(`/sips/${id}/participants`, { organisationId: w.school.id })).statusCode,
      303,
    );
    const worked = await w.clients.worker.get(`/sips/${id}`);
    assert.match(worked.body, /action="\/sips\/[^"]+\/close"/, 'offered once the draft has been worked on');
    const active = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id],
    });
    assert.match((await w.clients.worker.get(`/sips/${active.id}`)).body, /action="\/sips\/[^"]+\/close"/);
  });

  it('takes the meeting time as 9.30 or 9:30 and stores 09:30; refuses 9,30 with a message', async () => {
    const w = await world();
    const id = await start(w);
    for (const typed of ['9.30', '9:30', '09.30']) {
      const res = await w.clients.worker.post(`/sips/${id}/plan`, {
        meetingOn: '2030-05-02',
        meetingTime: typed,
      });
      assert.equal(res.statusCode, 303, `${typed}: ${res.statusCode}`);
      assert.equal((await sipRow(id)).meeting_time, '09:30', typed);
    }
    const bad = await w.clients.worker.post(`/sips/${id}/plan`, {
      meetingOn: '2030-05-02',
      meetingTime: '9,30',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /till exempel 9\.30 eller 09:30/);
    assert.equal((await sipRow(id)).meeting_time, '09:30', 'nothing written');
  });
});
