import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { login } from '../testing/app.ts';
import { expectStatus, fileReport, openedCase, setting, t, today } from '../testing/case-setting.ts';

const textOf = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const statusTag = (body: string) => /<h1>[\s\S]*?<span class="tag">([^<]*)<\/span>/.exec(body)?.[1];

describe('the case page: fixes found by use', () => {
  it('shows a status that follows the decision, and says who can act on a panel the user cannot', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { caseId } = await openedCase(s, intake);
    assert.equal(statusTag((await intake.get(`/cases/${caseId}`)).body), 'Förhandsbedömning');

    const setCase = (fields: Record<string, unknown>) =>
      t.db.db.updateTable('child_case').set(fields).where('id', '=', caseId).execute();
    await setCase({
      phase: 'investigation',
      initial_decision: 'openInvestigation',
      initial_decided_on: today,
      investigation_opened_on: today,
      unit_id: s.investigationUnit,
      responsible_user_id: s.people.worker.id,
    });
    const worker = await login(t.app, s.people.worker);
    const investigating = await worker.get(`/cases/${caseId}`);
    expectStatus(investigating, 200);
    assert.equal(statusTag(investigating.body), 'Utredning');
    assert.match(
      textOf(investigating.body),
      /Beslutet fattas av enhetschefen \(delegation\) när den ansvariga handläggaren har avslutat utredningen\./,
    );

    await setCase({ concluded_on: today, conclusion_text: 'Vera behöver stöd.' });
    const concluded = await worker.get(`/cases/${caseId}`);
    assert.equal(statusTag(concluded.body), 'Utredningen klar, väntar på beslut');
    assert.match(textOf(concluded.body), /Utredningen är klar\. Beslutet fattas av enhetschefen/);
    assert.doesNotMatch(
      concluded.body,
      /action="\/cases\/[^"]+\/decision"/,
      'no decision form for the worker',
    );
    const manager = await login(t.app, s.people.manager);
    const forManager = await manager.get(`/cases/${caseId}`);
    assert.match(forManager.body, /action="\/cases\/[^"]+\/decision"/);
    assert.doesNotMatch(textOf(forManager.body), /Beslutet fattas av enhetschefen/);

    await setCase({ decided_on: today, decision_outcome: 'interventions', decision_text: 'Beviljas.' });
    assert.equal(statusTag((await worker.get(`/cases/${caseId}`)).body), 'Beslut: insatser beviljade');
    await setCase({ decision_outcome: 'noIntervention' });
    assert.equal(statusTag((await worker.get(`/cases/${caseId}`)).body), 'Beslut: avslutas utan insats');
    await setCase({ phase: 'closed', closed_on: today });
    assert.equal(statusTag((await worker.get(`/cases/${caseId}`)).body), 'Avslutat');
  });

  it('says which report each of two protection assessments belongs to', async () => {
    const s = await setting();
    const intake = await login(t.app, s.people.intake);
    const { child, report, caseId } = await openedCase(s, intake);
    const second = await fileReport(s.code, { childGivenName: 'Vera', childFamilyName: 'Flödesson' });
    expectStatus(await intake.post(`/intake/reports/${second.id}/link`, { childId: child.id }), 303);
    for (const r of [report, second])
      expectStatus(
        await intake.post(`/intake/reports/${r.id}/protection`, {
          outcome: 'noImmediateProtection',
          reasoning: 'Barnet är i skolan och har en trygg vuxen där i dag.',
        }),
        303,
      );
    const page = await intake.get(`/cases/${caseId}`);
    expectStatus(page, 200);
    const text = textOf(page.body);
    for (const r of [report, second]) {
      assert.match(text, new RegExp(`Skyddsbedömning av anmälan ${r.reference} \\(${today}\\)`), r.reference);
      const item = new RegExp(`data-key="protectionAssessment:${r.id}"[^>]*>([\\s\\S]*?)</li>`).exec(
        page.body,
      )?.[1];
      assert.ok(item, `the deadline of ${r.reference}`);
      assert.match(textOf(item), new RegExp(`\\(Anmälan ${r.reference}\\)`));
    }
  });
});
