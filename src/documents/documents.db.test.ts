import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { login } from '../testing/app.ts';
import { expectStatus, openedCase, setting, t, today } from '../testing/case-setting.ts';
import { createPerson, createUser } from '../testing/factories.ts';

/**
 * The documents of a child's case through the app: the letters say how to appeal exactly when the
 * decision can be appealed, a record of sending is validated whole and audited, a partner gets
 * nothing; and the child's page gathers reports, cases, decisions, the family and the professionals.
 */

const text = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const dispatchCount = async (caseId: string) =>
  Number(
    (
      await t.db.db
        .selectFrom('document_dispatch')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow()
    ).n,
  );

async function decidedCase() {
  const s = await setting();
  const db = t.db.db;
  const intake = await login(t.app, s.people.intake);
  const { child, caseId, report } = await openedCase(s, intake);
  const guardian = await createPerson(db, s.municipalityId, {
    givenName: 'Maria',
    familyName: 'Flödesson',
    birthDate: '1984-01-20',
  });
  const sibling = await createPerson(db, s.municipalityId, {
    givenName: 'Nils',
    familyName: 'Flödesson',
    birthDate: '2012-08-01',
  });
  await db
    .insertInto('guardianship')
    .values([
      { municipality_id: s.municipalityId, child_id: child.id, guardian_id: guardian.id, kind: 'guardian' },
      { municipality_id: s.municipalityId, child_id: sibling.id, guardian_id: guardian.id, kind: 'guardian' },
    ])
    .execute();
  await db
    .updateTable('child_case')
    .set({
      phase: 'investigation',
      unit_id: s.investigationUnit,
      initial_decision: 'openInvestigation',
      initial_decided_on: '2026-01-10',
      initial_decided_by: s.people.intake.id,
      investigation_opened_on: '2026-01-10',
      responsible_user_id: s.people.worker.id,
      needs_text: 'Vera behöver trygghet hemma.',
      conclusion_text: 'Familjen behöver stöd i föräldraskapet.',
      concluded_on: '2026-03-01',
      decision_outcome: 'interventions',
      decision_text: 'Familjebehandling beviljas.',
      decided_on: '2026-03-10',
      decided_by: s.people.manager.id,
    })
    .where('id', '=', caseId)
    .execute();
  await db
    .insertInto('case_intervention')
    .values({ municipality_id: s.municipalityId, case_id: caseId, intervention_type_id: s.interventionId })
    .execute();
  return { s, child, guardian, sibling, caseId, report, intake };
}

describe('the documents of a case', () => {
  it('say how to appeal an intervention decided, and plainly that it cannot be when granted in full', async () => {
    const { s, caseId, guardian } = await decidedCase();
    const worker = await login(t.app, s.people.worker);
    const index = await worker.get(`/documents/cases/${caseId}`);
    expectStatus(index, 200);
    const letter = `/documents/cases/${caseId}/decision/person/${guardian.id}`;
    assert.ok(index.body.includes(letter), 'the index links the decision letter to the guardian');
    const appealable = text((await worker.get(letter)).body);
    assert.match(appealable, /Så överklagar du/);
    assert.match(appealable, /förvaltningsrätten/);
    assert.match(appealable, /inom tre veckor/);
    assert.match(appealable, /35 kap\. 1 § 1 socialtjänstlagen \(2025:400\)/);
    assert.match(appealable, /Familjebehandling/);
    assert.match(appealable, /BoU 2026-/);

    // Bad input on the proposal/application form: nothing saved.
    const bad = await worker.post(`/documents/cases/${caseId}/details`, { application: 'grantedInFull' });
    expectStatus(bad, 400);
    assert.match(bad.body, /Skriv vad familjen ansökte om/);
    expectStatus(
      await worker.post(`/documents/cases/${caseId}/details`, {
        application: 'grantedInFull',
        appliedFor: 'Familjebehandling',
      }),
      303,
    );
    const granted = text((await worker.get(letter)).body);
    assert.doesNotMatch(granted, /Så överklagar du|inom tre veckor/);
    assert.match(granted, /kan inte överklagas \(42 § förvaltningslagen\)/);

    // The investigation carries the BBIC headings, the analysis and the proposal.
    const investigation = text(
      (await worker.get(`/documents/cases/${caseId}/investigation/person/${guardian.id}`)).body,
    );
    for (const heading of [
      'Barnets behov och utveckling',
      'Barnets egen berättelse',
      'Analys och bedömning',
      'Förslag till beslut',
    ])
      assert.match(investigation, new RegExp(heading));
    // The party communication gives the day to answer by: two weeks on, a working day.
    const communication = text(
      (await worker.get(`/documents/cases/${caseId}/partyCommunication/person/${guardian.id}`)).body,
    );
    assert.match(communication, /25 § förvaltningslagen/);
    assert.match(communication, /ska de ha kommit in senast 2026-03-27/);
    // A document the case does not have, or a recipient who is not one: not found.
    expectStatus(await worker.get(`/documents/cases/${caseId}/noInvestigation/person/${guardian.id}`), 404);
    expectStatus(await worker.get(`/documents/cases/${caseId}/decision/person/${s.people.worker.id}`), 404);
  });

  it('refuses a bad record of sending with a message per field and writes nothing; a good one is audited', async () => {
    const { s, caseId, guardian } = await decidedCase();
    const worker = await login(t.app, s.people.worker);
    const document = `decision|person:${guardian.id}`;
    for (const [form, message] of [
      [{ method: 'letter', sentOn: today }, /Välj vilket dokument som skickades/],
      [{ document, sentOn: today }, /Välj hur dokumentet skickades/],
      [{ document, method: 'letter', sentOn: '2026-02-30' }, /Skriv datumet som ÅÅÅÅ-MM-DD/],
      [{ document, method: 'letter', sentOn: '2026-03-14' }, /kan inte vara senare än i dag/],
      [{ document, method: 'letter', sentOn: '2026-03-09' }, /före sitt eget datum/],
      [{ document, method: 'fax', sentOn: today }, /Välj hur dokumentet skickades/],
    ] as const) {
      const res = await worker.post(`/documents/cases/${caseId}/dispatches`, form);
      expectStatus(res, 400);
      assert.match(res.body, message);
    }
    const english = await worker.post(`/documents/cases/${caseId}/dispatches?lang=en`, {
      document,
      sentOn: today,
    });
    expectStatus(english, 400);
    assert.match(english.body, /Choose how the document was sent\./, 'in the user’s language');
    assert.equal(await dispatchCount(caseId), 0, 'nothing written');
    expectStatus(
      await worker.post(`/documents/cases/${caseId}/dispatches`, {
        document,
        method: 'secureEmail',
        sentOn: today,
      }),
      303,
    );
    assert.equal(await dispatchCount(caseId), 1);
    const audited = await t.db.db
      .selectFrom('audit_event')
      .select(['subject_person_id'])
      .where('municipality_id', '=', s.municipalityId)
      .where('action', '=', 'document.dispatch')
      .where('outcome', '=', 'allowed')
      .execute();
    assert.equal(audited.length, 1);
    const page = text((await worker.get(`/documents/cases/${caseId}?lang=sv`)).body);
    assert.match(page, new RegExp(`${today} Beslutsbrev Maria Flödesson Säker e-post`));
  });

  it('gives a partner (police included), a social worker not responsible and another unit’s manager nothing', async () => {
    const { s, caseId, guardian, child } = await decidedCase();
    const document = `decision|person:${guardian.id}`;
    const police = await createUser(t.db.db, t.config.secretKey, {
      municipalityId: s.municipalityId,
      role: 'partnerProfessional',
      partnerKind: 'police',
    });
    for (const partner of [s.people.partner, police]) {
      const client = await login(t.app, partner);
      expectStatus(await client.get(`/people/${child.id}`), 403);
    }
    for (const user of [s.people.partner, police, s.people.worker2, s.people.otherManager]) {
      const client = await login(t.app, user);
      expectStatus(await client.get(`/documents/cases/${caseId}`), 403);
      expectStatus(await client.get(`/documents/cases/${caseId}/decision/person/${guardian.id}`), 403);
      expectStatus(
        await client.post(`/documents/cases/${caseId}/dispatches`, {
          document,
          method: 'letter',
          sentOn: today,
        }),
        403,
      );
      expectStatus(await client.post(`/documents/cases/${caseId}/details`, { application: 'none' }), 403);
    }
    assert.equal(await dispatchCount(caseId), 0);
  });

  it('a decision not to investigate cannot be appealed; the reporter gets feedback and nothing more', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { child, caseId, report } = await openedCase(s, intake);
    const guardian = await createPerson(t.db.db, s.municipalityId, {
      givenName: 'Per',
      familyName: 'Flödesson',
      birthDate: '1980-02-02',
    });
    await t.db.db
      .insertInto('guardianship')
      .values({
        municipality_id: s.municipalityId,
        child_id: child.id,
        guardian_id: guardian.id,
        kind: 'guardian',
      })
      .execute();
    expectStatus(
      await intake.post(`/cases/${caseId}/initial-assessment`, {
        decision: 'noInvestigation',
        reason: 'Familjen har redan stöd från BUP och skolan; oron är hanterad.',
        childHeard: 'yes',
      }),
      303,
    );
    const letter = text(
      (await intake.get(`/documents/cases/${caseId}/noInvestigation/person/${guardian.id}`)).body,
    );
    assert.match(letter, /Beslut att inte inleda utredning/);
    assert.match(letter, /Ett beslut att inte inleda en utredning kan inte överklagas/);
    assert.doesNotMatch(letter, /Så överklagar du|inom tre veckor/);
    const feedback = text((await intake.get(`/documents/cases/${caseId}/feedback/report/${report.id}`)).body);
    assert.match(feedback, /beslutat att inte inleda en utredning/);
    assert.doesNotMatch(feedback, /Vera|inte får äta/, 'nothing of the child or the concern');
    expectStatus(
      await intake.post(`/documents/cases/${caseId}/dispatches`, {
        document: `feedback|report:${report.id}`,
        method: 'letter',
        sentOn: today,
      }),
      303,
    );
  });
});

describe('the recipient’s address', () => {
  it('is printed on the letter, except for a person with protected identity', async () => {
    const { s, caseId, guardian } = await decidedCase();
    const worker = await login(t.app, s.people.worker);
    const letter = `/documents/cases/${caseId}/decision/person/${guardian.id}`;
    assert.match(text((await worker.get(letter)).body), /Testgatan 1 999 99 Testby/);
    await t.db.db
      .updateTable('person')
      .set({ protected_identity: 'protectedRegistration' })
      .where('id', '=', guardian.id)
      .execute();
    const hidden = text((await worker.get(letter)).body);
    assert.match(hidden, /Maria Flödesson/);
    assert.doesNotMatch(hidden, /Testgatan/);
  });
});

describe('the child’s page as the hub', () => {
  it('shows reports, cases with decisions and interventions, the family, a timeline and the professionals', async () => {
    const { s, child, sibling, report } = await decidedCase();
    const worker = await login(t.app, s.people.worker);
    const page = text((await worker.get(`/people/${child.id}`)).body);
    assert.match(page, new RegExp(report.reference));
    assert.match(page, /Ärenden, beslut och insatser/);
    assert.match(page, /Beslut 2026-03-10: Insatser beviljas: Familjebehandling/);
    assert.match(page, /Syskon och vårdnadshavare/);
    assert.match(page, new RegExp(`${sibling.givenName} ${sibling.familyName} Syskon`));
    assert.match(page, /Tidslinje/);
    assert.match(page, /Pia Skog/, 'the professional reporter is among the professionals around the child');
    // A social worker not responsible sees that there is a case, not what it holds.
    const other = text((await (await login(t.app, s.people.worker2)).get(`/people/${child.id}`)).body);
    assert.doesNotMatch(other, /Familjebehandling/);
    assert.match(other, /ytterligare 1 ärende som du inte har behörighet att se/);
    const seen = await t.db.db
      .selectFrom('audit_event')
      .select(['action', 'record_type'])
      .where('municipality_id', '=', s.municipalityId)
      .where('actor_user_id', '=', s.people.worker.id)
      .where('record_type', 'in', ['case', 'report', 'siblingOf'])
      .execute();
    assert.ok(seen.some((e) => e.record_type === 'case'));
    assert.ok(seen.some((e) => e.record_type === 'report'));
    assert.ok(seen.some((e) => e.record_type === 'siblingOf'));
  });
});
