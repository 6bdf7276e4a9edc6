import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { computeDeadline } from '../deadlines/deadlines.ts';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { assign, createMunicipality, createPerson, createUnit, createUser } from '../testing/factories.ts';

const today = '2026-03-13'; // a Friday
let t: TestApp;
before(async () => {
  t = await startTestApp({ fixedToday: today });
});
after(() => t.close());

/** A municipality with an intake unit, an investigation unit, their staff and a partner. */
async function setting() {
  const db = t.db.db;
  const key = t.config.secretKey;
  const municipalityId = await createMunicipality(db);
  const intakeUnit = await createUnit(db, municipalityId, 'intake');
  const investigationUnit = await createUnit(db, municipalityId, 'investigation');
  const otherUnit = await createUnit(db, municipalityId, 'investigation');
  const user = (role: Parameters<typeof createUser>[2]['role'], unitId: string | null = null) =>
    createUser(db, key, { municipalityId, role, unitId });
  const people = {
    intake: await user('intakeWorker', intakeUnit),
    intakeManager: await user('manager', intakeUnit),
    manager: await user('manager', investigationUnit),
    otherManager: await user('manager', otherUnit),
    worker: await user('socialWorker', investigationUnit),
    worker2: await user('socialWorker', investigationUnit),
    partner: await user('partnerProfessional'),
  };
  const { code } = await db
    .selectFrom('municipality')
    .select('code')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  const intervention = await db
    .insertInto('intervention_type')
    .values({ municipality_id: municipalityId, name: 'Familjebehandling', ksi_code: 'VBA.AB' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { municipalityId, code, intakeUnit, investigationUnit, people, interventionId: intervention.id };
}

async function fileReport(code: string, fields: Record<string, string> = {}) {
  const { Client } = await import('../testing/app.ts');
  const client = new Client(t.app);
  await client.get(`/report/professional?m=${code}`);
  const res = await client.post(`/report/professional?m=${code}`, {
    reporterName: 'Pia Skog',
    reporterOrganisation: 'Sjövikskolan',
    reporterOrganisationKind: 'school',
    reporterPhone: '070-1234567',
    feedbackRequested: 'on',
    childGivenName: 'Vera',
    childFamilyName: 'Flödesson',
    concern: 'Vera berättar att hon inte får äta hemma och är rädd för sin styvpappa.',
    ...fields,
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  const reference = (res.headers.location as string).split('/').pop()!;
  return t.db.db
    .selectFrom('report')
    .selectAll()
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
}

const caseOf = (id: string) =>
  t.db.db.selectFrom('child_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const expectStatus = (res: { statusCode: number; body: string }, status: number) =>
  assert.equal(
    res.statusCode,
    status,
    res.body
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .slice(0, 600),
  );

async function openedCase(s: Awaited<ReturnType<typeof setting>>, intake: Client) {
  const child = await createPerson(t.db.db, s.municipalityId, {
    givenName: 'Vera',
    familyName: 'Flödesson',
    birthDate: '2016-05-05',
  });
  const report = await fileReport(s.code);
  expectStatus(await intake.post(`/intake/reports/${report.id}/link`, { childId: child.id }), 303);
  const { case_id } = await t.db.db
    .selectFrom('report')
    .select('case_id')
    .where('id', '=', report.id)
    .executeTakeFirstOrThrow();
  return { child, report, caseId: case_id! };
}

describe('from concern report to closure', () => {
  it('takes a report through intake, initial assessment, investigation with the child’s voice, decision and closure', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const report = await fileReport(s.code, { childPersonalNumber: '' });

    // Intake sees the new report, with its protection assessment due today.
    const list = await intake.get('/intake');
    expectStatus(list, 200);
    assert.match(list.body, new RegExp(report.reference));
    const page = await intake.get(`/intake/reports/${report.id}`);
    assert.match(page.body, /data-rule="protectionAssessment" data-due="2026-03-13"/);

    expectStatus(
      await intake.post(`/intake/reports/${report.id}/protection`, { outcome: 'noImmediateProtection' }),
      400,
    );
    expectStatus(
      await intake.post(`/intake/reports/${report.id}/protection`, {
        outcome: 'noImmediateProtection',
        reasoning: 'Barnet är i skolan och bor hos mamma i veckan.',
      }),
      303,
    );

    // The child is not registered: intake registers her and the report is linked.
    const number = (await import('../people/personal-number.ts')).generatePersonalNumber('2016-05-05', 42);
    const linked = await intake.post(`/intake/reports/${report.id}/register-child`, {
      givenName: 'Vera',
      familyName: 'Flödesson',
      personalNumber: number,
    });
    expectStatus(linked, 303);
    const linkedReport = await t.db.db
      .selectFrom('report')
      .selectAll()
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    assert.ok(linkedReport.case_id && linkedReport.child_id);
    const caseId = linkedReport.case_id;
    let c = await caseOf(caseId);
    assert.equal(c.phase, 'initialAssessment');
    assert.equal(c.unit_id, s.intakeUnit);

    const initialDue = computeDeadline('initialAssessment', today).dueDate;
    assert.equal(initialDue, '2026-03-27');
    const casePage = await intake.get(`/cases/${caseId}`);
    expectStatus(casePage, 200);
    assert.match(casePage.body, new RegExp(`data-rule="initialAssessment" data-due="${initialDue}"`));
    assert.match(casePage.body, /SoL \(2025:400\) 20 kap\. 2 §/);

    // Feedback cannot be given before there is an answer.
    expectStatus(
      await intake.post(`/intake/reports/${report.id}/feedback`, { mode: 'sent', text: 'x' }),
      409,
    );

    // Open the investigation in the investigation unit.
    expectStatus(
      await intake.post(`/cases/${caseId}/initial-assessment`, {
        decision: 'openInvestigation',
        childHeard: 'no',
      }),
      400,
    );
    expectStatus(
      await intake.post(`/cases/${caseId}/initial-assessment`, {
        decision: 'openInvestigation',
        childHeard: 'no',
        childNotHeardReason: 'Barnet nås först i utredningen.',
        unitId: s.investigationUnit,
      }),
      303,
    );
    c = await caseOf(caseId);
    assert.equal(c.phase, 'investigation');
    assert.equal(c.investigation_opened_on, today);
    assert.equal(c.unit_id, s.investigationUnit);

    // Feedback to the school: prepared from the decision, its sending recorded.
    const feedbackPage = await intake.get(`/intake/reports/${report.id}`);
    assert.match(feedbackPage.body, /Socialtjänsten har inlett en utredning/);
    assert.match(feedbackPage.body, /data-rule="reporterFeedback" data-due="2026-03-20"/);
    expectStatus(
      await intake.post(`/intake/reports/${report.id}/feedback`, {
        mode: 'sent',
        text: 'Socialtjänsten har inlett en utredning om barnet efter er anmälan.',
      }),
      303,
    );

    // Intake may no longer change the case; the investigation unit's manager assigns a worker,
    // the one who already knows the family first.
    expectStatus(await intake.post(`/cases/${caseId}/notes`, { eventDate: today, body: 'Försök' }), 403);
    const sibling = await createPerson(t.db.db, s.municipalityId, {
      givenName: 'Sixten',
      familyName: 'Flödesson',
      birthDate: '2012-01-01',
    });
    const parent = await createPerson(t.db.db, s.municipalityId, {
      givenName: 'Anna',
      familyName: 'Flödesson',
      birthDate: '1985-01-01',
    });
    await t.db.db
      .insertInto('guardianship')
      .values([
        {
          municipality_id: s.municipalityId,
          child_id: linkedReport.child_id,
          guardian_id: parent.id,
          kind: 'guardian',
        },
        { municipality_id: s.municipalityId, child_id: sibling.id, guardian_id: parent.id, kind: 'guardian' },
      ])
      .execute();
    await assign(t.db.db, s.municipalityId, sibling.id, s.people.worker2.id);
    const manager = await login(t.app, s.people.manager);
    const managerPage = await manager.get(`/cases/${caseId}`);
    expectStatus(managerPage, 200);
    const options = [...managerPage.body.matchAll(/<option value="([0-9a-f-]{36})"[^>]*>([^<]*)</g)].map(
      (m) => m[1],
    );
    assert.equal(options[0], s.people.worker2.id, 'the worker who knows the family is suggested first');
    assert.match(managerPage.body, /känner familjen/);
    expectStatus(
      await manager.post(`/cases/${caseId}/assign`, { responsibleUserId: s.people.worker.id }),
      303,
    );

    const worker = await login(t.app, s.people.worker);
    const investigationDue = computeDeadline('investigation', today).dueDate;
    assert.equal(investigationDue, '2026-07-13');
    const workerPage = await worker.get(`/cases/${caseId}`);
    assert.match(workerPage.body, new RegExp(`data-rule="investigation" data-due="${investigationDue}"`));
    expectStatus(
      await worker.post(`/cases/${caseId}/assessment`, {
        needsText: 'Vera går i årskurs 4 och har hög frånvaro.',
        parentsCapacityText: 'Mamma beskriver att hon inte orkar.',
        familyEnvironmentText: 'Familjen bor trångt.',
      }),
      303,
    );
    // Not concluded without the child's voice.
    const refused = await worker.post(`/cases/${caseId}/conclusion`, { conclusionText: 'Behov av stöd.' });
    expectStatus(refused, 409);
    assert.match(refused.body, /Dokumentera samtal med barnet/);
    expectStatus(
      await worker.post(`/cases/${caseId}/childs-voice`, {
        heldOn: '2026-03-20',
        circumstances: 'I skolan',
        account: 'x',
      }),
      400,
    );
    expectStatus(
      await worker.post(`/cases/${caseId}/childs-voice`, {
        heldOn: today,
        circumstances: 'Enskilt samtal i skolan, kurator närvarande.',
        account: 'Jag vill bo hos mamma men jag är rädd när han är arg.',
      }),
      303,
    );
    expectStatus(
      await worker.post(`/cases/${caseId}/conclusion`, { conclusionText: 'Vera behöver stöd i familjen.' }),
      303,
    );
    // No decision before party communication, and never by a worker without delegation.
    expectStatus(
      await worker.post(`/cases/${caseId}/decision`, { outcome: 'noIntervention', decisionText: 'x' }),
      403,
    );
    const early = await manager.post(`/cases/${caseId}/decision`, {
      outcome: 'interventions',
      decisionText: 'x',
      interventionIds: s.interventionId,
    });
    expectStatus(early, 409);
    assert.match(early.body, /Kommunicera utredningen/);
    expectStatus(
      await worker.post(`/cases/${caseId}/party-communication`, {
        communicatedOn: today,
        partyNote: 'Utredningen skickad till båda vårdnadshavarna.',
      }),
      303,
    );
    expectStatus(
      await manager.post(`/cases/${caseId}/decision`, {
        outcome: 'interventions',
        decisionText: 'Familjebehandling beviljas.',
      }),
      400,
    );
    expectStatus(
      await manager.post(`/cases/${caseId}/decision`, {
        outcome: 'interventions',
        decisionText: 'Familjebehandling beviljas.',
        interventionIds: s.interventionId,
      }),
      303,
    );
    expectStatus(await worker.post(`/cases/${caseId}/closure`, {}), 303);
    c = await caseOf(caseId);
    assert.equal(c.phase, 'closed');
    assert.equal(c.decided_on, today);
    const closedPage = await worker.get(`/cases/${caseId}`);
    assert.match(closedPage.body, /Familjebehandling \(KSI VBA\.AB\)/);
    assert.match(closedPage.body, /Klar 2026-03-13/);

    // Every step is in the audit trail, against the child.
    const actions = await t.db.db
      .selectFrom('audit_event')
      .select(['action', 'outcome'])
      .where('municipality_id', '=', s.municipalityId)
      .where('record_id', '=', caseId)
      .where('outcome', '=', 'allowed')
      .execute();
    const done = new Set(actions.map((a) => a.action));
    for (const action of [
      'case.read',
      'case.decideInitialAssessment',
      'case.assign',
      'case.update',
      'case.decide',
      'case.close',
    ])
      assert.ok(done.has(action), action);
    const denied = await t.db.db
      .selectFrom('audit_event')
      .select(['action', 'reason'])
      .where('municipality_id', '=', s.municipalityId)
      .where('outcome', '=', 'denied')
      .execute();
    assert.ok(denied.some((d) => d.action === 'case.decide' && d.reason === 'roleNotPermitted'));
    assert.ok(denied.some((d) => d.action === 'caseNote.write' && d.reason === 'wrongPhase'));
  });

  it('joins a second report during an ongoing investigation to it, and tells the reporter it is ongoing', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { child, caseId } = await openedCase(s, intake);
    expectStatus(
      await intake.post(`/cases/${caseId}/initial-assessment`, {
        decision: 'openInvestigation',
        childHeard: 'yes',
        unitId: s.investigationUnit,
      }),
      303,
    );
    const second = await fileReport(s.code, {
      concern: 'Vera har berättat för skolsköterskan om nya blåmärken.',
    });
    const res = await intake.post(`/intake/reports/${second.id}/link`, { childId: child.id });
    expectStatus(res, 303);
    assert.match(res.headers.location as string, /joinedInvestigation/);
    const joined = await t.db.db
      .selectFrom('report')
      .selectAll()
      .where('id', '=', second.id)
      .executeTakeFirstOrThrow();
    assert.equal(joined.case_id, caseId);
    assert.equal(joined.joined_ongoing, true);
    const page = await intake.get(`/intake/reports/${second.id}`);
    assert.match(page.body, /En utredning om barnet pågår redan/);
    const cases = await t.db.db
      .selectFrom('child_case')
      .select('id')
      .where('child_id', '=', child.id)
      .execute();
    assert.equal(cases.length, 1, 'no second case');
    // Intake's worklist keeps the feedback owed to the second reporter, not the investigation.
    const intakeList = await intake.get('/worklist');
    assert.match(intakeList.body, /data-rule="reporterFeedback"/);
    assert.doesNotMatch(intakeList.body, /data-rule="investigation"/);
    // The investigation unit's manager sees no intake list of other units' new reports.
    const unrelated = await fileReport(s.code, { childGivenName: 'Främling' });
    const manager = await login(t.app, s.people.manager);
    assert.doesNotMatch((await manager.get('/intake')).body, new RegExp(unrelated.reference));
    const intakeManager = await login(t.app, s.people.intakeManager);
    assert.match((await intakeManager.get('/intake')).body, new RegExp(unrelated.reference));
  });

  it('joins reports during an initial assessment to the same assessment, counted from the first', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { child, caseId } = await openedCase(s, intake);
    const second = await fileReport(s.code);
    expectStatus(await intake.post(`/intake/reports/${second.id}/link`, { childId: child.id }), 303);
    const joined = await t.db.db
      .selectFrom('report')
      .selectAll()
      .where('id', '=', second.id)
      .executeTakeFirstOrThrow();
    assert.equal(joined.case_id, caseId);
    assert.equal(joined.joined_ongoing, false);
  });

  it('needs a reason not to open an investigation, closes the case and keeps the report linked to the child', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { child, caseId, report } = await openedCase(s, intake);
    const missing = await intake.post(`/cases/${caseId}/initial-assessment`, {
      decision: 'noInvestigation',
      childHeard: 'yes',
    });
    expectStatus(missing, 400);
    assert.match(missing.body, /href="#reason"/);
    expectStatus(
      await intake.post(`/cases/${caseId}/initial-assessment`, {
        decision: 'noInvestigation',
        reason: 'Familjen har redan stöd från BUP och skolan; oron är hanterad.',
        childHeard: 'yes',
      }),
      303,
    );
    const c = await caseOf(caseId);
    assert.equal(c.phase, 'closed');
    assert.equal(c.closed_on, today);
    const kept = await t.db.db
      .selectFrom('report')
      .select('child_id')
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    assert.equal(kept.child_id, child.id);
    // A later report starts a new case, and the earlier one is in the child's history.
    const later = await fileReport(s.code);
    expectStatus(await intake.post(`/intake/reports/${later.id}/link`, { childId: child.id }), 303);
    const laterPage = await intake.get(`/intake/reports/${later.id}`);
    assert.match(laterPage.body, new RegExp(`/cases/${caseId}`));
  });

  it('puts a child who needs immediate protection at the top for the unit and its manager', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    await fileReport(s.code, {
      childGivenName: 'Alma',
      concern: 'Alma har en tid kvar till tandläkaren och verkar trött.',
    });
    const urgent = await fileReport(s.code, {
      childGivenName: 'Omar',
      concern: 'Omar säger att han blir slagen och inte vågar gå hem i kväll.',
    });
    expectStatus(
      await intake.post(`/intake/reports/${urgent.id}/protection`, {
        outcome: 'immediateProtectionNeeded',
        reasoning: 'Barnet uppger våld i hemmet och rädsla för att gå hem.',
      }),
      303,
    );
    const manager = await login(t.app, s.people.intakeManager);
    const unitList = await manager.get('/worklist/unit');
    expectStatus(unitList, 200);
    const firstRow = /<tbody>\s*<tr[^>]*>(.*?)<\/tr>/s.exec(unitList.body)?.[1] ?? '';
    assert.match(firstRow, /Omar/);
    assert.match(firstRow, /Omedelbart skydd/);
    const intakePage = await intake.get('/intake');
    assert.ok(intakePage.body.indexOf('Omar') < intakePage.body.indexOf('Alma'));
  });

  it('requires a recorded manager decision with reasons to extend the investigation', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { caseId } = await openedCase(s, intake);
    await intake.post(`/cases/${caseId}/initial-assessment`, {
      decision: 'openInvestigation',
      childHeard: 'yes',
      unitId: s.investigationUnit,
    });
    const manager = await login(t.app, s.people.manager);
    await manager.post(`/cases/${caseId}/assign`, { responsibleUserId: s.people.worker.id });
    const worker = await login(t.app, s.people.worker);
    expectStatus(
      await worker.post(`/cases/${caseId}/extension`, {
        extendedTo: '2026-08-31',
        extensionReason: 'Väntar på BUP:s utlåtande.',
      }),
      403,
    );
    expectStatus(
      await manager.post(`/cases/${caseId}/extension`, { extendedTo: '2026-08-31', extensionReason: 'kort' }),
      400,
    );
    expectStatus(
      await manager.post(`/cases/${caseId}/extension`, {
        extendedTo: '2026-07-01',
        extensionReason: 'Väntar på BUP:s utlåtande.',
      }),
      400,
    );
    expectStatus(
      await manager.post(`/cases/${caseId}/extension`, {
        extendedTo: '2026-08-31',
        extensionReason: 'Väntar på BUP:s utlåtande.',
      }),
      303,
    );
    const page = await worker.get(`/cases/${caseId}`);
    assert.match(page.body, /data-rule="investigation" data-due="2026-08-31"/);
    assert.match(page.body, /Förlängd genom beslut/);
    // The worker's worklist reads the extension too (it is read with the case, in one statement).
    const worklist = await worker.get('/worklist');
    assert.match(worklist.body, /2026-08-31/);
  });
});

describe('who may see a case', () => {
  it('keeps partners, other social workers and other units’ managers out, and audits each refusal', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { caseId, report } = await openedCase(s, intake);
    await intake.post(`/cases/${caseId}/initial-assessment`, {
      decision: 'openInvestigation',
      childHeard: 'yes',
      unitId: s.investigationUnit,
    });
    const manager = await login(t.app, s.people.manager);
    await manager.post(`/cases/${caseId}/assign`, { responsibleUserId: s.people.worker.id });
    const refusals: [Client, string, string][] = [
      [await login(t.app, s.people.partner), `/cases/${caseId}`, 'roleNotPermitted'],
      [await login(t.app, s.people.worker2), `/cases/${caseId}`, 'notAssigned'],
      [await login(t.app, s.people.otherManager), `/cases/${caseId}`, 'otherUnit'],
      [await login(t.app, s.people.intakeManager), `/cases/${caseId}`, 'otherUnit'],
    ];
    for (const [client, url, reason] of refusals) {
      const res = await client.get(url);
      expectStatus(res, 403);
      const denial = await t.db.db
        .selectFrom('audit_event')
        .select(['reason', 'subject_person_id'])
        .where('municipality_id', '=', s.municipalityId)
        .where('outcome', '=', 'denied')
        .where('record_id', '=', caseId)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(denial.reason, reason);
    }
    const partner = await login(t.app, s.people.partner);
    expectStatus(await partner.get('/intake'), 403);
    expectStatus(await partner.get(`/intake/reports/${report.id}`), 403);
    expectStatus(await partner.get('/worklist'), 403);
    // The responsible worker and the intake worker (for history) may read it.
    expectStatus(await (await login(t.app, s.people.worker)).get(`/cases/${caseId}`), 200);
    expectStatus(await intake.get(`/cases/${caseId}`), 200);
  });

  it('answers 404 for an unknown case and 400 for a malformed id', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    expectStatus(await intake.get('/cases/00000000-0000-4000-8000-000000000000'), 404);
    expectStatus(await intake.get('/cases/nope'), 400);
  });
});

describe('case notes and the child’s account', () => {
  it('are signed and final: the database refuses changes, a correction points at the old note', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { caseId } = await openedCase(s, intake);
    expectStatus(
      await intake.post(`/cases/${caseId}/notes`, { eventDate: today, body: 'Ringde skolan.' }),
      303,
    );
    const [note] = await t.db.db.selectFrom('case_note').selectAll().where('case_id', '=', caseId).execute();
    assert.ok(note);
    await assert.rejects(
      t.db.db.updateTable('case_note').set({ body: 'ändrad' }).where('id', '=', note.id).execute(),
      /signed and final/,
    );
    await assert.rejects(
      t.db.db.deleteFrom('case_note').where('id', '=', note.id).execute(),
      /signed and final/,
    );
    expectStatus(
      await intake.post(`/cases/${caseId}/notes`, {
        eventDate: today,
        body: 'Rättelse: ringde förskolan.',
        correctsNoteId: note.id,
      }),
      303,
    );
    const page = await intake.get(`/cases/${caseId}`);
    assert.match(page.body, /Rättad genom en senare anteckning/);
    assert.match(page.body, /Rättar en tidigare anteckning/);
    expectStatus(await intake.post(`/cases/${caseId}/notes`, { eventDate: '2026-13-01', body: 'x' }), 400);
  });

  it('keeps the child’s own account unchangeable in the database', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { caseId } = await openedCase(s, intake);
    await intake.post(`/cases/${caseId}/initial-assessment`, {
      decision: 'openInvestigation',
      childHeard: 'yes',
      unitId: s.investigationUnit,
    });
    const manager = await login(t.app, s.people.manager);
    await manager.post(`/cases/${caseId}/assign`, { responsibleUserId: s.people.worker.id });
    const worker = await login(t.app, s.people.worker);
    await worker.post(`/cases/${caseId}/childs-voice`, {
      heldOn: today,
      circumstances: 'Hemma',
      account: 'Det är bra nu.',
    });
    await assert.rejects(
      t.db.db.updateTable('childs_voice').set({ account: 'annat' }).where('case_id', '=', caseId).execute(),
      /signed and final/,
    );
  });
});

describe('worklists', () => {
  it('shows a social worker their own deadlines with days left, and a manager how many were met last month', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { caseId } = await openedCase(s, intake);
    await intake.post(`/cases/${caseId}/initial-assessment`, {
      decision: 'openInvestigation',
      childHeard: 'yes',
      unitId: s.investigationUnit,
    });
    const manager = await login(t.app, s.people.manager);
    await manager.post(`/cases/${caseId}/assign`, { responsibleUserId: s.people.worker.id });
    const worker = await login(t.app, s.people.worker);
    const list = await worker.get('/worklist');
    expectStatus(list, 200);
    assert.match(list.body, /Vera Flödesson/);
    assert.match(list.body, /data-rule="investigation" data-due="2026-07-13"/);
    assert.match(list.body, /122 dagar kvar/);
    const other = await login(t.app, s.people.worker2);
    assert.doesNotMatch((await other.get('/worklist')).body, /Vera Flödesson/);
    // A case from February whose initial assessment was decided late (missed) and one on time (met).
    const child = await createPerson(t.db.db, s.municipalityId, { birthDate: '2014-01-01' });
    const child2 = await createPerson(t.db.db, s.municipalityId, { birthDate: '2014-01-02' });
    await t.db.db
      .insertInto('child_case')
      .values([
        {
          municipality_id: s.municipalityId,
          child_id: child.id,
          unit_id: s.investigationUnit,
          phase: 'investigation',
          opened_on: '2026-02-02',
          initial_decision: 'openInvestigation',
          initial_decided_on: '2026-02-20',
          investigation_opened_on: '2026-02-20',
        },
        {
          municipality_id: s.municipalityId,
          child_id: child2.id,
          unit_id: s.investigationUnit,
          phase: 'investigation',
          opened_on: '2026-02-02',
          initial_decision: 'openInvestigation',
          initial_decided_on: '2026-02-10',
          investigation_opened_on: '2026-02-10',
        },
      ])
      .execute();
    const unit = await manager.get('/worklist/unit');
    expectStatus(unit, 200);
    assert.match(unit.body, /Förra månaden hölls 1 av 2 tidsfrister/);
    assert.match(unit.body, /Ingen ansvarig/);
    const events = await t.db.db
      .selectFrom('audit_event')
      .select('subject_person_id')
      .where('municipality_id', '=', s.municipalityId)
      .where('action', '=', 'worklist.read')
      .execute();
    assert.ok(
      events.some((e) => e.subject_person_id === child.id),
      'each child on a worklist is audited',
    );
  });
});

describe('intake details', () => {
  it('never opens two cases for one child when two reports are linked at once', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const intake2 = await login(
      t.app,
      await createUser(t.db.db, t.config.secretKey, {
        municipalityId: s.municipalityId,
        role: 'intakeWorker',
        unitId: s.intakeUnit,
      }),
    );
    const child = await createPerson(t.db.db, s.municipalityId, { birthDate: '2017-07-07' });
    const [a, b] = [await fileReport(s.code), await fileReport(s.code)];
    const results = await Promise.all([
      intake.post(`/intake/reports/${a.id}/link`, { childId: child.id }),
      intake2.post(`/intake/reports/${b.id}/link`, { childId: child.id }),
    ]);
    for (const res of results) assert.ok([303, 409].includes(res.statusCode), String(res.statusCode));
    const open = await t.db.db
      .selectFrom('child_case')
      .select('id')
      .where('child_id', '=', child.id)
      .execute();
    assert.equal(open.length, 1);
  });

  it('records feedback as withheld only with a reason', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { caseId, report } = await openedCase(s, intake);
    await intake.post(`/cases/${caseId}/initial-assessment`, {
      decision: 'noInvestigation',
      reason: 'Oron är redan omhändertagen av BUP.',
      childHeard: 'yes',
    });
    expectStatus(await intake.post(`/intake/reports/${report.id}/feedback`, { mode: 'withheld' }), 400);
    expectStatus(
      await intake.post(`/intake/reports/${report.id}/feedback`, {
        mode: 'withheld',
        withheldReason: 'Anmälaren är närstående till den misstänkta förövaren.',
      }),
      303,
    );
    const row = await t.db.db
      .selectFrom('report')
      .selectAll()
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.feedback_sent_on, today);
    assert.equal(row.feedback_text, null);
    expectStatus(
      await intake.post(`/intake/reports/${report.id}/feedback`, { mode: 'sent', text: 'x' }),
      409,
    );
  });

  it('does not mark the responsible worker’s reading of their own case as unusual', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { caseId, child } = await openedCase(s, intake);
    await intake.post(`/cases/${caseId}/initial-assessment`, {
      decision: 'openInvestigation',
      childHeard: 'yes',
      unitId: s.investigationUnit,
    });
    const manager = await login(t.app, s.people.manager);
    await manager.post(`/cases/${caseId}/assign`, { responsibleUserId: s.people.worker.id });
    await manager.get(`/cases/${caseId}`);
    const worker = await login(t.app, s.people.worker);
    await worker.get(`/cases/${caseId}`);
    const events = await t.db.db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'unusual'])
      .where('subject_person_id', '=', child.id)
      .where('action', '=', 'case.read')
      .execute();
    assert.deepEqual(
      events.filter((e) => e.actor_user_id === s.people.worker.id).map((e) => e.unusual),
      [false],
    );
    assert.ok(
      events.some((e) => e.actor_user_id === s.people.manager.id && !e.unusual),
      "the unit's manager",
    );
  });
});

describe('protected identity', () => {
  it('hides where the child is, as given in the report, once the report is linked to a protected child', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const child = await createPerson(t.db.db, s.municipalityId, {
      birthDate: '2015-01-01',
      protectedIdentity: 'protectedRegistration',
    });
    const report = await fileReport(s.code, { childWhereabouts: 'Hemliga gatan 7, Skyddsby' });
    assert.match((await intake.get(`/intake/reports/${report.id}`)).body, /Hemliga gatan 7/);
    expectStatus(await intake.post(`/intake/reports/${report.id}/link`, { childId: child.id }), 303);
    const page = await intake.get(`/intake/reports/${report.id}`);
    assert.doesNotMatch(page.body, /Hemliga gatan 7/);
    assert.match(page.body, /skyddade personuppgifter/);
  });
});

describe('case settings', () => {
  it('lets the administrator add interventions and issue an API token that files reports until deactivated', async () => {
    const s = await setting();
    const admin = await login(
      t.app,
      await createUser(t.db.db, t.config.secretKey, {
        municipalityId: s.municipalityId,
        role: 'administrator',
      }),
    );
    expectStatus(await admin.get('/admin/case-settings'), 200);
    expectStatus(
      await admin.post('/admin/case-settings/interventions', { name: 'Kontaktperson', ksiCode: 'bad code!' }),
      400,
    );
    expectStatus(
      await admin.post('/admin/case-settings/interventions', { name: 'Kontaktperson', ksiCode: 'vba.ab' }),
      303,
    );
    expectStatus(await admin.post('/admin/case-settings/interventions', { name: 'Kontaktperson' }), 409);
    const created = await admin.post('/admin/case-settings/api-clients', {
      clientName: 'Elevhälsans journal',
      organisationKind: 'school',
    });
    expectStatus(created, 200);
    const token = /<code class="secret">([^<]+)<\/code>/.exec(created.body)?.[1];
    assert.ok(token);
    const { Client } = await import('../testing/app.ts');
    const machine = new Client(t.app);
    const body = {
      reporterName: 'Systemet',
      reporterOrganisation: 'Elevhälsan',
      reporterEmail: 'elevhalsan@example.org',
      childGivenName: 'Ida',
      childFamilyName: 'Maskinsson',
      concern: 'Automatiskt överförd anmälan från elevhälsans journalsystem om oro för Ida.',
    };
    expectStatus(await machine.postJson('/api/v1/reports', body, { authorization: `Bearer ${token}` }), 201);
    const client = await t.db.db
      .selectFrom('api_client')
      .select('id')
      .where('municipality_id', '=', s.municipalityId)
      .executeTakeFirstOrThrow();
    expectStatus(await admin.post(`/admin/case-settings/api-clients/${client.id}/deactivate`), 303);
    expectStatus(await machine.postJson('/api/v1/reports', body, { authorization: `Bearer ${token}` }), 401);
    // Nobody but the administrator manages these lists.
    const manager = await login(t.app, s.people.manager);
    expectStatus(await manager.get('/admin/case-settings'), 403);
  });
});
