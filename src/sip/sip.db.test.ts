import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../deadlines/calendar.ts';
import { login } from '../testing/app.ts';
import { createPerson, createSip, createUnit } from '../testing/factories.ts';
import {
  auditOf,
  consentForm,
  postForm,
  sipRow,
  start,
  t,
  today,
  world,
  writePlan,
} from '../testing/sip-world.ts';

describe('starting a plan from the child', () => {
  it('starts a draft with social services as a party and the social worker as coordinator, audited on the child', async () => {
    const w = await world();
    const person = await w.clients.worker.get(`/people/${w.child.id}`);
    assert.match(person.body, /Starta en SIP för barnet/);
    const id = await start(w);
    const row = await sipRow(id);
    assert.equal(row.status, 'draft');
    assert.equal(row.coordinator_user_id, w.users.worker.id);
    assert.equal(row.child_id, w.child.id);
    const page = await w.clients.worker.get(`/sips/${id}?notice=started`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /SIP för Ebba/);
    assert.match(page.body, /Socialtjänsten, Testkommun/);
    const events = await auditOf(w.users.worker.id, 'sip.create');
    assert.equal(events[0]?.subject_person_id, w.child.id);
    const again = await w.clients.worker.post('/sips', { childId: w.child.id });
    assert.match(again.headers.location ?? '', new RegExp(`/sips/${id}\\?notice=alreadyOpen`));
  });

  it('is not offered to partners, and refused to them', async () => {
    const w = await world();
    assert.equal((await w.clients.nurse.get(`/people/${w.child.id}`)).statusCode, 403);
    assert.equal((await w.clients.nurse.post('/sips', { childId: w.child.id })).statusCode, 403);
    assert.equal(
      (await t.db.db.selectFrom('sip').select('id').where('municipality_id', '=', w.municipalityId).execute())
        .length,
      0,
    );
  });
});

describe("starting a plan from the child's case", () => {
  it('links the plan to the case, shows the way back, and refuses a case of another child', async () => {
    const w = await world();
    const unit = await createUnit(t.db.db, w.municipalityId, 'investigation');
    await t.db.db
      .updateTable('user_account')
      .set({ unit_id: unit })
      .where('id', '=', w.users.worker.id)
      .execute();
    const kase = await t.db.db
      .insertInto('child_case')
      .values({
        municipality_id: w.municipalityId,
        child_id: w.child.id,
        unit_id: unit,
        phase: 'investigation',
        opened_on: addDays(today, -20),
        initial_decision: 'openInvestigation',
        initial_decided_on: addDays(today, -10),
        investigation_opened_on: addDays(today, -10),
        responsible_user_id: w.users.worker.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const client = await login(t.app, w.users.worker);
    const casePage = await client.get(`/cases/${kase.id}`);
    assert.equal(casePage.statusCode, 200);
    assert.match(casePage.body, /Starta en SIP för barnet/);
    assert.match(casePage.body, new RegExp(`name="caseId" value="${kase.id}"`));
    const other = await createPerson(t.db.db, w.municipalityId, { birthDate: '2015-01-01' });
    const wrong = await client.post('/sips', { childId: other.id, caseId: kase.id });
    assert.equal(wrong.statusCode, 404);
    const started = await client.post('/sips', { childId: w.child.id, caseId: kase.id });
    const id = /\/sips\/([0-9a-f-]{36})/.exec(started.headers.location ?? '')![1]!;
    assert.equal((await sipRow(id)).case_id, kase.id);
    assert.match((await client.get(`/sips/${id}`)).body, new RegExp(`href="/cases/${kase.id}"`));
  });

  it('shows what is due in plans on the worklist page too', async () => {
    const w = await world();
    await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id],
      followUpOn: addDays(today, 3),
    });
    const page = await w.clients.worker.get('/worklist');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /SIP att göra/);
    assert.match(page.body, /Uppföljningar inom två veckor/);
  });
});

describe('consent before anything is shared', () => {
  it('shows an invited partner nothing until the consent names it, and then only what it covers', async () => {
    const w = await world();
    const id = await start(w);
    await w.clients.worker.post(`/sips/${id}/participants`, { organisationId: w.school.id });
    await w.clients.worker.post(`/sips/${id}/participants`, { organisationId: w.bup.id });
    await w.clients.worker.post(`/sips/${id}/needs`, {
      needArea: 'goodHealth',
      needDescription: 'Hemlig sömnoro',
    });

    const before = await w.clients.nurse.get(`/sips/${id}`);
    assert.equal(before.statusCode, 403);
    assert.doesNotMatch(before.body, /Ebba|Hemlig/);
    assert.equal((await w.clients.nurse.get(`/api/v1/sips/${id}`)).statusCode, 403);

    // Consent for the school only, and not for the child's needs or contact details.
    const recorded = await postForm(
      w.clients.worker,
      `/sips/${id}/consent`,
      consentForm(w, [w.school.id], []),
    );
    assert.equal(recorded.statusCode, 303, recorded.body.slice(0, 1500));
    const nurse = await w.clients.nurse.get(`/sips/${id}`);
    assert.equal(nurse.statusCode, 200);
    assert.match(nurse.body, /SIP för Ebba/);
    assert.doesNotMatch(nurse.body, /Hemlig sömnoro/);
    assert.match(nurse.body, /samtycket omfattar dem inte/);
    assert.doesNotMatch(nurse.body, new RegExp(w.child.personalNumber!.slice(8)));
    assert.doesNotMatch(nurse.body, /Lena|Omar/, "the guardians' names are contact details");
    const api = await w.clients.nurse.get(`/api/v1/sips/${id}`);
    assert.equal(api.statusCode, 200);
    const json = api.json() as { needs: unknown; child: { personalNumber: string | null } };
    assert.equal(json.needs, null);
    assert.equal(json.child.personalNumber, null);

    // BUP takes part but is not named in the consent.
    const clinician = await w.clients.clinician.get(`/sips/${id}`);
    assert.equal(clinician.statusCode, 403);
    assert.match(clinician.body, /Samtycket omfattar inte din organisation/);
    // Police does not take part at all: the plan does not exist for them.
    assert.equal((await w.clients.officer.get(`/sips/${id}`)).statusCode, 404);

    // A new consent with needs and contact details widens what the school sees.
    await postForm(
      w.clients.worker,
      `/sips/${id}/consent`,
      consentForm(w, [w.school.id, w.bup.id], ['needs', 'contactDetails']),
    );
    const wider = await w.clients.nurse.get(`/sips/${id}`);
    assert.match(wider.body, /Hemlig sömnoro/);
    assert.match(wider.body, new RegExp(w.child.personalNumber!.slice(8)));
    assert.equal((await w.clients.clinician.get(`/sips/${id}`)).statusCode, 200);
  });

  it('refuses a consent without every guardian, or with a partner that does not take part, writing nothing', async () => {
    const w = await world();
    const id = await start(w);
    await w.clients.worker.post(`/sips/${id}/participants`, { organisationId: w.school.id });
    const oneGuardian = await postForm(w.clients.worker, `/sips/${id}/consent`, {
      ...consentForm(w, [w.school.id]),
      guardianIds: [w.mother.id],
    });
    assert.equal(oneGuardian.statusCode, 400);
    assert.match(oneGuardian.body, /Alla vårdnadshavare behöver samtycka/);
    const outsider = await postForm(w.clients.worker, `/sips/${id}/consent`, consentForm(w, [w.police.id]));
    assert.equal(outsider.statusCode, 400);
    const stranger = await createPerson(t.db.db, w.municipalityId, { birthDate: '1970-01-01' });
    const notGuardian = await postForm(w.clients.worker, `/sips/${id}/consent`, {
      ...consentForm(w, [w.school.id]),
      guardianIds: [w.mother.id, w.father.id, stranger.id],
    });
    assert.equal(notGuardian.statusCode, 400);
    const consents = await t.db.db.selectFrom('sip_consent').select('id').where('sip_id', '=', id).execute();
    assert.equal(consents.length, 0);
  });

  it('stops access at once when the consent is withdrawn, in the pages and in the API, and says so', async () => {
    const w = await world();
    const id = await start(w);
    await writePlan(w, id);
    assert.equal((await w.clients.nurse.get(`/sips/${id}`)).statusCode, 200);
    assert.equal((await w.clients.clinician.get(`/api/v1/sips/${id}`)).statusCode, 200);
    assert.equal((await w.clients.nurse.get('/api/v1/sips')).json().sips.length, 1);

    const withdrawn = await w.clients.worker.post(`/sips/${id}/consent/withdraw`, {
      withdrawalNote: 'Mamma ringde 10.15 och tog tillbaka samtycket',
    });
    assert.equal(withdrawn.statusCode, 303);

    const page = await w.clients.nurse.get(`/sips/${id}`);
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /Samtycket har återkallats/);
    assert.doesNotMatch(page.body, /Sover dåligt/);
    const api = await w.clients.clinician.get(`/api/v1/sips/${id}`);
    assert.equal(api.statusCode, 403);
    assert.equal(api.json().error.code, 'consentWithdrawn');
    assert.deepEqual((await w.clients.nurse.get('/api/v1/sips')).json().sips, []);
    assert.equal((await w.clients.nurse.get(`/sips/${id}/print`)).statusCode, 403);
    assert.equal((await w.clients.nurse.post(`/sips/${id}/agreement`)).statusCode, 403);
    // Social services holds the plan and still reads it.
    const worker = await w.clients.worker.get(`/sips/${id}`);
    assert.equal(worker.statusCode, 200);
    assert.match(worker.body, /Samtycket är återkallat/);
    // The withdrawal is in the trail as the consent record, without the note (decision 0081).
    const withdrawals = (await auditOf(w.users.worker.id)).filter((e) => e.action === 'sip.withdrawConsent');
    assert.equal(withdrawals.length, 1);
    assert.ok(withdrawals[0]!.record_id && withdrawals[0]!.record_id !== id, 'the consent, not the plan');
    assert.equal(withdrawals[0]!.subject_person_id, w.child.id);
    assert.equal(withdrawals[0]!.reason, null);
    assert.doesNotMatch(JSON.stringify(await auditOf(w.users.worker.id)), /Mamma ringde/);
    // The refusals are in the trail, about the child.
    const denied = (await auditOf(w.users.nurse.id)).filter((e) => e.outcome === 'denied');
    assert.ok(
      denied.some(
        (e) =>
          e.action === 'sip.read' && e.subject_person_id === w.child.id && e.reason === 'consentWithdrawn',
      ),
    );
  });

  it('lets a party record a withdrawal the family told it about, after which it sees nothing more', async () => {
    const w = await world();
    const id = await start(w);
    await writePlan(w, id);
    const res = await w.clients.clinician.post(`/sips/${id}/consent/withdraw`, {
      withdrawalNote: 'Pappa sa vid besöket att de inte vill längre',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/sips?notice=consentWithdrawn');
    assert.equal((await w.clients.clinician.get(`/sips/${id}`)).statusCode, 403);
    assert.equal((await w.clients.nurse.get(`/sips/${id}`)).statusCode, 403);
    assert.equal(
      (await w.clients.clinician.post(`/sips/${id}/consent/withdraw`, { withdrawalNote: 'igen' })).statusCode,
      403,
    );
  });

  it('ends access the day after the consent runs out', async () => {
    const w = await world();
    const sip = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id],
      consent: { givenOn: addDays(today, -200), validUntil: addDays(today, -1) },
    });
    const res = await w.clients.nurse.get(`/sips/${sip.id}`);
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /Samtycket har gått ut/);
    const lastDay = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id],
      consent: { givenOn: addDays(today, -200), validUntil: today },
    });
    assert.equal((await w.clients.nurse.get(`/sips/${lastDay.id}`)).statusCode, 200);
  });
});
