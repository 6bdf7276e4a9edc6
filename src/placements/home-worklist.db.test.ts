import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths } from '../deadlines/calendar.ts';
import { placementForm, t, today, world } from './world.ts';

const idFrom = (res: { headers: Record<string, unknown> }) =>
  String(res.headers.location).split('/').pop()!.split('?')[0]!;
const homeItem = (body: string, homeId: string) => {
  const start = body.indexOf(`data-home="${homeId}"`);
  return start < 0 ? '' : body.slice(start, body.indexOf('</li></ul></li>', start) + 1 || undefined);
};

describe('the home-finding team’s worklist section', () => {
  it('shows its homes with missing extracts, no investigation, and an emergency home past two months', async () => {
    const w = await world();
    const res = await w.clients.worker.post(
      `/cases/${w.caseId}/placements`,
      placementForm(w, { form: 'emergencyHome' }),
    );
    assert.equal(res.statusCode, 303);
    const id = idFrom(res);
    await t.db.db
      .updateTable('placement')
      .set({ investigation_closed_on: addMonths(today, -3) })
      .where('id', '=', id)
      .execute();
    const page = await w.clients.finder.get('/worklist');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Hem med något som ska förnyas eller åtgärdas/);
    assert.match(homeItem(page.body, w.homes.approved), /data-alert="emergencyHomeOverdue"/);
    assert.match(homeItem(page.body, w.homes.noExtracts), /data-alert="registerExtractMissing"/);
    assert.match(homeItem(page.body, w.homes.unfinished), /data-alert="homeNotInvestigated"/);
    // The child is not named here; the home's page names the children placed there.
    assert.doesNotMatch(page.body, new RegExp(w.child.givenName));
    const audited = await t.db.db
      .selectFrom('audit_event')
      .select('seq')
      .where('municipality_id', '=', w.municipalityId)
      .where('actor_user_id', '=', w.users.finder.id)
      .where('action', '=', 'placement.list')
      .where('record_id', '=', id)
      .execute();
    assert.equal(audited.length, 1);
    // A social worker outside the team has no such section.
    assert.doesNotMatch((await w.clients.worker.get('/worklist')).body, /home-worklist-heading/);
    const reasons = await w.clients.worker.post(`/placements/${id}/steps`, {
      stepKind: 'emergencyHomeSpecialReasons',
      stepOn: today,
      stepNote: 'Familjehemmet blir klart i juni.',
    });
    assert.equal(reasons.statusCode, 303);
    const after = await w.clients.finder.get('/worklist');
    assert.doesNotMatch(after.body, /data-alert="emergencyHomeOverdue"/);
  });
});
