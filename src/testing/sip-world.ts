import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { addDays } from '../deadlines/calendar.ts';
import { todayInSweden } from '../platform/dates.ts';
import { type Client, login, startTestApp, type TestApp } from './app.ts';
import {
  createMunicipality,
  createPartnerOrganisation,
  createPerson,
  createUser,
  type TestUser,
} from './factories.ts';

/**
 * What the plan tests share: one app for the test file, a municipality with a child, guardians,
 * a coordinator and partner organisations, and the forms that write a plan. Importing it starts the
 * app before the file's first test and closes it after the last.
 */

export let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

export const today = todayInSweden();

/** A municipality with a child and two guardians, a coordinator, and three partner organisations. */
export async function world() {
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

export async function start(w: World): Promise<string> {
  const res = await w.clients.worker.post('/sips', { childId: w.child.id });
  assert.equal(res.statusCode, 303, res.body);
  const id = /\/sips\/([0-9a-f-]{36})/.exec(res.headers.location ?? '')?.[1];
  assert.ok(id);
  return id;
}

export const consentForm = (
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
export async function postForm(client: Client, url: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  body.append('_csrf', client.csrf);
  for (const [k, v] of Object.entries(form)) for (const value of [v].flat()) body.append(k, value);
  return client.request('POST', url, body.toString(), {
    'content-type': 'application/x-www-form-urlencoded',
  });
}

/** Takes a started plan to the point where every party can agree. */
export async function writePlan(w: World, id: string) {
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

export async function sipRow(id: string) {
  return t.db.db.selectFrom('sip').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function auditOf(userId: string, action?: string) {
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
