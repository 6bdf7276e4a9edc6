import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Client, login } from '../testing/app.ts';
import { createUser } from '../testing/factories.ts';
import { placementForm, t, type World, world } from './world.ts';

const text = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** Posts a form with repeated fields (the check boxes and the selects of every intervention). */
function post(client: Client, url: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams([['_csrf', client.csrf]]);
  for (const [name, v] of Object.entries(form)) for (const one of [v].flat()) body.append(name, one);
  return client.request('POST', url, body.toString(), {
    'content-type': 'application/x-www-form-urlencoded',
  });
}

async function admin(w: World) {
  const user = await createUser(t.db.db, t.config.secretKey, {
    municipalityId: w.municipalityId,
    role: 'administrator',
  });
  return login(t.app, user);
}
const marks = async (w: World) =>
  (
    await t.db.db
      .selectFrom('placement_intervention_type')
      .select(['intervention_type_id', 'form'])
      .where('municipality_id', '=', w.municipalityId)
      .orderBy('intervention_type_id')
      .execute()
  ).map((r) => [r.intervention_type_id, r.form]);

describe('the administrator’s settings for placements', () => {
  it('marks which interventions are placements and their form, and sets the guideline; no one else may', async () => {
    const w = await world();
    const client = await admin(w);
    const page = await client.get('/admin/placement-settings');
    assert.equal(page.statusCode, 200);
    assert.match(text(page.body), /Insatser som är placeringar/);
    assert.match(page.body, new RegExp(`name="placements" value="${w.interventionTypeId}"[^>]*checked`));
    assert.equal((await w.clients.worker.get('/admin/placement-settings')).statusCode, 403);
    assert.equal((await post(w.clients.manager, '/admin/placement-settings', {})).statusCode, 403);
    const saved = await post(client, '/admin/placement-settings', {
      placements: [w.interventionTypeId, w.supportTypeId],
      forms: [`${w.interventionTypeId}:familyHome`, `${w.supportTypeId}:`],
      visitsPerYear: '6',
      privateTalksPerYear: '4',
      registerExtractMaxAgeMonths: '24',
    });
    assert.equal(saved.statusCode, 303, text(saved.body).slice(0, 500));
    assert.deepEqual(
      await marks(w),
      [
        [w.interventionTypeId, 'familyHome'],
        [w.supportTypeId, null],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const setting = await t.db.db
      .selectFrom('placement_setting')
      .selectAll()
      .where('municipality_id', '=', w.municipalityId)
      .executeTakeFirstOrThrow();
    assert.equal(setting.visits_per_year, 6);
    assert.equal(setting.register_extract_max_age_months, 24);
    const audited = await t.db.db
      .selectFrom('audit_event')
      .select('seq')
      .where('municipality_id', '=', w.municipalityId)
      .where('action', '=', 'placementSettings.manage')
      .where('outcome', '=', 'allowed')
      .execute();
    assert.equal(audited.length, 1);
  });

  it('refuses numbers out of range and unknown interventions, writing nothing', async () => {
    const w = await world();
    const client = await admin(w);
    const before = await marks(w);
    const bad = await post(client, '/admin/placement-settings', {
      placements: [w.interventionTypeId],
      visitsPerYear: '0',
      privateTalksPerYear: 'fyra',
      registerExtractMaxAgeMonths: '12',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(text(bad.body), /Ange ett heltal mellan 1 och 52/);
    const unknown = await post(client, '/admin/placement-settings', {
      placements: ['00000000-0000-4000-8000-000000000000'],
      visitsPerYear: '4',
      privateTalksPerYear: '4',
      registerExtractMaxAgeMonths: '12',
    });
    assert.equal(unknown.statusCode, 400);
    assert.match(text(unknown.body), /Insatsen finns inte/);
    assert.deepEqual(await marks(w), before);
    const setting = await t.db.db
      .selectFrom('placement_setting')
      .select('visits_per_year')
      .where('municipality_id', '=', w.municipalityId)
      .executeTakeFirst();
    assert.equal(setting, undefined);
  });

  it('opens a placement of the intervention’s form: another form is refused, and an unmarked intervention opens none', async () => {
    const w = await world();
    const client = await admin(w);
    await post(client, '/admin/placement-settings', {
      placements: [w.interventionTypeId],
      forms: [`${w.interventionTypeId}:familyHome`],
      visitsPerYear: '4',
      privateTalksPerYear: '4',
      registerExtractMaxAgeMonths: '12',
    });
    const form = await w.clients.worker.get(`/cases/${w.caseId}/placements/new`);
    assert.match(form.body, /<option value="familyHome" selected/);
    const hvb = await w.clients.worker.post(
      `/cases/${w.caseId}/placements`,
      placementForm(w, { form: 'emergencyHome' }),
    );
    assert.equal(hvb.statusCode, 400);
    assert.match(text(hvb.body), /Placeringsformen är inte den som insatsen beviljade/);
    // Unmarked: the case no longer offers a placement, and the form refuses the intervention.
    await post(client, '/admin/placement-settings', {
      visitsPerYear: '4',
      privateTalksPerYear: '4',
      registerExtractMaxAgeMonths: '12',
    });
    const none = await w.clients.worker.post(`/cases/${w.caseId}/placements`, placementForm(w));
    assert.equal(none.statusCode, 400);
    assert.match(text(none.body), /Insatsen är inte en placering/);
    const casePage = await w.clients.worker.get(`/cases/${w.caseId}`);
    assert.doesNotMatch(casePage.body, /placements\/new/);
  });
});
