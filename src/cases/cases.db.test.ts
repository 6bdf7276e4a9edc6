import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeDeadline } from '../deadlines/deadlines.ts';
import { login } from '../testing/app.ts';
import { caseOf, expectStatus, fileReport, openedCase, setting, t, today } from '../testing/case-setting.ts';
import { assign, createPerson } from '../testing/factories.ts';

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
    // A decision and a closure cannot be undone: each needs its box ticked.
    const unconfirmed = await manager.post(`/cases/${caseId}/decision`, {
      outcome: 'interventions',
      decisionText: 'Familjebehandling beviljas.',
      interventionIds: s.interventionId,
    });
    expectStatus(unconfirmed, 400);
    assert.match(unconfirmed.body, /Kryssa i rutan för att bekräfta/);
    assert.equal((await caseOf(caseId)).decided_on, null);
    expectStatus(
      await manager.post(`/cases/${caseId}/decision`, {
        outcome: 'interventions',
        decisionText: 'Familjebehandling beviljas.',
        interventionIds: s.interventionId,
        confirmDecision: 'on',
      }),
      303,
    );
    expectStatus(await worker.post(`/cases/${caseId}/closure`, {}), 400);
    assert.equal((await caseOf(caseId)).phase, 'investigation');
    expectStatus(await worker.post(`/cases/${caseId}/closure`, { confirmClose: 'on' }), 303);
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
