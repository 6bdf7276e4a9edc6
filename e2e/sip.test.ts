import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays } from '../src/deadlines/calendar.ts';
import { axeViolations, describeViolations, type E2E, loginAs, startE2E } from './support.ts';

// A fixed "today" for the clock: a Tuesday in May 2026.
const today = '2026-05-19';
let e2e: E2E;
before(async () => {
  e2e = await startE2E({ fixedToday: today });
});
after(() => e2e?.close());

/** Pages visited along the way, checked with axe in both languages afterwards. */
const visited: Record<string, Set<string>> = {};
function remember(user: string, page: Page) {
  const url = new URL(page.url());
  const urls = visited[user] ?? new Set<string>();
  urls.add(`${url.pathname}${url.search}`.replace(/[?&]notice=[a-zA-Z]+/, ''));
  visited[user] = urls;
}

async function expectNoViolations(page: Page, label: string) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${label}\n${describeViolations(violations)}`);
}

const school = 'Sjövikskolan, elevhälsan';
const bup = 'BUP Sjövik, Region Sjöland';
const socialServices = 'Socialtjänsten, Sjöviks kommun';

/** A child Sam Berg knows, with two guardians and no plan yet. */
async function childForPlan() {
  const db = e2e.app.db;
  const rows = await db
    .selectFrom('person_assignment as a')
    .innerJoin('user_account as u', 'u.id', 'a.user_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.birth_date'])
    .where('u.username', '=', 'socialworker')
    .where('p.protected_identity', '=', 'none')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('sip as s').select('s.id').whereRef('s.child_id', '=', 'p.id'))),
    )
    .execute();
  for (const child of rows) {
    const guardians = await db
      .selectFrom('guardianship as g')
      .innerJoin('person as p', 'p.id', 'g.guardian_id')
      .select(['p.given_name', 'p.family_name'])
      .where('g.child_id', '=', child.id)
      .where('g.kind', '=', 'guardian')
      .execute();
    if (guardians.length === 2 && child.birth_date && child.birth_date < addDays(today, -365 * 6))
      return { ...child, guardians };
  }
  throw new Error('no child for the plan in the demo data');
}

describe('a coordinated individual plan from draft to closing, with three organisations', () => {
  let planUrl = '';
  let childName = '';

  it('is drafted by the social worker from the child, with the family’s consent before anything is shared', async () => {
    const child = await childForPlan();
    childName = `${child.given_name} ${child.family_name}`;
    const page = await e2e.newPage();
    await loginAs(page, e2e.baseUrl, 'socialworker');
    await page.goto(`${e2e.baseUrl}/people/${child.id}`);
    remember('socialworker', page);
    await page.getByRole('button', { name: 'Starta en SIP för barnet' }).click();
    await page.getByRole('heading', { name: `SIP för ${childName}` }).waitFor();
    planUrl = page.url().split('?')[0]!;
    await page.getByText('Planen är startad som utkast').waitFor();
    remember('socialworker', page);

    for (const [organisation, kind, contact] of [
      [school, 'Skola och elevhälsa', 'Sara Lund, skolsköterska'],
      [bup, 'Barn- och ungdomspsykiatri (BUP)', 'Bo Ahmadi, psykolog'],
    ] as const) {
      await page.locator('#organisationId').selectOption({ label: `${organisation} (${kind})` });
      await page.getByLabel('Kontaktperson').fill(contact);
      await page.getByRole('button', { name: 'Bjud in organisation' }).click();
      await page.getByText('Organisationen är inbjuden.').waitFor();
    }

    // The partners see nothing yet: no consent.
    const nurse = await e2e.newPage();
    await loginAs(nurse, e2e.baseUrl, 'schoolnurse');
    const before = await nurse.goto(planUrl);
    assert.equal(before?.status(), 403);
    assert.doesNotMatch(await nurse.content(), new RegExp(child.family_name));
    await nurse.context().close();

    await page.getByRole('link', { name: 'Registrera samtycke' }).click();
    await page.getByRole('heading', { name: `Samtycke till SIP för ${childName}` }).waitFor();
    remember('socialworker', page);
    await page.getByRole('button', { name: 'Spara samtycket' }).click();
    await page.getByRole('heading', { name: 'Det finns fel i formuläret' }).waitFor();
    await expectNoViolations(page, 'the consent form with errors');
    await page.getByLabel('Samtycket gäller till och med').fill(addDays(today, 365));
    for (const g of child.guardians)
      await page.getByLabel(`${g.given_name} ${g.family_name} (Vårdnadshavare)`).check();
    await page.getByLabel('Barnet vill ha planen').check();
    await page.getByLabel('Barnets egna ord om planen').fill('Jag vill att Sara är med.');
    await page.getByLabel(`${school} (Skola och elevhälsa)`).check();
    await page.getByLabel(`${bup} (Barn- och ungdomspsykiatri (BUP))`).check();
    await page.getByLabel('Barnets behov som de beskrivs i planen').check();
    await page.getByRole('button', { name: 'Spara samtycket' }).click();
    await page.getByText('Samtycket är registrerat.').waitFor();

    await page.locator('#needArea').selectOption('goodHealth');
    await page.locator('#needDescription').fill('Sover dåligt och har ont i magen före skoldagar.');
    await page.getByRole('button', { name: 'Lägg till behov' }).click();
    await page.getByText('Planen är sparad.').waitFor();
    await page.locator('#goalArea').selectOption('successInSchool');
    await page.locator('#goal').fill('Går i skolan fyra dagar i veckan.');
    await page.locator('#childsWords').fill('Jag vill orka gå till skolan.');
    await page.getByRole('button', { name: 'Lägg till mål' }).click();
    await page.getByText('Jag vill orka gå till skolan.').first().waitFor();
    for (const [organisation, text, person] of [
      [school, 'Samtal med skolsköterskan varje tisdag.', 'Sara Lund'],
      [bup, 'Bedömning av sömn och oro.', 'Bo Ahmadi'],
      [socialServices, 'Föräldrastöd kring kvällsrutiner.', 'Sam Berg'],
    ] as const) {
      await page.locator('#actionDescription').fill(text);
      await page.locator('#responsible').selectOption({ label: organisation });
      await page.locator('#responsiblePerson').fill(person);
      await page.locator('#dueOn').fill(addDays(today, 21));
      await page.getByRole('button', { name: 'Lägg till insats' }).click();
      await page.getByRole('cell', { name: text }).waitFor();
    }
    await page.locator('#actionDescription').fill('Följer med till BUP.');
    await page.locator('#responsible').selectOption({ label: 'Någon annan än parterna' });
    await page.locator('#responsibleOther').fill('Mormor');
    await page.locator('#dueOn').fill(addDays(today, 21));
    await page.getByRole('button', { name: 'Lägg till insats' }).click();
    await page.getByRole('cell', { name: 'Mormor' }).waitFor();

    await page.getByRole('link', { name: 'Ändra möte, huvudansvar och uppföljning' }).click();
    remember('socialworker', page);
    await page.locator('#leadOrganisationId').selectOption({ label: bup });
    await page.locator('#meetingOn').fill(addDays(today, 2));
    await page.locator('#meetingTime').fill('09:30');
    await page.locator('#meetingPlace').fill('Sjövikskolan, rum 12');
    await page.locator('#familyParticipants').fill(`${child.given_name}, mamma och pappa`);
    await page.locator('#followUpOn').fill(addDays(today, 60));
    await page.locator('#summaryForChild').fill('Vi hjälps åt så att du orkar gå till skolan.');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Planen är sparad.').waitFor();
    await expectNoViolations(page, 'the draft plan, complete');

    await page.getByRole('button', { name: `${socialServices} godkänner sin del av planen` }).click();
    await page.getByText('Din organisation har godkänt sin del.').waitFor();
    remember('socialworker', page);
    await page.context().close();
  });

  it('is agreed by the school nurse and the child psychiatry clinician, each for their organisation', async () => {
    const nurse = await e2e.newPage();
    await loginAs(nurse, e2e.baseUrl, 'schoolnurse');
    await nurse.getByRole('heading', { name: 'Planer som väntar på att godkännas' }).waitFor();
    remember('schoolnurse', nurse);
    await nurse.getByRole('link', { name: childName }).first().click();
    await nurse.getByText('Sover dåligt och har ont i magen').waitFor();
    // The partner's view of a draft, in both languages (the plan is closed before the final sweep).
    await expectNoViolations(nurse, "the school nurse's view of the draft");
    await nurse.goto(`${planUrl}?lang=en`);
    await expectNoViolations(nurse, "the school nurse's view of the draft (en)");
    await nurse.goto(`${planUrl}?lang=sv`);
    await nurse.getByRole('button', { name: `${school} godkänner sin del av planen` }).click();
    await nurse.getByText('Din organisation har godkänt sin del.').waitFor();
    await nurse.context().close();

    const clinician = await e2e.newPage();
    await loginAs(clinician, e2e.baseUrl, 'bup');
    await clinician.goto(planUrl);
    remember('bup', clinician);
    await clinician.getByRole('button', { name: `${bup} godkänner sin del av planen` }).click();
    await clinician.getByText('Alla parter har godkänt. Planen gäller nu.').waitFor();
    const api = await clinician.request.get(`${planUrl.replace('/sips/', '/api/v1/sips/')}`);
    assert.equal(api.status(), 200);
    const plan = (await api.json()) as { status: string; participants: { agreed: boolean }[] };
    assert.equal(plan.status, 'active');
    assert.ok(plan.participants.every((p) => p.agreed));
    await clinician.context().close();
  });

  it('is followed up with each action’s status, printed for the family, and closed with a reason', async () => {
    const nurse = await e2e.newPage();
    await loginAs(nurse, e2e.baseUrl, 'schoolnurse');
    await nurse.goto(planUrl);
    const ownAction = nurse.locator('form[action*="/status"]').first();
    await ownAction.getByLabel('Kommentar').fill('Två samtal hittills.');
    await ownAction.locator('select').selectOption('ongoing');
    await ownAction.getByRole('button', { name: 'Spara läget' }).click();
    await nurse.getByText('Läget är sparat.').waitFor();

    const page = await e2e.newPage();
    await loginAs(page, e2e.baseUrl, 'socialworker');
    await page.goto(planUrl);
    await page.getByRole('link', { name: 'Dokumentera uppföljning' }).click();
    remember('socialworker', page);
    for (const select of await page.locator('select[name^="status-"]').all())
      await select.selectOption('done');
    await page.getByLabel('Vad kom fram').fill('Närvaron är bättre, fyra dagar av fem.');
    await page.getByLabel('Nästa uppföljning').fill(addDays(today, 90));
    await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await page.getByText('Uppföljningen är sparad.').waitFor();
    await page.getByText('Närvaron är bättre, fyra dagar av fem.').waitFor();

    await page.goto(`${planUrl}/print`);
    remember('socialworker', page);
    await page.getByText(`Hej ${childName.split(' ')[0]}!`).waitFor();
    await page.getByText('Vi hjälps åt så att du orkar gå till skolan.').waitFor();

    await page.goto(planUrl);
    await page.locator('#reason').selectOption('goalsMet');
    await page.getByLabel('Jag bekräftar att planen ska avslutas').check();
    await page.getByRole('button', { name: 'Avsluta planen' }).click();
    await page.getByText('Planen är avslutad.').waitFor();

    // A closed plan is no longer shared.
    const after = await nurse.goto(planUrl);
    assert.equal(after?.status(), 403);
    await nurse.getByText('Planen är avslutad. Samverkansparterna ser den inte längre.').waitFor();
    await page.context().close();
    await nurse.context().close();
  });
});

describe('withdrawing the consent', () => {
  it('takes the plan away from the partners at once, in the pages and in the API', async () => {
    // The demo's plan in force, with the school and BUP.
    const db = e2e.app.db;
    const sip = await db
      .selectFrom('sip as s')
      .innerJoin('partner_organisation as o', 'o.id', 's.lead_organisation_id')
      .select('s.id')
      .where('s.status', '=', 'active')
      .where('o.kind', '=', 'childPsychiatry')
      .executeTakeFirstOrThrow();
    const url = `${e2e.baseUrl}/sips/${sip.id}`;
    const apiUrl = `${e2e.baseUrl}/api/v1/sips/${sip.id}`;

    const nurse = await e2e.newPage();
    await loginAs(nurse, e2e.baseUrl, 'schoolnurse');
    await nurse.goto(url);
    await nurse.getByRole('heading', { name: /SIP för/ }).waitFor();
    const clinician = await e2e.newPage();
    await loginAs(clinician, e2e.baseUrl, 'bup');
    assert.equal((await clinician.request.get(apiUrl)).status(), 200);
    assert.equal(
      ((await (await clinician.request.get(`${e2e.baseUrl}/api/v1/sips`)).json()) as { sips: unknown[] }).sips
        .length,
      1,
    );

    const worker = await e2e.newPage();
    await loginAs(worker, e2e.baseUrl, 'socialworker');
    await worker.goto(url);
    await worker
      .getByLabel('Vem återkallade samtycket, och hur')
      .fill('Mamma ringde kl. 10.15 och tog tillbaka samtycket.');
    await worker.getByRole('button', { name: 'Återkalla samtycket' }).click();
    await worker.getByText('Samtycket är återkallat. Partnerna ser inte längre planen.').waitFor();

    const reloaded = await nurse.reload();
    assert.equal(reloaded?.status(), 403);
    await nurse.getByText('Samtycket har återkallats. Uppgifterna kan inte längre lämnas ut.').waitFor();
    await nurse.goto(`${e2e.baseUrl}/`);
    assert.doesNotMatch(await nurse.content(), new RegExp(`/sips/${sip.id}`));
    const api = await clinician.request.get(apiUrl);
    assert.equal(api.status(), 403);
    assert.equal(((await api.json()) as { error: { code: string } }).error.code, 'consentWithdrawn');
    assert.deepEqual(
      ((await (await clinician.request.get(`${e2e.baseUrl}/api/v1/sips`)).json()) as { sips: unknown[] })
        .sips,
      [],
    );

    // The manager sees in the log review who read the plan, with their organisation.
    const manager = await e2e.newPage();
    await loginAs(manager, e2e.baseUrl, 'manager');
    const child = await db
      .selectFrom('sip')
      .select('child_id')
      .where('id', '=', sip.id)
      .executeTakeFirstOrThrow();
    await manager.goto(`${e2e.baseUrl}/log-review?person=${child.child_id}`);
    await manager
      .locator('tr', { hasText: 'Sara Lund' })
      .filter({ hasText: 'Öppnade SIP' })
      .first()
      .waitFor();
    await manager.locator('tr', { hasText: 'Bo Ahmadi' }).filter({ hasText: bup }).first().waitFor();
    for (const p of [nurse, clinician, worker, manager]) await p.context().close();
  });
});

describe('partners ask for plans and administer their own users', () => {
  it('lets a partner request a plan and social services take it up', async () => {
    const page = await e2e.newPage();
    await loginAs(page, e2e.baseUrl, 'bup');
    await page.goto(`${e2e.baseUrl}/sips/request`);
    remember('bup', page);
    await page.getByRole('button', { name: 'Skicka begäran' }).click();
    await page.getByRole('heading', { name: 'Det finns fel i formuläret' }).waitFor();
    await expectNoViolations(page, 'the request form with errors');
    await page.context().close();

    const worker = await e2e.newPage();
    await loginAs(worker, e2e.baseUrl, 'socialworker');
    await worker.getByRole('heading', { name: 'Begäranden som väntar på socialtjänsten' }).waitFor();
    await worker.locator('#sip-requests + ul a').first().click();
    await worker.getByRole('heading', { name: /Begäran om SIP för/ }).waitFor();
    remember('socialworker', worker);
    await worker.getByRole('button', { name: 'Ta emot och starta planen' }).click();
    await worker.getByText('Begäran är mottagen. Planen är ett utkast.').waitFor();
    await worker.getByRole('cell', { name: /^BUP Sjövik, Region Sjöland \(/ }).waitFor();
    await worker.context().close();
  });

  it('shows the administrator the organisations, and the school its own users', async () => {
    const admin = await e2e.newPage();
    await loginAs(admin, e2e.baseUrl, 'admin');
    await admin.goto(`${e2e.baseUrl}/admin/organisations`);
    remember('admin', admin);
    await admin.getByRole('link', { name: school }).click();
    remember('admin', admin);
    await admin.getByRole('cell', { name: 'Sara Lund', exact: true }).waitFor();
    await admin.context().close();

    const partner = await e2e.newPage();
    await loginAs(partner, e2e.baseUrl, 'partner');
    await partner.getByRole('link', { name: 'Min organisation' }).first().click();
    await partner.getByRole('heading', { name: school }).waitFor();
    remember('partner', partner);
    await partner.context().close();
  });
});

describe('accessibility: axe finds nothing on the plans’ pages, in Swedish and English', () => {
  const extra: Record<string, string[]> = {
    socialworker: ['/', '/sips', '/sips?status=active', '/worklist'],
    schoolnurse: ['/', '/sips'],
    bup: ['/', '/sips'],
    partner: ['/'],
    bvc: ['/', '/sips'],
  };
  before(async () => {
    // The child health centre's draft, and a case page with the way to start a plan.
    const db = e2e.app.db;
    const draft = await db
      .selectFrom('sip as s')
      .innerJoin('sip_participant as p', 'p.sip_id', 's.id')
      .innerJoin('partner_organisation as o', 'o.id', 'p.organisation_id')
      .select('s.id')
      .where('o.kind', '=', 'childHealthCentre')
      .executeTakeFirstOrThrow();
    extra.bvc?.push(`/sips/${draft.id}`, `/sips/${draft.id}/print`);
    const kase = await db
      .selectFrom('child_case as c')
      .innerJoin('user_account as u', 'u.id', 'c.responsible_user_id')
      .select('c.id')
      .where('u.username', '=', 'socialworker')
      .executeTakeFirstOrThrow();
    extra.socialworker?.push(`/cases/${kase.id}`);
  });
  for (const user of ['socialworker', 'schoolnurse', 'bup', 'bvc', 'admin', 'partner']) {
    it(`has no violations on the pages ${user} saw`, async () => {
      const paths = new Set([...(visited[user] ?? []), ...(extra[user] ?? [])]);
      assert.ok(paths.size >= 2, `${user} has pages to check`);
      const page = await e2e.newPage();
      await loginAs(page, e2e.baseUrl, user);
      for (const lang of ['sv', 'en']) {
        for (const path of paths) {
          await page.goto(`${e2e.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
          await expectNoViolations(page, `${user} ${path} (${lang})`);
        }
      }
      await page.context().close();
    });
  }
});
