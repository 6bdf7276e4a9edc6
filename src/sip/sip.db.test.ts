import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays } from '../deadlines/calendar.ts';
import { generatePersonalNumber } from '../people/personal-number.ts';
import { withAccess } from '../platform/access/scope.ts';
import { todayInSweden } from '../platform/dates.ts';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import {
  createMunicipality,
  createPartnerOrganisation,
  createPerson,
  createSip,
  createUnit,
  createUser,
  type TestUser,
} from '../testing/factories.ts';
import { plansDue } from './queries/lists.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const today = todayInSweden();

/** A municipality with a child and two guardians, a coordinator, and three partner organisations. */
async function world() {
  const municipalityId = await createMunicipality(t.db.db);
  const child = await createPerson(t.db.db, municipalityId, { givenName: 'Ebba', birthDate: '2014-05-06' });
  const mother = await createPerson(t.db.db, municipalityId, { givenName: 'Lena', birthDate: '1984-02-01' });
  const father = await createPerson(t.db.db, municipalityId, { givenName: 'Omar', birthDate: '1982-09-12' });
  for (const guardian of [mother, father])
    await t.db.db
      .insertInto('guardianship')
      .values({
        municipality_id: municipalityId,
        child_id: child.id,
        guardian_id: guardian.id,
        kind: 'guardian',
      })
      .execute();
  const school = await createPartnerOrganisation(t.db.db, municipalityId, {
    kind: 'school',
    name: 'Björkskolan',
  });
  const bup = await createPartnerOrganisation(t.db.db, municipalityId, {
    kind: 'childPsychiatry',
    name: 'BUP Väst',
  });
  const police = await createPartnerOrganisation(t.db.db, municipalityId, {
    kind: 'police',
    name: 'Polisen Väst',
  });
  const user = (role: 'socialWorker' | 'manager' | 'partnerProfessional', organisation?: string) =>
    createUser(t.db.db, t.config.secretKey, {
      municipalityId,
      role,
      ...(organisation ? { partnerOrganisationId: organisation } : {}),
    });
  const users = {
    worker: await user('socialWorker'),
    otherWorker: await user('socialWorker'),
    manager: await user('manager'),
    nurse: await user('partnerProfessional', school.id),
    clinician: await user('partnerProfessional', bup.id),
    officer: await user('partnerProfessional', police.id),
  };
  const clients = {} as Record<keyof typeof users, Client>;
  for (const [name, u] of Object.entries(users) as [keyof typeof users, TestUser][])
    clients[name] = await login(t.app, u);
  return { municipalityId, child, mother, father, school, bup, police, users, clients };
}

type World = Awaited<ReturnType<typeof world>>;

async function start(w: World): Promise<string> {
  const res = await w.clients.worker.post('/sips', { childId: w.child.id });
  assert.equal(res.statusCode, 303, res.body);
  const id = /\/sips\/([0-9a-f-]{36})/.exec(res.headers.location ?? '')?.[1];
  assert.ok(id);
  return id;
}

const consentForm = (
  w: World,
  organisations: string[],
  kinds: string[] = ['needs'],
): Record<string, string | string[]> => ({
  givenOn: today,
  validUntil: addDays(today, 180),
  guardianIds: [w.mother.id, w.father.id],
  childsView: 'agrees',
  childsViewNote: 'Ebba vill att skolsköterskan är med.',
  organisationIds: organisations,
  informationKinds: kinds,
});

/** Posts a form with repeated fields (arrays) the way a browser sends checkboxes. */
async function postForm(client: Client, url: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  body.append('_csrf', client.csrf);
  for (const [k, v] of Object.entries(form)) for (const value of [v].flat()) body.append(k, value);
  return client.request('POST', url, body.toString(), {
    'content-type': 'application/x-www-form-urlencoded',
  });
}

/** Takes a started plan to the point where every party can agree. */
async function writePlan(w: World, id: string) {
  const c = w.clients.worker;
  for (const org of [w.school.id, w.bup.id])
    assert.equal((await c.post(`/sips/${id}/participants`, { organisationId: org })).statusCode, 303);
  assert.equal(
    (await postForm(c, `/sips/${id}/consent`, consentForm(w, [w.school.id, w.bup.id]))).statusCode,
    303,
  );
  assert.equal(
    (
      await c.post(`/sips/${id}/needs`, {
        needArea: 'goodHealth',
        needDescription: 'Sover dåligt och har ont i magen före skolan',
      })
    ).statusCode,
    303,
  );
  assert.equal(
    (
      await c.post(`/sips/${id}/goals`, {
        goalArea: 'successInSchool',
        goal: 'Ebba går i skolan varje dag',
        childsWords: 'Jag vill orka gå till skolan',
      })
    ).statusCode,
    303,
  );
  for (const [responsible, description] of [
    [w.school.id, 'Samtal med skolsköterskan varje vecka'],
    [w.bup.id, 'Bedömning av sömn och oro'],
    ['other', 'Följer med till BUP'],
  ] as const) {
    const res = await c.post(`/sips/${id}/actions`, {
      actionDescription: description,
      responsible,
      responsibleOther: responsible === 'other' ? 'Mamma Lena' : '',
      dueOn: addDays(today, 10),
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
  }
  const frame = await c.post(`/sips/${id}/plan`, {
    leadOrganisationId: w.bup.id,
    meetingOn: addDays(today, 3),
    meetingTime: '09:30',
    meetingPlace: 'Björkskolan, rum 12',
    followUpOn: addDays(today, 60),
    familyParticipants: 'Ebba, mamma Lena, pappa Omar',
    summaryForChild: 'Vi hjälps åt så att du orkar gå till skolan.',
  });
  assert.equal(frame.statusCode, 303, frame.body.slice(0, 2000));
}

async function sipRow(id: string) {
  return t.db.db.selectFrom('sip').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function auditOf(userId: string, action?: string) {
  let q = t.db.db
    .selectFrom('audit_event')
    .select([
      'action',
      'outcome',
      'subject_person_id',
      'record_id',
      'reason',
      'actor_organisation',
      'unusual',
    ])
    .where('actor_user_id', '=', userId)
    .orderBy('seq');
  if (action) q = q.where('action', '=', action);
  return q.execute();
}

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

describe('from draft to agreement, follow-up and closing', () => {
  it('lists what is missing, takes every party’s agreement, and puts the plan in force on the last one', async () => {
    const w = await world();
    const id = await start(w);
    const early = await w.clients.worker.get(`/sips/${id}`);
    assert.match(early.body, /minst en organisation utöver socialtjänsten/);
    assert.equal((await w.clients.worker.post(`/sips/${id}/agreement`)).statusCode, 409);
    await writePlan(w, id);
    const ready = await w.clients.worker.get(`/sips/${id}`);
    assert.doesNotMatch(ready.body, /Innan parterna kan godkänna/);

    assert.match(
      (await w.clients.worker.post(`/sips/${id}/agreement`)).headers.location ?? '',
      /notice=agreed/,
    );
    assert.match(
      (await w.clients.nurse.post(`/sips/${id}/agreement`)).headers.location ?? '',
      /notice=agreed/,
    );
    // A change to the plan makes the agreements so far stale.
    await w.clients.worker.post(`/sips/${id}/goals`, {
      goalArea: 'safetyAtHome',
      goal: 'Lugna kvällar hemma',
    });
    const stale = await w.clients.clinician.post(`/sips/${id}/agreement`);
    assert.match(stale.headers.location ?? '', /notice=agreed/);
    assert.equal((await sipRow(id)).status, 'draft', 'the others agreed to an earlier version');
    await w.clients.worker.post(`/sips/${id}/agreement`);
    const api = await w.clients.nurse.postJson(`/api/v1/sips/${id}/agreement`, {});
    assert.equal(api.statusCode, 200);
    assert.deepEqual(api.json(), { status: 'active' });
    const row = await sipRow(id);
    assert.equal(row.status, 'active');
    assert.equal(row.agreed_on, today);
    // An active plan is not edited in place.
    assert.equal(
      (await w.clients.worker.post(`/sips/${id}/needs`, { needArea: 'goodHealth', needDescription: 'x' }))
        .statusCode,
      409,
    );
  });

  it('records a follow-up with each action’s status, and lets a party report its own action only', async () => {
    const w = await world();
    const sip = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id, w.bup.id],
    });
    const [socialAction, schoolAction, bupAction] = sip.actions;
    const own = await w.clients.nurse.post(`/sips/${sip.id}/actions/${schoolAction!.id}/status`, {
      status: 'ongoing',
      note: 'Första samtalet hölls',
    });
    assert.equal(own.statusCode, 303);
    const others = await w.clients.nurse.post(`/sips/${sip.id}/actions/${bupAction!.id}/status`, {
      status: 'done',
    });
    assert.equal(others.statusCode, 409);
    const viaApi = await w.clients.clinician.postJson(
      `/api/v1/sips/${sip.id}/actions/${bupAction!.id}/status`,
      {
        status: 'done',
      },
    );
    assert.equal(viaApi.statusCode, 200);

    const form = await w.clients.worker.get(`/sips/${sip.id}/follow-up`);
    assert.equal(form.statusCode, 200);
    const missing = await w.clients.worker.post(`/sips/${sip.id}/follow-up`, {
      heldOn: today,
      nextFollowUpOn: addDays(today, 90),
      [`status-${socialAction!.id}`]: 'done',
    });
    assert.equal(missing.statusCode, 400);
    const saved = await w.clients.worker.post(`/sips/${sip.id}/follow-up`, {
      heldOn: today,
      note: 'Ebba går i skolan fyra dagar av fem.',
      nextFollowUpOn: addDays(today, 90),
      [`status-${socialAction!.id}`]: 'done',
      [`status-${schoolAction!.id}`]: 'ongoing',
      [`note-${schoolAction!.id}`]: 'Fortsätter året ut',
      [`status-${bupAction!.id}`]: 'done',
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 1500));
    assert.equal((await sipRow(sip.id)).follow_up_on, addDays(today, 90));
    const page = await w.clients.nurse.get(`/sips/${sip.id}`);
    assert.match(page.body, /fyra dagar av fem/);
    assert.match(page.body, /Fortsätter året ut/);
    // Partners do not record follow-ups.
    assert.equal((await w.clients.nurse.get(`/sips/${sip.id}/follow-up`)).statusCode, 404);
  });

  it('closes with a reason, after which partners no longer see the plan', async () => {
    const w = await world();
    const sip = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id],
    });
    assert.equal((await w.clients.worker.post(`/sips/${sip.id}/close`, { reason: 'other' })).statusCode, 400);
    assert.equal(
      (await w.clients.worker.post(`/sips/${sip.id}/close`, { reason: 'declined' })).statusCode,
      400,
    );
    const closed = await w.clients.worker.post(`/sips/${sip.id}/close`, {
      reason: 'goalsMet',
      closeNote: 'Bra!',
    });
    assert.equal(closed.statusCode, 303);
    const row = await sipRow(sip.id);
    assert.deepEqual([row.status, row.close_reason, row.closed_on], ['closed', 'goalsMet', today]);
    const nurse = await w.clients.nurse.get(`/sips/${sip.id}`);
    assert.equal(nurse.statusCode, 403);
    assert.match(nurse.body, /Planen är avslutad/);
    assert.equal((await w.clients.worker.get(`/sips/${sip.id}`)).statusCode, 200);
  });

  it('lets only the coordinator or a manager change the plan; other social workers read it', async () => {
    const w = await world();
    const id = await start(w);
    assert.equal((await w.clients.otherWorker.get(`/sips/${id}`)).statusCode, 200);
    const refused = await w.clients.otherWorker.post(`/sips/${id}/needs`, {
      needArea: 'goodHealth',
      needDescription: 'X',
    });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /Bara planens samordnare/);
    const manager = await w.clients.manager.post(`/sips/${id}/needs`, {
      needArea: 'goodHealth',
      needDescription: 'Y',
    });
    assert.equal(manager.statusCode, 303);
    const reads = await auditOf(w.users.otherWorker.id, 'sip.read');
    assert.equal(reads[0]?.unusual, true, "another worker's child is unusual for them");
  });

  it('prints a plan for the family with a summary for the child first', async () => {
    const w = await world();
    const id = await start(w);
    await writePlan(w, id);
    const print = await w.clients.worker.get(`/sips/${id}/print`);
    assert.equal(print.statusCode, 200);
    assert.match(print.body, /Hej Ebba!/);
    assert.match(print.body, /Vi hjälps åt så att du orkar gå till skolan/);
    assert.match(print.body, /Jag vill orka gå till skolan/);
    assert.ok(print.body.indexOf('Hej Ebba') < print.body.indexOf('Bedömning av sömn'));
    assert.equal((await auditOf(w.users.worker.id, 'sip.print')).length, 1);
  });
});

describe('a partner asks for a plan', () => {
  it('sends a request that social services takes up by the child’s number; the partner becomes a party', async () => {
    const w = await world();
    const form = await w.clients.nurse.get('/sips/request');
    assert.equal(form.statusCode, 200);
    const sent = await w.clients.nurse.post('/sips/requests', {
      childName: 'Ebba',
      personalNumber: w.child.personalNumber!,
      reason: 'Hög frånvaro och oro, behöver BUP och socialtjänst',
      guardiansAgree: 'on',
    });
    assert.equal(sent.statusCode, 303);
    const request = await t.db.db
      .selectFrom('sip')
      .selectAll()
      .where('municipality_id', '=', w.municipalityId)
      .executeTakeFirstOrThrow();
    assert.equal(request.status, 'requested');
    assert.equal(request.child_id, null, 'not matched to the register on the partner’s word');

    const home = await w.clients.worker.get('/');
    assert.match(home.body, /Begäranden som väntar på socialtjänsten/);
    const own = await w.clients.nurse.get(`/sips/${request.id}`);
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /Hög frånvaro/);
    assert.equal((await w.clients.clinician.get(`/sips/${request.id}`)).statusCode, 404);

    const accepted = await w.clients.worker.post(`/sips/${request.id}/accept`, {});
    assert.equal(accepted.statusCode, 303);
    const row = await sipRow(request.id);
    assert.deepEqual(
      [row.status, row.child_id, row.coordinator_user_id],
      ['draft', w.child.id, w.users.worker.id],
    );
    const parties = await t.db.db
      .selectFrom('sip_participant')
      .select('organisation_id')
      .where('sip_id', '=', request.id)
      .execute();
    assert.ok(parties.some((p) => p.organisation_id === w.school.id));
    // The partner sees the plan only with consent, like every party.
    assert.equal((await w.clients.nurse.get(`/sips/${request.id}`)).statusCode, 403);
  });

  it('answers the same whether or not the child is known to social services', async () => {
    const w = await world();
    const unknownNumber = generatePersonalNumber('2010-01-01', 987);
    const a = await w.clients.nurse.post('/sips/requests', {
      childName: 'Okänd',
      personalNumber: unknownNumber,
      reason: 'Behov',
      guardiansAgree: 'on',
    });
    const b = await w.clients.nurse.post('/sips/requests', {
      childName: 'Ebba',
      personalNumber: w.child.personalNumber!,
      reason: 'Behov',
      guardiansAgree: 'on',
    });
    assert.deepEqual([a.statusCode, a.headers.location], [b.statusCode, b.headers.location]);
    const unknown = await t.db.db
      .selectFrom('sip')
      .select('id')
      .where('requested_personal_number', '=', unknownNumber)
      .executeTakeFirstOrThrow();
    const notInRegister = await w.clients.worker.post(`/sips/${unknown.id}/accept`, {});
    assert.equal(notInRegister.statusCode, 400);
    assert.match(notInRegister.body, /finns inte i personregistret/);
  });

  it('refuses a request without the guardians’ agreement or with a bad number', async () => {
    const w = await world();
    const res = await w.clients.nurse.post('/sips/requests', {
      childName: 'Ebba',
      personalNumber: '20140506-0000',
      reason: 'Behov',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Vårdnadshavarna behöver veta om/);
    assert.equal((await w.clients.worker.post('/sips/requests', { childName: 'x' })).statusCode, 403);
  });
});

describe('worklists', () => {
  it('shows the coordinator the follow-ups and actions due, and the partner its own actions while consent holds', async () => {
    const w = await world();
    const due = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id],
      followUpOn: addDays(today, 5),
      actionDueOn: addDays(today, -2),
    });
    const other = await createPerson(t.db.db, w.municipalityId, {
      givenName: 'Hamid',
      birthDate: '2016-01-01',
    });
    await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: other.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id],
      consent: { withdrawn: true },
      actionDueOn: addDays(today, 1),
    });
    const worker = await w.clients.worker.get('/');
    assert.match(worker.body, /Uppföljningar inom två veckor/);
    assert.match(worker.body, new RegExp(`/sips/${due.id}`));
    assert.match(worker.body, /Försenad/);
    const nurse = await w.clients.nurse.get('/');
    assert.match(nurse.body, /Insatser som ska vara klara inom två veckor/);
    assert.match(nurse.body, /Ebba/);
    assert.doesNotMatch(nurse.body, /Hamid/, 'no consent, no worklist entry');
    assert.match(nurse.body, /Planer som din organisation deltar i/);
    const listed = await auditOf(w.users.nurse.id, 'sip.list');
    assert.ok(listed.every((e) => e.subject_person_id === w.child.id));
    assert.ok(
      listed.every((e) => e.unusual === false),
      'a party reading its own plan is not unusual',
    );
    assert.equal((await w.clients.officer.get('/')).statusCode, 200);
  });
  it('reads follow-ups, requests and drafts in one statement, each in its order, kept to the coordinator', async () => {
    const w = await world();
    const plan = async (
      coordinator: TestUser,
      status: 'draft' | 'active' | 'closed' | 'requested',
      followUpIn: number,
    ) => {
      const child = await createPerson(t.db.db, w.municipalityId, { birthDate: '2015-03-03' });
      const sip = await createSip(t.db.db, {
        municipalityId: w.municipalityId,
        childId: child.id,
        coordinatorUserId: coordinator.id,
        organisationIds: [w.school.id],
        status: status === 'requested' ? 'draft' : status,
        followUpOn: addDays(today, followUpIn),
      });
      if (status === 'requested')
        await t.db.db
          .updateTable('sip')
          .set({ status: 'requested', requested_by_organisation_id: w.school.id })
          .where('id', '=', sip.id)
          .execute();
      return sip.id;
    };
    const { worker, otherWorker } = w.users;
    const later = await plan(worker, 'active', 3);
    const sooner = await plan(worker, 'active', 1);
    await plan(worker, 'active', 40);
    const othersDue = await plan(otherWorker, 'active', 2);
    const draft = await plan(worker, 'draft', 10);
    const othersDraft = await plan(otherWorker, 'draft', 5);
    const request = await plan(otherWorker, 'requested', 0);
    await plan(worker, 'closed', 1);

    const read = (user: TestUser, role: 'socialWorker' | 'manager', coordinator: string | null) =>
      withAccess(
        t.db.db,
        {
          actor: {
            userId: user.id,
            municipalityId: w.municipalityId,
            role,
            unitId: null,
            displayName: 'Test',
            organisation: 'Socialtjänsten',
            partnerKind: null,
            secondFactorDone: true,
          },
          clientAddress: null,
        },
        async (scope) => {
          scope.authorize('sip.list', { type: 'sipRegister', municipalityId: w.municipalityId });
          return plansDue(scope, coordinator, addDays(today, 14));
        },
      );
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    const mine = await read(worker, 'socialWorker', worker.id);
    assert.deepEqual(ids(mine.followUps), [sooner, later], 'own, by the horizon, soonest first');
    assert.deepEqual(ids(mine.requests), [request], 'requests are for anyone to take');
    assert.deepEqual(ids(mine.drafts), [draft]);
    const all = await read(w.users.manager, 'manager', null);
    assert.deepEqual(ids(all.followUps), [sooner, othersDue, later]);
    assert.deepEqual(ids(all.drafts), [othersDraft, draft], 'drafts by follow-up date');
    assert.ok(!('category' in (all.followUps[0] ?? {})), 'only the list columns leave the query');
  });
});

describe('the JSON API', () => {
  it('is described in the OpenAPI document', async () => {
    const w = await world();
    const doc = (await w.clients.worker.get('/openapi.json')).json() as { paths: Record<string, unknown> };
    for (const path of [
      '/api/v1/sips',
      '/api/v1/sips/{id}',
      '/api/v1/sips/{id}/agreement',
      '/api/v1/sips/{id}/actions/{actionId}/status',
    ])
      assert.ok(doc.paths[path], path);
    assert.ok(
      !Object.keys(doc.paths).some((p) => p.startsWith('/sips')),
      'pages stay out of the API document',
    );
  });

  it('refuses a malformed status report and an unknown action', async () => {
    const w = await world();
    const sip = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id],
    });
    const own = sip.actions.find((a) => a.responsible_organisation_id === w.school.id)!;
    const bad = await w.clients.nurse.postJson(`/api/v1/sips/${sip.id}/actions/${own.id}/status`, {
      status: 'finished',
    });
    assert.equal(bad.statusCode, 400);
    const unknown = await w.clients.nurse.postJson(
      `/api/v1/sips/${sip.id}/actions/00000000-0000-4000-8000-000000000000/status`,
      { status: 'done' },
    );
    assert.equal(unknown.statusCode, 404);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/sips/${sip.id}` });
    assert.equal(anonymous.statusCode, 401);
  });
});

describe('the trail and the tenancy', () => {
  it('shows the manager who read the plan, with the partner’s organisation', async () => {
    const w = await world();
    const sip = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.bup.id],
    });
    await w.clients.clinician.get(`/sips/${sip.id}`);
    const review = await w.clients.manager.get(`/log-review?person=${w.child.id}`);
    assert.match(review.body, /Öppnade SIP/);
    assert.match(review.body, /BUP Väst/);
    const [read] = await auditOf(w.users.clinician.id, 'sip.read');
    assert.equal(read?.actor_organisation, 'BUP Väst');
    assert.equal(read?.reason, 'plan,needs,contactDetails');
  });

  it('keeps plans inside their municipality', async () => {
    const w = await world();
    const sip = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [w.school.id],
    });
    const elsewhere = await createMunicipality(t.db.db);
    const stranger = await createUser(t.db.db, t.config.secretKey, {
      municipalityId: elsewhere,
      role: 'manager',
    });
    const client = await login(t.app, stranger);
    assert.equal((await client.get(`/sips/${sip.id}`)).statusCode, 404);
    assert.equal((await client.post(`/sips/${sip.id}/close`, { reason: 'goalsMet' })).statusCode, 404);
    assert.equal((await sipRow(sip.id)).status, 'active');
  });

  it('escapes what is typed into the plan and refuses what is too long or malformed', async () => {
    const w = await world();
    const id = await start(w);
    await w.clients.worker.post(`/sips/${id}/needs`, {
      needArea: 'goodHealth',
      needDescription: '<script>alert(1)</script>',
    });
    const page = await w.clients.worker.get(`/sips/${id}`);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.match(page.body, /&lt;script>alert/);
    assert.equal(
      (
        await w.clients.worker.post(`/sips/${id}/needs`, {
          needArea: 'goodHealth',
          needDescription: 'x'.repeat(2500),
        })
      ).statusCode,
      400,
    );
    assert.equal(
      (await w.clients.worker.post(`/sips/${id}/needs`, { needArea: 'wealth', needDescription: 'x' }))
        .statusCode,
      400,
    );
    assert.equal((await w.clients.worker.get('/sips/not-a-uuid')).statusCode, 400);
    assert.equal(
      (
        await w.clients.worker.post(`/sips/${id}/needs`, {
          _csrf: 'forged',
          needArea: 'goodHealth',
          needDescription: 'x',
        })
      ).statusCode,
      403,
    );
    assert.equal(
      (
        await w.clients.worker.post(`/sips/${id}/actions`, {
          actionDescription: 'x',
          responsible: w.police.id,
          dueOn: today,
        })
      ).statusCode,
      400,
    );
  });
});
