import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { seal } from '../src/platform/auth/secret-box.ts';
import { newTotpSecret, totpCode } from '../src/platform/auth/totp.ts';
import { axeViolations, describeViolations, type E2E, loginAs, startE2E } from './support.ts';

/**
 * The national coordinator in Chromium (issue 18, decision 0108): signs in with the
 * installation-level login, reads the overview across municipalities, records a follow-up visit on
 * Sjövik's plan whose snapshot prints and whose next step appears as a task for BUP on the plan's
 * page; axe passes on every coordinator page in Swedish and English, at full width and 375 px.
 */
let e2e: E2E;
const secret = newTotpSecret();
before(async () => {
  e2e = await startE2E();
  await e2e.app.db
    .insertInto('operator_account')
    .values({
      username: 'e2e-coordinator',
      display_name: 'Nora Samordnare',
      password_hash: await hashPassword('coordinator password e2e'),
      must_change_password: false,
      totp_secret_enc: seal(e2e.app.config.secretKey, secret),
      coordinator_scope: 'national',
      coordinator_office: 'Nationell samordnare',
    })
    .execute();
});
after(() => e2e?.close());

describe('the coordinator in a browser', () => {
  it('records a visit whose next steps become tasks and whose snapshot prints; axe everywhere', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/operator/login`);
    await page.getByLabel('Användarnamn').fill('e2e-coordinator');
    await page.getByLabel('Lösenord').fill('coordinator password e2e');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByLabel('Engångskod').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    assert.match(page.url(), /\/coordinator$/);
    assert.match((await page.locator('h1').textContent()) ?? '', /Samordnarens översikt/);
    const urls = ['/coordinator'];
    await page.getByRole('link', { name: 'Plan för handling 2026–2027' }).click();
    const planUrl = new URL(page.url()).pathname;
    urls.push(planUrl);
    // A visit without its day: the form again, with the error linked.
    await page.getByRole('button', { name: 'Spara besöket' }).click();
    assert.match((await page.locator('.error-summary').textContent()) ?? '', /Besöksdag/);
    assert.deepEqual(await axeViolations(page), [], 'visit form with errors');
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    await page.locator('#visitedOn').fill(today);
    await page.locator('[id="visitors.0.name"]').fill('Hanna Högskolan');
    await page.locator('[id="visitors.0.organisation"]').fill('Mittuniversitetet');
    await page.locator('[id="attendees.0.role"]').fill('Verksamhetschef');
    await page
      .locator('[id="attendees.0.organisationId"]')
      .selectOption({ label: 'BUP Sjövik, Region Sjöland' });
    await page.getByRole('button', { name: 'Spara besöket' }).click();
    assert.match(await page.locator('[role=status]').innerText(), /planerat/);
    const visitUrl = new URL(page.url()).pathname;
    urls.push(visitUrl);
    await page.getByRole('button', { name: /frys planens läge/ }).click();
    assert.match(await page.locator('[role=status]').innerText(), /genomfört/);
    // The next step for BUP, due in a month.
    const due = new Date(Date.now() + 30 * 86_400_000).toLocaleDateString('sv-SE', {
      timeZone: 'Europe/Stockholm',
    });
    await page
      .locator('[id="nextSteps.0.description"]')
      .fill('Boka gemensam utbildning om självskadebeteende.');
    await page
      .locator('[id="nextSteps.0.ownerOrganisationId"]')
      .selectOption({ label: 'BUP Sjövik, Region Sjöland' });
    await page.locator('[id="nextSteps.0.ownerRole"]').fill('Verksamhetschef');
    await page.locator('[id="nextSteps.0.dueOn"]').fill(due);
    await page.locator('[id="findings.0.assessment"]').selectOption('progressing');
    await page.getByRole('button', { name: 'Spara iakttagelser och nästa steg' }).click();
    assert.match(await page.locator('[role=status]').innerText(), /sparade/);
    await page.locator('#report').fill('Planen följs; skolan och BUP har kommit i gång med sina åtgärder.');
    await page.getByRole('button', { name: 'Rapporten är klar' }).click();
    assert.match(await page.locator('[role=status]').innerText(), /Rapporten är klar/);
    // The snapshot prints: A4 with the digest.
    await page.getByRole('link', { name: /Planens läge vid besöket/ }).click();
    const snapshotUrl = new URL(page.url()).pathname;
    urls.push(snapshotUrl);
    assert.match(await page.locator('code.digest').innerText(), /^[0-9a-f]{64}$/);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 1000);
    await page.emulateMedia({ media: 'screen' });
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      for (const url of urls)
        for (const lang of ['sv', 'en']) {
          await page.goto(`${e2e.baseUrl}${url}?lang=${lang}`);
          const violations = await axeViolations(page);
          assert.equal(
            violations.length,
            0,
            `${url} (${lang}, ${width} px)\n${describeViolations(violations)}`,
          );
        }
    }
    await page.context().close();

    // BUP sees its task on the plan's page and marks it done.
    const bup = await e2e.newPage();
    await loginAs(bup, e2e.baseUrl, 'bup');
    const planId = planUrl.split('/').pop();
    await bup.goto(`${e2e.baseUrl}/action-plans/${planId}`);
    assert.match(await bup.locator('#visits').locator('..').innerText(), /Boka gemensam utbildning/);
    assert.deepEqual(await axeViolations(bup), [], 'plan page with tasks');
    await bup.getByRole('button', { name: 'Markera som klar' }).click();
    assert.match(await bup.locator('[role=status]').innerText(), /Uppgiften är klar/);
    await bup.context().close();

    // The plan's owner makes a good example of the report (decision 0139): the draft is prefilled.
    const owner = await e2e.newPage();
    await loginAs(owner, e2e.baseUrl, 'manager');
    await owner.goto(`${e2e.baseUrl}/action-plans/${planId}`);
    await owner.getByRole('link', { name: 'Gör ett gott exempel av besöksrapporten' }).click();
    assert.match(await owner.locator('#title').inputValue(), /^Uppföljningsbesök i /);
    assert.match(await owner.locator('#whatWasDone').inputValue(), /Planen följs; skolan och BUP/);
    assert.match(await owner.locator('#results').inputValue(), /Boka gemensam utbildning/);
    const exampleForm = new URL(owner.url()).pathname;
    for (const width of [1280, 375]) {
      await owner.setViewportSize({ width, height: 800 });
      for (const lang of ['sv', 'en']) {
        await owner.goto(`${e2e.baseUrl}${exampleForm}?lang=${lang}`);
        const violations = await axeViolations(owner);
        assert.equal(
          violations.length,
          0,
          `${exampleForm} (${lang}, ${width} px)\n${describeViolations(violations)}`,
        );
      }
    }
    await owner.goto(`${e2e.baseUrl}${exampleForm}?lang=sv`);
    if (!(await owner.locator('#contactEmail').inputValue()))
      await owner.locator('#contactEmail').fill('socialtjansten@sjovik.example');
    await owner.getByRole('button', { name: 'Spara utkastet' }).click();
    assert.match(await owner.locator('h1').innerText(), /Uppföljningsbesök i /);
    await owner.context().close();
  });

  it('shows the deviations of a forum and the editor flag page without axe violations', async () => {
    const forum = await e2e.app.db
      .selectFrom('forum')
      .select('id')
      .where('reach', '=', 'municipal')
      .executeTakeFirstOrThrow();
    const manager = await e2e.newPage();
    await loginAs(manager, e2e.baseUrl, 'manager');
    await manager.goto(`${e2e.baseUrl}/forums/${forum.id}`);
    await manager.getByRole('link', { name: /Samverkansavvikelser/ }).click();
    // A report without its fields: the errors, linked.
    await manager.getByRole('button', { name: 'Rapportera' }).click();
    assert.match((await manager.locator('.error-summary').textContent()) ?? '', /Vilken organisation/);
    assert.deepEqual(await axeViolations(manager), [], 'deviation form with errors');
    await manager.locator('#counterpartOrganisationId').selectOption({ label: 'BUP Sjövik, Region Sjöland' });
    await manager
      .locator('#occurredOn')
      .fill(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }));
    await manager.locator('#category').selectOption('referralNotAnswered');
    await manager.locator('#description').fill('En förfrågan om konsultation besvarades inte på tre veckor.');
    await manager.getByRole('button', { name: 'Rapportera' }).click();
    assert.match((await manager.locator('[role=status]').textContent()) ?? '', /rapporterad/);
    const deviationsUrl = new URL(manager.url()).pathname;
    const admin = await e2e.newPage();
    await loginAs(admin, e2e.baseUrl, 'admin');
    await admin.goto(`${e2e.baseUrl}/examples/editors`);
    await admin.getByRole('button', { name: /Gör Iris Holm till redaktör/ }).click();
    assert.match((await admin.locator('[role=status]').textContent()) ?? '', /sparad/);
    for (const [page, url] of [
      [manager, deviationsUrl],
      [admin, '/examples/editors'],
    ] as const)
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 800 });
        for (const lang of ['sv', 'en']) {
          await page.goto(`${e2e.baseUrl}${url}?lang=${lang}`);
          const violations = await axeViolations(page);
          assert.equal(
            violations.length,
            0,
            `${url} (${lang}, ${width} px)\n${describeViolations(violations)}`,
          );
        }
      }
    await manager.context().close();
    await admin.context().close();
  });

  it("keeps a forum's agreements and joint projects without axe violations (decision 0136)", async () => {
    const forum = await e2e.app.db
      .selectFrom('forum')
      .select('id')
      .where('reach', '=', 'municipal')
      .executeTakeFirstOrThrow();
    const manager = await e2e.newPage();
    await loginAs(manager, e2e.baseUrl, 'manager');
    await manager.goto(`${e2e.baseUrl}/forums/${forum.id}`);
    await manager.getByRole('link', { name: 'Överenskommelser och gemensamma projekt' }).click();
    // An agreement without its fields: the errors, linked.
    await manager.getByRole('button', { name: 'Spara överenskommelsen' }).click();
    assert.match((await manager.locator('.error-summary').textContent()) ?? '', /minst två parter/);
    assert.deepEqual(await axeViolations(manager), [], 'agreement form with errors');
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    const inDays = (days: number) =>
      new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    await manager.locator('#title').fill('Överenskommelse om barn som vårdas utanför hemmet');
    await manager.locator('#topic').selectOption('childrenPlacedOutOfHome');
    await manager.locator('#partyOrganisationIds').getByLabel('Socialtjänsten, Sjöviks kommun').check();
    await manager.locator('#partyOrganisationIds').getByLabel('BUP Sjövik, Region Sjöland').check();
    await manager.locator('#adoptedOn').fill(today);
    await manager.locator('#validFrom').fill(today);
    await manager.locator('#reviewBy').fill(inDays(30));
    await manager.locator('#adoptedBy').fill('Socialnämnden och regionstyrelsen');
    await manager.getByRole('button', { name: 'Spara överenskommelsen' }).click();
    assert.match((await manager.locator('[role=status]').textContent()) ?? '', /sparad/);
    assert.match(await manager.locator('main').innerText(), /Dags att se över/);
    const url = new URL(manager.url()).pathname;
    assert.match(url, /\/agreements$/);
    // A project without a goal: refused, the form again.
    await manager.locator('#title-project').fill('Skolnärvaro i Sjövik');
    await manager.getByRole('button', { name: 'Spara projektet' }).click();
    assert.match((await manager.locator('.error-summary').textContent()) ?? '', /minst ett mål/);
    assert.deepEqual(await axeViolations(manager), [], 'project form with errors');
    for (const width of [1280, 375]) {
      await manager.setViewportSize({ width, height: 800 });
      for (const lang of ['sv', 'en']) {
        await manager.goto(`${e2e.baseUrl}${url}?lang=${lang}`);
        const violations = await axeViolations(manager);
        assert.equal(
          violations.length,
          0,
          `${url} (${lang}, ${width} px)\n${describeViolations(violations)}`,
        );
      }
    }
    // The start page's reminder, for the chair.
    for (const width of [1280, 375]) {
      await manager.setViewportSize({ width, height: 800 });
      await manager.goto(`${e2e.baseUrl}/?lang=sv`);
      assert.match(await manager.locator('main').innerText(), /Överenskommelser att se över/);
      const violations = await axeViolations(manager);
      assert.equal(violations.length, 0, `start page (${width} px)\n${describeViolations(violations)}`);
    }
    await manager.context().close();
  });

  // The browser tests' demo has one municipality (decision 0141): the county forum's neighbour is
  // walked by src/collaboration/no-leak.db.test.ts and src/forums/county-forums.db.test.ts instead.
  it('chairs the county forum with the neighbour municipality, whose member takes part; axe everywhere (0129)', {
    skip: 'the e2e demo has one municipality (decision 0141)',
  }, async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/operator/login`);
    await page.getByLabel('Användarnamn').fill('e2e-coordinator');
    await page.getByLabel('Lösenord').fill('coordinator password e2e');
    await page.getByRole('button', { name: 'Logga in' }).click();
    // The first test used this account's current code: wait for the next one when needed.
    for (let attempt = 0; attempt < 2 && page.url().endsWith('/totp'); attempt++) {
      if (attempt > 0) await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
      await page.getByLabel('Engångskod').fill(totpCode(secret));
      await page.getByRole('button', { name: 'Fortsätt' }).click();
    }
    assert.match(page.url(), /\/coordinator$/);
    await page.getByRole('link', { name: 'Läns- och nationella forum' }).click();
    assert.match((await page.locator('h1').textContent()) ?? '', /Läns- och nationella forum/);
    const urls = ['/coordinator/forums', '/coordinator/forums/new'];
    // A forum without its fields: the form again, with the errors linked.
    await page.getByRole('link', { name: 'Nytt läns- eller nationellt forum' }).click();
    await page.getByRole('button', { name: 'Spara forumet' }).click();
    assert.match((await page.locator('.error-summary').textContent()) ?? '', /Välj län/);
    assert.deepEqual(await axeViolations(page), [], 'county forum form with errors');
    await page.goto(`${e2e.baseUrl}/coordinator/forums`);
    await page.getByRole('link', { name: 'Sjölandets barnnätverk' }).click();
    const forumUrl = new URL(page.url()).pathname;
    urls.push(forumUrl);
    assert.match(
      (await page.locator('main').textContent()) ?? '',
      /Socialtjänsten, Norrviks kommun \(Norrviks kommun\)/,
    );
    const due = new Date(Date.now() + 90 * 86_400_000).toLocaleDateString('sv-SE', {
      timeZone: 'Europe/Stockholm',
    });
    await page.locator('#plannedOn').fill(due);
    await page.locator('#place').fill('Länsstyrelsen');
    await page.getByRole('button', { name: 'Planera mötet' }).click();
    assert.match((await page.locator('[role=status]').textContent()) ?? '', /Mötet är planerat/);
    // The open action of the last meeting is carried to the new agenda.
    assert.match(
      (await page.locator('#latest-agenda').locator('..').textContent()) ?? '',
      /Kvarstående åtgärd: Ta fram ett förslag till gemensam utbildning om självskadebeteende/,
    );
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      for (const url of urls)
        for (const lang of ['sv', 'en']) {
          await page.goto(`${e2e.baseUrl}${url}?lang=${lang}`);
          const violations = await axeViolations(page);
          assert.equal(
            violations.length,
            0,
            `${url} (${lang}, ${width} px)\n${describeViolations(violations)}`,
          );
        }
    }
    await page.context().close();

    // Norrvik's manager, secretary of the network, sees it among its forums and opens a meeting.
    const norrvik = await e2e.newPage();
    await loginAs(norrvik, e2e.baseUrl, 'norrvik');
    await norrvik.goto(`${e2e.baseUrl}/forums`);
    await norrvik.getByRole('link', { name: 'Sjölandets barnnätverk' }).click();
    const memberUrl = new URL(norrvik.url()).pathname;
    assert.match((await norrvik.locator('main').textContent()) ?? '', /Ordförande: Karin Samordnare/);
    await norrvik.locator('main a[href*="/meetings/"]').first().click();
    const meetingUrl = new URL(norrvik.url()).pathname;
    for (const width of [1280, 375]) {
      await norrvik.setViewportSize({ width, height: 800 });
      for (const url of [memberUrl, meetingUrl])
        for (const lang of ['sv', 'en']) {
          await norrvik.goto(`${e2e.baseUrl}${url}?lang=${lang}`);
          const violations = await axeViolations(norrvik);
          assert.equal(
            violations.length,
            0,
            `${url} (${lang}, ${width} px)\n${describeViolations(violations)}`,
          );
        }
    }
    // Sjövik's own manager network is not found for Norrvik.
    const own = await e2e.app.db
      .selectFrom('forum')
      .select('id')
      .where('reach', '=', 'municipal')
      .executeTakeFirstOrThrow();
    const refused = await norrvik.goto(`${e2e.baseUrl}/forums/${own.id}`);
    assert.equal(refused?.status(), 404);
    await norrvik.context().close();
  });
});
