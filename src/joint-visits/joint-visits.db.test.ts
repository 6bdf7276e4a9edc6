import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { login } from '../testing/app.ts';
import { expectStatus, openedCase, setting, t, today } from '../testing/case-setting.ts';
import { createPartnerOrganisation, createUser } from '../testing/factories.ts';

/**
 * Joint home visits through the app: recorded by social services on a report, the family's consent
 * before anything for the police, and the police reading the summary and nothing else.
 */

const yesterday = '2026-03-12';

async function world() {
  const s = await setting();
  const intake = await login(t.app, s.people.intake);
  const { child, report, caseId } = await openedCase(s, intake);
  const police = await createPartnerOrganisation(t.db.db, s.municipalityId, {
    kind: 'police',
    name: 'Polisen Sjövik',
  });
  const otherPolice = await createPartnerOrganisation(t.db.db, s.municipalityId, {
    kind: 'police',
    name: 'Polisen Norr',
  });
  const user = (organisationId: string) =>
    createUser(t.db.db, t.config.secretKey, {
      municipalityId: s.municipalityId,
      role: 'partnerProfessional',
      partnerKind: 'police',
      partnerOrganisationId: organisationId,
    });
  const officer = await login(t.app, await user(police.id));
  const otherOfficer = await login(t.app, await user(otherPolice.id));
  const school = await login(t.app, s.people.partner);
  return { s, intake, child, report, caseId, police, officer, otherOfficer, school };
}

const frame = (w: Awaited<ReturnType<typeof world>>, fields: Record<string, string> = {}) => ({
  reportId: w.report.id,
  policeOrganisationId: w.police.id,
  policeReference: '5000-K123456-26',
  incidentDate: yesterday,
  incidentTime: '21:10',
  visitDate: yesterday,
  visitTime: '22.05',
  place: 'Familjens bostad',
  socialServicesParticipants: 'Ada Lind, socialsekreterare',
  policeParticipants: 'Per Olsson, polisinspektör',
  ...fields,
});

const visitsOf = (reportId: string) =>
  t.db.db.selectFrom('joint_visit').selectAll().where('report_id', '=', reportId).execute();

async function recorded(w: Awaited<ReturnType<typeof world>>) {
  await w.intake.get(`/joint-visits/new?report=${w.report.id}`);
  const res = await w.intake.post('/joint-visits', frame(w));
  expectStatus(res, 303);
  return (res.headers.location as string).split('?')[0]!.split('/').pop()!;
}

const account = 'Pappa skrek och slog i dörren, jag gömde mig i garderoben.';
const summary = 'Familjen har tackat ja till stödsamtal. Socialtjänsten följer upp.';

describe('recording a joint visit', () => {
  it('is found by the report’s reference, linked to the report and its case, with a follow-up 14 days on', async () => {
    const w = await world();
    const form = await w.intake.get(`/joint-visits/new?reference=${w.report.reference.toLowerCase()}`);
    expectStatus(form, 200);
    assert.match(form.body, /Registrera gemensamt hembesök/);
    assert.match(form.body, /Vera Flödesson/);
    const id = await recorded(w);
    const [visit] = await visitsOf(w.report.id);
    assert.equal(visit?.id, id);
    assert.equal(visit?.case_id, w.caseId);
    assert.equal(visit?.child_id, w.child.id);
    assert.equal(visit?.incident_at.toISOString(), '2026-03-12T20:10:00.000Z');
    assert.equal(visit?.visit_at.toISOString(), '2026-03-12T21:05:00.000Z');
    assert.equal(visit?.follow_up_on, '2026-03-26');
    const page = await w.intake.get(`/joint-visits/${id}`);
    expectStatus(page, 200);
    assert.match(page.body, /55 min/);
    assert.match(page.body, /Inget samtycke registrerat/);
    const audit = await t.db.db
      .selectFrom('audit_event')
      .select(['subject_person_id'])
      .where('action', '=', 'jointVisit.create')
      .where('record_id', '=', id)
      .execute();
    assert.equal(audit[0]?.subject_person_id, w.child.id);
    // The case page lists it and offers a new one.
    const casePage = await w.intake.get(`/cases/${w.caseId}`);
    assert.match(casePage.body, new RegExp(`/joint-visits/${id}`));
    assert.match(casePage.body, new RegExp(`/joint-visits/new\\?report=${w.report.id}`));
  });

  it('refuses a visit before the incident, in the future, or with bad times, saying why and writing nothing', async () => {
    const w = await world();
    await w.intake.get(`/joint-visits/new?report=${w.report.id}`);
    for (const [fields, message] of [
      [{ visitTime: '21:00' }, /Besöket kan inte vara före händelsen/],
      [{ visitDate: '2099-01-01' }, /Tiden kan inte vara i framtiden/],
      [{ incidentTime: '25:99' }, /Skriv klockslaget som TT:MM/],
      [{ policeReference: '', place: '' }, /Polisens diarienummer: Fyll i fältet/],
      [{ followUpOn: '2026-03-01' }, /Uppföljningen kan inte vara före besöket/],
      [{ policeOrganisationId: w.s.investigationUnit }, /Välj ett av alternativen/],
    ] as const) {
      const res = await w.intake.post('/joint-visits', frame(w, fields));
      expectStatus(res, 400);
      assert.match(res.body, message);
    }
    const control = await w.intake.post('/joint-visits', frame(w, { place: 'Hem\u0000ma' }));
    assert.equal(control.statusCode, 400);
    assert.equal((await visitsOf(w.report.id)).length, 0);
  });

  it('is refused to a social worker who does not hold the case, and to partners', async () => {
    const w = await world();
    const worker2 = await login(t.app, w.s.people.worker2);
    expectStatus(await worker2.get(`/joint-visits/new?report=${w.report.id}`), 403);
    expectStatus(await worker2.post('/joint-visits', frame(w)), 403);
    expectStatus(await w.officer.post('/joint-visits', frame(w)), 403);
    assert.equal((await visitsOf(w.report.id)).length, 0);
    const id = await recorded(w);
    expectStatus(await worker2.get(`/joint-visits/${id}`), 403);
  });
});

describe('consent before anything is noted for the police', () => {
  it('refuses a summary for the police until the family’s consent is recorded, and keeps the rest unwritten', async () => {
    const w = await world();
    const id = await recorded(w);
    await w.intake.get(`/joint-visits/${id}`);
    const early = await w.intake.post(`/joint-visits/${id}/findings`, {
      childMetAlone: 'yes',
      childsAccount: account,
      policeSummary: summary,
    });
    expectStatus(early, 400);
    assert.match(early.body, /Registrera familjens samtycke innan du skriver något för polisen/);
    const [before] = await visitsOf(w.report.id);
    assert.equal(before?.childs_account, '');
    assert.equal(before?.police_summary, null);

    expectStatus(await w.intake.post(`/joint-visits/${id}/consent`, { consentGivenBy: '' }), 400);
    expectStatus(
      await w.intake.post(`/joint-visits/${id}/consent`, {
        consentGivenBy: 'Mamma',
        consentKinds: 'childsAccount',
      }),
      400,
    );
    expectStatus(
      await w.intake.post(`/joint-visits/${id}/consent`, {
        consentGivenBy: 'Mamma Lina och barnet',
        consentKinds: 'summary',
      }),
      303,
    );
    // A consent in force is not recorded over.
    expectStatus(await w.intake.post(`/joint-visits/${id}/consent`, { consentGivenBy: 'Pappa' }), 409);
    expectStatus(
      await w.intake.post(`/joint-visits/${id}/findings`, {
        childMetAlone: 'no',
        childNotMetAloneReason: '',
        childsAccount: account,
      }),
      400,
    );
    expectStatus(
      await w.intake.post(`/joint-visits/${id}/findings`, {
        childMetAlone: 'yes',
        childsAccount: account,
        riskFactors: 'Våld mellan de vuxna.',
        protectiveFactors: 'Mormor bor nära.',
        protectionOutcome: 'noImmediateProtection',
        supportOffered: 'Stödsamtal på Familjecentrum',
        supportResponse: 'accepted',
        policeSummary: summary,
      }),
      303,
    );
    const [after] = await visitsOf(w.report.id);
    assert.equal(after?.police_summary, summary);
    assert.equal(after?.childs_account, account);
  });
});

describe('what the police see', () => {
  it('nothing without consent; then only the summary the consent covers, and never the file', async () => {
    const w = await world();
    const id = await recorded(w);
    expectStatus(await w.officer.get(`/joint-visits/${id}/summary`), 404);
    expectStatus(await w.officer.get(`/api/v1/joint-visits/${id}`), 404);
    const emptyList = await w.officer.get('/joint-visits');
    expectStatus(emptyList, 200);
    assert.match(emptyList.body, /Det finns inga sammanfattningar som du kan se/);

    await w.intake.get(`/joint-visits/${id}`);
    await w.intake.post(`/joint-visits/${id}/consent`, { consentGivenBy: 'Mamma', consentKinds: 'summary' });
    await w.intake.post(`/joint-visits/${id}/findings`, {
      childMetAlone: 'yes',
      childsAccount: account,
      riskFactors: 'Våld mellan de vuxna.',
      supportOffered: 'Stödsamtal',
      supportResponse: 'accepted',
      policeSummary: summary,
    });

    const list = await w.officer.get('/joint-visits');
    assert.match(list.body, new RegExp(`/joint-visits/${id}/summary`));
    const page = await w.officer.get(`/joint-visits/${id}/summary`);
    expectStatus(page, 200);
    assert.match(page.body, /5000-K123456-26/);
    assert.match(page.body, new RegExp(summary));
    for (const secret of [
      account,
      'Våld mellan de vuxna',
      'Vera',
      'Flödesson',
      'Stödsamtal',
      w.report.reference,
    ])
      assert.doesNotMatch(page.body, new RegExp(secret), secret);
    const api = await w.officer.get(`/api/v1/joint-visits/${id}`);
    expectStatus(api, 200);
    const json = JSON.parse(api.body);
    assert.equal(json.summary, summary);
    assert.equal(json.support, undefined, 'support is not covered by this consent');
    assert.doesNotMatch(api.body, /Vera|Flödesson|garderoben|childsAccount/);
    const apiList = JSON.parse((await w.officer.get('/api/v1/joint-visits')).body);
    assert.deepEqual(
      apiList.visits.map((v: { id: string }) => v.id),
      [id],
    );

    // The police never reach the social services file, the visit's page included.
    for (const url of [
      `/joint-visits/${id}`,
      `/cases/${w.caseId}`,
      `/intake/reports/${w.report.id}`,
      `/people/${w.child.id}`,
      `/api/v1/people/${w.child.id}`,
    ]) {
      const res = await w.officer.get(url);
      assert.ok([403, 404].includes(res.statusCode), `${url} answered ${res.statusCode}`);
      assert.doesNotMatch(res.body, /garderoben|Flödesson/, url);
    }
    // Another police organisation, and a school, see nothing of it.
    expectStatus(await w.otherOfficer.get(`/joint-visits/${id}/summary`), 404);
    assert.doesNotMatch((await w.otherOfficer.get('/joint-visits')).body, new RegExp(id));
    expectStatus(await w.school.get(`/joint-visits/${id}/summary`), 403);
    expectStatus(await w.school.get('/joint-visits'), 403);

    // Withdrawn: gone for the police at once.
    expectStatus(await w.intake.post(`/joint-visits/${id}/consent/withdraw`, { withdrawalNote: '' }), 400);
    expectStatus(
      await w.intake.post(`/joint-visits/${id}/consent/withdraw`, {
        withdrawalNote: 'Mamma ringde och tog tillbaka',
      }),
      303,
    );
    expectStatus(await w.officer.get(`/joint-visits/${id}/summary`), 404);
    expectStatus(await w.officer.get(`/api/v1/joint-visits/${id}`), 404);
    assert.doesNotMatch((await w.officer.get('/joint-visits')).body, new RegExp(id));
    const reads = await t.db.db
      .selectFrom('audit_event')
      .select(['action', 'subject_person_id'])
      .where('action', '=', 'jointVisit.readSummary')
      .where('record_id', '=', id)
      .where('outcome', '=', 'allowed')
      .execute();
    assert.ok(reads.length >= 2 && reads.every((r) => r.subject_person_id === w.child.id));
  });
});

describe('the follow-up and the unit’s figures', () => {
  it('puts the follow-up on the recorder’s worklist until it is done, and gives the manager the unit’s times', async () => {
    const w = await world();
    const id = await recorded(w);
    const worklist = await w.intake.get('/worklist');
    assert.match(worklist.body, new RegExp(`/joint-visits/${id}#follow-up-heading`));
    expectStatus(await w.intake.post(`/joint-visits/${id}/follow-up`, { followUpNote: ' ' }), 400);
    expectStatus(
      await w.intake.post(`/joint-visits/${id}/follow-up`, { followUpNote: 'Familjen går på samtal.' }),
      303,
    );
    const [visit] = await visitsOf(w.report.id);
    assert.equal(visit?.follow_up_done_on, today);
    assert.doesNotMatch((await w.intake.get('/worklist')).body, new RegExp(`/joint-visits/${id}#`));
    expectStatus(await w.intake.post(`/joint-visits/${id}/follow-up`, { followUpNote: 'Igen' }), 409);

    const manager = await login(t.app, w.s.people.intakeManager);
    const list = await manager.get('/joint-visits');
    expectStatus(list, 200);
    assert.match(list.body, /Enhetens gemensamma hembesök de senaste 12 månaderna/);
    assert.match(list.body, /55 min/);
    assert.match(list.body, new RegExp(`/joint-visits/${id}`));
    const other = await login(t.app, w.s.people.otherManager);
    assert.doesNotMatch((await other.get('/joint-visits')).body, new RegExp(id));
    expectStatus(await other.get(`/joint-visits/${id}`), 403);
  });
});
