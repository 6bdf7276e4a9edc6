import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays, addMonths } from '../src/deadlines/calendar.ts';
import { axeViolations, describeViolations, type E2E, loginAs, startE2E } from './support.ts';

// A fixed "today" for the clock: a Tuesday in May 2026. The test moves it two years on.
const today = '2026-05-19';
let e2e: E2E;
before(async () => {
  e2e = await startE2E({ fixedToday: today });
});
after(() => e2e?.close());

/** Pages visited along the way, checked with axe in both languages and at 375 px afterwards. */
const visited: Record<string, Set<string>> = {};
function remember(user: string, page: Page) {
  const url = new URL(page.url());
  const urls = visited[user] ?? new Set<string>();
  urls.add(`${url.pathname}${url.search}`.replace(/[?&]notice=[a-zA-Z]+/, ''));
  visited[user] = urls;
}
const pages: Record<string, Page> = {};
let ongoingPlacement = '';

/** A case of Sam Berg's decided ten days ago with a placement in a family home (set up in the database). */
async function decidedCase() {
  const db = e2e.app.db;
  const sam = await db
    .selectFrom('user_account')
    .select(['id', 'municipality_id', 'unit_id'])
    .where('username', '=', 'socialworker')
    .executeTakeFirstOrThrow();
  const manager = await db
    .selectFrom('user_account')
    .select('id')
    .where('username', '=', 'manager')
    .executeTakeFirstOrThrow();
  const child = await db
    .selectFrom('person_assignment as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .where('a.user_id', '=', sam.id)
    .where('p.protected_identity', '=', 'none')
    .where('p.birth_date', '>', '2012-01-01')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('child_case as c').select('c.id').whereRef('c.child_id', '=', 'p.id'))),
    )
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('placement as pl').select('pl.id').whereRef('pl.child_id', '=', 'p.id')),
      ),
    )
    .executeTakeFirstOrThrow();
  const kase = await db
    .insertInto('child_case')
    .values({
      municipality_id: sam.municipality_id,
      child_id: child.id,
      unit_id: sam.unit_id!,
      phase: 'investigation',
      opened_on: addDays(today, -100),
      initial_decision: 'openInvestigation',
      initial_decided_on: addDays(today, -98),
      investigation_opened_on: addDays(today, -98),
      concluded_on: addDays(today, -14),
      responsible_user_id: sam.id,
      decision_outcome: 'interventions',
      decision_text: 'Vård i familjehem enligt SoL.',
      decided_on: addDays(today, -10),
      decided_by: manager.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const type = await db
    .selectFrom('intervention_type')
    .select('id')
    .where('name', '=', 'Placering i familjehem')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('case_intervention')
    .values({ municipality_id: sam.municipality_id, case_id: kase.id, intervention_type_id: type.id })
    .execute();
  return { caseId: kase.id, childId: child.id, name: `${child.given_name} ${child.family_name}` };
}

describe('a placement from the decision to the follow-up', () => {
  let placementUrl = '';
  let child = { caseId: '', childId: '', name: '' };
  const decidedOn = addDays(today, -10);
  const executedOn = addDays(today, -7);

  it('opens from the decision in a home from the register; a home missing an extract is refused', async () => {
    child = await decidedCase();
    const page = await e2e.newPage();
    pages.socialworker = page;
    await loginAs(page, e2e.baseUrl, 'socialworker');
    await page.goto(`${e2e.baseUrl}/cases/${child.caseId}`);
    await page.getByRole('link', { name: 'Registrera placering utifrån beslutet' }).click();
    remember('socialworker', page);
    await page.getByLabel('Beslutad insats').selectOption({ label: 'Placering i familjehem' });
    await page.getByLabel('Frivillig vård (SoL)').check();
    await page.getByLabel('Placeringsform').selectOption('familyHome');
    const homeOption = async (name: string) =>
      (await page.locator('#homeId option', { hasText: name }).first().getAttribute('value'))!;
    await page.getByLabel('Hem', { exact: true }).selectOption(await homeOption('Familjen Berg'));
    await page.getByLabel('Beslutsdatum').fill(decidedOn);
    await page.getByLabel('Beslutsfattare', { exact: true }).selectOption('subcommittee');
    await page.getByLabel('Namn på beslutsfattare eller organ').fill('Individutskottet');
    await page.getByLabel('Verkställd (barnet flyttade in)').fill(executedOn);
    await page.getByRole('button', { name: 'Spara' }).click();
    await page
      .getByText('Utdrag ur belastnings- och misstankeregistret saknas för en familjehemsförälder')
      .first()
      .waitFor();
    await page.getByLabel('Hem', { exact: true }).selectOption(await homeOption('Familjen Lind'));
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Placeringen är registrerad.').waitFor();
    placementUrl = page.url().split('?')[0]!;
    remember('socialworker', page);
    assert.ok(await page.locator('[data-rule="placementReconsideration"]').count());
    await page
      .getByText('Kommunens riktlinje: 4 besök och 4 enskilda samtal per år (inte lagkrav).')
      .waitFor();
  });

  it('records a visit in the home and a private talk at school', async () => {
    const page = pages.socialworker!;
    const contact = async (on: string, kind: string, place: string) => {
      const form = page.locator(`form[action$="/contacts"]`);
      await form.getByLabel('Datum').fill(on);
      await form.getByLabel('Slag').selectOption(kind);
      await form.getByLabel('Plats').selectOption(place);
      await form.getByLabel('Genomfört').check();
      await form.getByLabel('Ja').check();
      await form.getByLabel('Hälsa').check();
      await form.getByRole('button', { name: 'Registrera besök eller samtal' }).click();
      await page.getByText('Besöket eller samtalet är registrerat.').waitFor();
    };
    await contact(addDays(today, -3), 'visit', 'placementHome');
    await contact(addDays(today, -1), 'talkWithChild', 'school');
    assert.equal(await page.locator('[data-contact]').count(), 2);
    assert.match(
      (await page.locator('[data-measure="privateTalks"]').textContent()) ?? '',
      /2 det senaste året/,
    );
  });

  it('prefills the reconsideration document; an official is refused, the committee decides', async () => {
    const page = pages.socialworker!;
    await page.getByRole('link', { name: 'Övervägande eller omprövning' }).click();
    remember('socialworker', page);
    await page.getByText('Besök i hemmet (1)').waitFor();
    await page.getByText('Enskilda samtal med barnet (2)').waitFor();
    await page.getByText('Behövs vården fortfarande?').waitFor();
    const form = page.locator('form[action$="/considerations"]');
    await form.getByLabel('Beslutsfattare', { exact: true }).selectOption('official');
    await form.getByLabel('Namn på beslutsfattare eller organ').fill('Sam Berg');
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Beslutet får inte fattas av en tjänsteman').first().waitFor();
    await form.getByLabel('Beslutsfattare', { exact: true }).selectOption('committee');
    await form.getByLabel('Namn på beslutsfattare eller organ').fill('Socialnämnden');
    await form.getByLabel('Nämndens bedömning och beslut').fill('Vården behövs fortfarande.');
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Nämndens beslut är registrerat.').waitFor();
    assert.equal(await page.locator('[data-consideration="reconsideration"]').count(), 1);
    await page.goto(`${placementUrl}/reconsideration?print=1`);
    remember('socialworker', page);
    assert.equal(await page.locator('form[method="post"]').count(), 0);
  });

  it('records a temporary moving ban by the chair and puts it before the court (27–28 §§ LVU)', async () => {
    const page = pages.socialworker!;
    await page.goto(placementUrl);
    const form = page.locator('form[action$="/temporary-bans"]');
    await form.getByLabel('Beslutsdatum').fill(addDays(today, 1));
    await form.getByLabel('Beslutsfattare', { exact: true }).selectOption('chair');
    await form.getByLabel('Namn på nämnd, utskott, ledamot eller domstol').fill('Ordförande Eva Ek');
    await form.getByRole('button', { name: 'Registrera tillfälligt flyttningsförbud' }).click();
    await page.getByText('Datumet får inte ligga i framtiden.').first().waitFor();
    const axeHere = async (what: string) => {
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 800 });
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `${what} (${width}px)\n${describeViolations(violations)}`);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    };
    await axeHere('the temporary ban form with an error');
    await form.getByLabel('Beslutsdatum').fill(addDays(today, -1));
    await form.getByRole('button', { name: 'Registrera tillfälligt flyttningsförbud' }).click();
    await page.getByText('Det tillfälliga flyttningsförbudet är registrerat.').waitFor();
    const ban = page.locator('[data-temporary-ban="inForce"]');
    // Monday 18 May + a week: to the court by Monday 25 May; the chair's decision to be reported.
    assert.equal(
      await ban.locator('[data-rule="temporaryMovingBanCourt"]').getAttribute('data-due'),
      '2026-05-25',
    );
    assert.ok(await ban.locator('[data-report="due"]').count());
    assert.ok(await page.locator('tr[data-rule="temporaryMovingBanCourt"]').count(), 'on the schedule');
    await axeHere('the temporary ban in force with its duties');
    const step = page.locator('form[action$="/temporary-bans/steps"]');
    await step.getByLabel('Underställt förvaltningsrätten').check();
    await step.getByLabel('Datum', { exact: true }).fill(today);
    await step.getByRole('button', { name: 'Registrera nästa steg' }).click();
    await page.getByText('Steget är registrerat.').waitFor();
    assert.equal(await page.locator('tr[data-rule="temporaryMovingBanCourt"]').count(), 0);
    await page.goto(`${placementUrl}?lang=en`);
    await page.getByText('The chair’s decision is to be reported at the committee’s next meeting').waitFor();
    await axeHere('the temporary ban in English');
    await page.goto(`${placementUrl}?lang=sv`);
  });

  it('two years on, custody transfer is due; the placement ends and its follow-up closes', async () => {
    const page = pages.socialworker!;
    ongoingPlacement = await e2e.app.db
      .selectFrom('placement')
      .select('id')
      .where('ended_on', 'is', null)
      .where('designated_worker_id', 'in', (eb) =>
        eb.selectFrom('user_account').select('id').where('username', '=', 'socialworker'),
      )
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
    const later = addDays(addMonths(executedOn, 24), 3);
    e2e.app.config.fixedToday = later;
    try {
      await page.goto(placementUrl);
      const row = page.locator('tr[data-rule="custodyTransfer"]');
      await row.waitFor();
      assert.match((await row.textContent()) ?? '', new RegExp(addMonths(executedOn, 24)));
      assert.match((await row.textContent()) ?? '', /22 kap\. 14 §/);
      assert.ok(await row.locator('.tag--urgent').count(), 'overdue');
      const end = page.locator('form[action$="/end"]');
      await end.getByLabel('Upphörde', { exact: true }).fill(later);
      await end.getByLabel('Hur vården upphörde').selectOption('returnedHome');
      await end.getByRole('button', { name: 'Avsluta placeringen' }).click();
      await page.getByText('Placeringen är avslutad.').waitFor();
      const followUp = page.locator('form[action$="/follow-up"]');
      await followUp.getByLabel('Datum').fill(later);
      await followUp.getByRole('button', { name: 'Registrera att uppföljningen påbörjats' }).click();
      await page.getByText('Uppföljningen är registrerad.').waitFor();
      assert.ok(await page.locator('tr[data-rule="placementFollowUp"]').count());
      await page.locator('form[action$="/follow-up"]').getByLabel('Datum').fill(later);
      await page.getByRole('button', { name: 'Avsluta uppföljningen' }).click();
      await page.getByText('Inga öppna skyldigheter.').waitFor();
      remember('socialworker', page);
    } finally {
      e2e.app.config.fixedToday = today;
    }
  });

  it('has no accessibility violations on the new pages, in Swedish and English and at 375 px', async () => {
    const page = pages.socialworker!;
    for (const path of [
      '/placements',
      `/placements/${ongoingPlacement}`,
      `/unaccompanied/${child.childId}`,
      '/homes',
    ])
      visited.socialworker!.add(path);
    const homefinder = await e2e.newPage();
    await loginAs(homefinder, e2e.baseUrl, 'homefinder');
    const home = await e2e.app.db
      .selectFrom('placement_home')
      .select('id')
      .where('name', '=', 'Familjen Berg')
      .executeTakeFirstOrThrow();
    const manager = await e2e.newPage();
    await loginAs(manager, e2e.baseUrl, 'manager');
    const admin = await e2e.newPage();
    await loginAs(admin, e2e.baseUrl, 'admin');
    // The demo's HVB placement, its whereabouts kept secret (14 § LVU): the list and the review form.
    const secret = await e2e.app.db
      .selectFrom('placement_restriction')
      .select('placement_id')
      .executeTakeFirstOrThrow();
    const checks: [Page, string[]][] = [
      [page, [...visited.socialworker!, `/placements/${secret.placement_id}`]],
      [homefinder, ['/homes', '/homes/new', `/homes/${home.id}`, '/worklist']],
      [manager, ['/placements/ivo-list?year=2025', '/placements?unit=1']],
      [admin, ['/admin/placement-settings']],
    ];
    for (const [p, paths] of checks) {
      for (const width of [1280, 375]) {
        await p.setViewportSize({ width, height: 800 });
        for (const lang of ['sv', 'en']) {
          for (const path of paths) {
            await p.goto(`${e2e.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
            const violations = await axeViolations(p);
            assert.equal(
              violations.length,
              0,
              `${path} (${lang}, ${width}px)\n${describeViolations(violations)}`,
            );
            if (width === 375) {
              const overflow = await p.evaluate(() => document.documentElement.scrollWidth);
              assert.ok(overflow <= 380, `${path} (${lang}) is ${overflow}px wide at 375 px`);
            }
          }
        }
      }
      await p.context().close();
    }
  });
});
