import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Client } from '../testing/app.ts';
import { createSip } from '../testing/factories.ts';
import { placementForm, t, today, world } from './world.ts';

const idFrom = (res: { headers: Record<string, unknown> }) =>
  String(res.headers.location ?? '')
    .split('/')
    .pop()!
    .split('?')[0]!;

async function placed() {
  const w = await world();
  const res = await w.clients.worker.post(`/cases/${w.caseId}/placements`, placementForm(w));
  assert.equal(res.statusCode, 303, res.body.replace(/<[^>]+>/g, ' ').slice(0, 800));
  return { w, placementId: idFrom(res) };
}

const seen = (userId: string, placementId: string) =>
  t.db.db
    .selectFrom('audit_event')
    .select('record_id')
    .where('actor_user_id', '=', userId)
    .where('record_id', '=', placementId)
    .execute();

describe('reports and coordinated plans link to the placement', () => {
  it("a report about the child shows the child's placements to those who may read them, audited", async () => {
    const { w, placementId } = await placed();
    const reporter = new Client(t.app);
    await reporter.get(`/report/professional?m=${w.code}`);
    const filed = await reporter.post(`/report/professional?m=${w.code}`, {
      reporterName: 'Pia Skog',
      reporterOrganisation: 'Sjövikskolan',
      reporterOrganisationKind: 'school',
      reporterPhone: '070-1740601',
      childGivenName: w.child.givenName,
      childFamilyName: w.child.familyName,
      concern: 'Barnet har kommit hungrig till skolan flera dagar i rad och säger att det är bråk hemma.',
    });
    const reference = String(filed.headers.location).split('/').pop()!;
    const report = await t.db.db
      .updateTable('report')
      .set({ child_id: w.child.id, case_id: w.caseId })
      .where('reference', '=', reference)
      .returning('id')
      .executeTakeFirstOrThrow();

    const before = (await seen(w.users.manager.id, placementId)).length;
    const page = await w.clients.manager.get(`/intake/reports/${report.id}`);
    assert.equal(page.statusCode, 200, page.body.slice(0, 300));
    assert.match(page.body, new RegExp(`href="/placements/${placementId}"`));
    assert.match(page.body, /Familjen Ek/);
    assert.ok((await seen(w.users.manager.id, placementId)).length > before, 'the placement seen is audited');

    // The intake worker reads the report but not the placement: no link, nothing of the home.
    const intake = await w.clients.intake.get(`/intake/reports/${report.id}`);
    assert.equal(intake.statusCode, 200);
    assert.doesNotMatch(intake.body, /\/placements\//);
    assert.doesNotMatch(intake.body, /Familjen Ek/);
  });

  it('a coordinated plan for the child links to the placement for social services, never for a partner', async () => {
    const { w, placementId } = await placed();
    const partner = await t.db.db
      .selectFrom('user_account')
      .select('partner_organisation_id')
      .where('id', '=', w.users.partner.id)
      .executeTakeFirstOrThrow();
    const sip = await createSip(t.db.db, {
      municipalityId: w.municipalityId,
      childId: w.child.id,
      coordinatorUserId: w.users.worker.id,
      organisationIds: [partner.partner_organisation_id!],
      consent: { informationKinds: ['plan', 'needs', 'contactDetails'] },
      today,
    });
    const page = await w.clients.worker.get(`/sips/${sip.id}`);
    assert.equal(page.statusCode, 200, page.body.slice(0, 300));
    assert.match(page.body, new RegExp(`href="/placements/${placementId}"`));

    const seenBy = await w.clients.partner.get(`/sips/${sip.id}`);
    assert.equal(seenBy.statusCode, 200, seenBy.body.slice(0, 300));
    assert.doesNotMatch(seenBy.body, /\/placements\//);
    assert.doesNotMatch(seenBy.body, /Familjen Ek/);
  });
});
