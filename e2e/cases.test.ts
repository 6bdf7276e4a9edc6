import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { computeDeadline } from '../src/deadlines/deadlines.ts';
import { generatePersonalNumber } from '../src/people/personal-number.ts';
import { axeViolations, describeViolations, type E2E, loginAs, startE2E } from './support.ts';

// A fixed "today" for the statutory clock: a Friday in March 2026.
const today = '2026-03-13';
let e2e: E2E;
before(async () => {
  e2e = await startE2E({ fixedToday: today });
});
after(() => e2e?.close());

/** Pages visited along the way, checked with axe in both languages afterwards. */
const visited: Record<string, Set<string>> = {};
function visit(user: string, path: string) {
  const urls = visited[user] ?? new Set<string>();
  urls.add(path);
  visited[user] = urls;
}
function remember(user: string, page: Page) {
  const url = new URL(page.url());
  visit(user, `${url.pathname}${url.search}`.replace(/[?&]notice=[a-zA-Z]+/, ''));
}

async function dueOf(page: Page, rule: string): Promise<string | null> {
  return page.locator(`.due-date[data-rule="${rule}"]`).first().getAttribute('data-due');
}

async function expectNoViolations(page: Page, label: string) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${label}\n${describeViolations(violations)}`);
}

describe('a concern report from the public form to a closed case', () => {
  let reference = '';
  let caseUrl = '';
  const childNumber = generatePersonalNumber('2016-02-29', 913);

  it('is filed anonymously on the public form and gets a receipt with a reference only', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/report`);
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await page.getByRole('heading', { name: 'Det finns fel i formuläret' }).waitFor();
    await expectNoViolations(page, 'the public form with errors');
    await page.getByLabel('Barnets förnamn').fill('Tilde');
    await page.getByLabel('Barnets efternamn').fill('Provsson');
    await page.getByLabel('Var finns barnet?').fill('Sjövikskolan, klass 4A');
    await page
      .getByLabel('Beskriv din oro')
      .fill(
        'Tilde har sagt till min dotter att hon inte får äta middag när hon kommer sent och att pappa skriker.',
      );
    await page.getByLabel('Nej, jag vill vara anonym').check();
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await page.getByRole('heading', { name: 'Tack, anmälan är mottagen' }).waitFor();
    reference = (await page.locator('.reference').getAttribute('data-reference')) ?? '';
    assert.match(reference, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(await page.getByText('Tilde').count(), 0, 'the receipt echoes nothing of the report');
    // The receipt writes the status page's address out, so that a printed receipt still says it.
    // (its address is the configured public one: follow its path on the test server)
    const statusHref = new URL((await page.locator('a.status-address').getAttribute('href')) ?? '');
    await page.goto(`${e2e.baseUrl}${statusHref.pathname}${statusHref.search}`);
    await page.getByText('Mottagen. Anmälan väntar på bedömning.').waitFor();
    remember('public', page);
    for (const url of ['/report', '/report/professional', `/report/receipt/${reference}`, '/report/status'])
      visit('public', url);
    await page.context().close();
  });

  it('reaches intake, gets its protection assessment and is linked to the child, which starts the initial assessment', async () => {
    const page = await e2e.newPage();
    await loginAs(page, e2e.baseUrl, 'intake');
    await page.getByRole('link', { name: 'Mottagning', exact: true }).first().click();
    remember('intake', page);
    await page.getByRole('link', { name: reference }).click();
    remember('intake', page);
    assert.equal(
      await dueOf(page, 'protectionAssessment'),
      computeDeadline('protectionAssessment', today).dueDate,
    );
    assert.equal(await dueOf(page, 'initialAssessment'), computeDeadline('initialAssessment', today).dueDate);

    await page.getByLabel('Nej, inte omedelbart skydd').check();
    await page
      .getByLabel('Skäl för bedömningen')
      .fill('Barnet är i skolan i dag och har en trygg vuxen där.');
    await page.getByRole('button', { name: 'Spara skyddsbedömning' }).click();
    await page.getByText('Skyddsbedömningen är sparad.').waitFor();
    assert.match(
      (await page.locator('[data-key^="protectionAssessment"]').textContent()) ?? '',
      /Klar 2026-03-13/,
    );

    // Tilde is not in the register: intake registers her and the report is linked.
    await page.getByLabel('Personnummer', { exact: true }).fill(childNumber);
    await page.getByRole('button', { name: 'Registrera barnet och koppla' }).click();
    await page.getByText('Anmälan är kopplad till barnet.').waitFor();
    await page.getByRole('link', { name: 'Öppna ärendet' }).click();
    caseUrl = new URL(page.url()).pathname;
    remember('intake', page);
    assert.match(caseUrl, /^\/cases\/[0-9a-f-]{36}$/);
    const initialDue = computeDeadline('initialAssessment', today).dueDate;
    assert.equal(await dueOf(page, 'initialAssessment'), initialDue);
    assert.equal(initialDue, '2026-03-27');
    assert.match(
      (await page.locator('[data-key="initialAssessment"]').textContent()) ?? '',
      /SoL \(2025:400\) 20 kap\. 2 §/,
    );

    await expectNoViolations(page, 'the case page in its initial assessment');
    // The initial assessment: open an investigation; the child was not heard, with the reason.
    await page.getByLabel('Inled utredning', { exact: true }).check();
    await page.getByLabel('Nej', { exact: true }).check();
    await page
      .getByLabel('Skäl till att barnet inte har kommit till tals')
      .fill('Barnet ska höras i utredningen tillsammans med skolkurator.');
    await page.getByRole('button', { name: 'Fatta beslut' }).click();
    await page.getByText('Beslutet är sparat.').waitFor();
    assert.match(
      (await page.locator('[data-key="initialAssessment"]').textContent()) ?? '',
      /Klar 2026-03-13/,
    );
    assert.equal(await dueOf(page, 'investigation'), computeDeadline('investigation', today).dueDate);
    await page.context().close();
  });

  it('is given to a social worker by the manager, investigated with the child’s voice, decided and closed', async () => {
    const investigationDue = computeDeadline('investigation', today).dueDate;
    assert.equal(investigationDue, '2026-07-13');

    const manager = await e2e.newPage();
    await loginAs(manager, e2e.baseUrl, 'manager');
    await manager.getByRole('link', { name: 'Enhetens bevakning' }).first().click();
    remember('manager', manager);
    const row = manager.locator('tr', { hasText: 'Tilde Provsson' });
    assert.match((await row.first().textContent()) ?? '', /Ingen ansvarig/);
    await manager.goto(`${e2e.baseUrl}${caseUrl}`);
    // Each candidate is named with their caseload (issue 14's manager's day).
    const candidates = manager.getByRole('combobox', { name: 'Ansvarig socialsekreterare' });
    const sam = await candidates.locator('option', { hasText: 'Sam Berg' }).getAttribute('value');
    await candidates.selectOption(sam ?? '');
    await manager.getByRole('button', { name: 'Utse ansvarig' }).click();
    await manager.getByText('Ansvarig socialsekreterare är utsedd.').waitFor();
    remember('manager', manager);

    const worker = await e2e.newPage();
    await loginAs(worker, e2e.baseUrl, 'socialworker');
    // The start page reminds and lists the case with its due date.
    const startRow = worker.locator('table.worklist tr', { hasText: 'Tilde Provsson' });
    await startRow.first().waitFor();
    assert.equal(await startRow.locator('.due-date').getAttribute('data-due'), investigationDue);
    assert.match((await startRow.textContent()) ?? '', /122 dagar kvar/);
    await worker.getByRole('link', { name: 'Att göra' }).first().click();
    remember('socialworker', worker);
    await worker.getByRole('link', { name: 'Tilde Provsson' }).first().click();

    await worker
      .getByLabel('Barnets behov')
      .fill('Tilde går i årskurs 4, trivs i skolan men är ofta hungrig.');
    await worker.getByLabel('Föräldrarnas förmåga').fill('Pappa beskriver stress efter separationen.');
    await worker
      .getByLabel('Familj och miljö')
      .fill('Tilde bor varannan vecka hos pappa, varannan hos mamma.');
    await worker.getByRole('button', { name: 'Spara utredningstext' }).click();
    await worker.getByText('Utredningstexten är sparad.').waitFor();

    // Not concluded without the child's own account.
    await worker.getByLabel('Sammanfattande bedömning').fill('Tilde behöver stöd i vardagen hos pappa.');
    await worker.getByRole('button', { name: 'Avsluta utredningen' }).click();
    await worker.getByText('Dokumentera samtal med barnet').first().waitFor();
    remember('socialworker', worker);
    await expectNoViolations(worker, 'the case page with a refusal');

    await worker.getByLabel('Datum för samtalet').fill(today);
    await worker.getByLabel('Hur samtalet gick till').fill('Enskilt samtal i skolan, kurator närvarande.');
    await worker
      .getByLabel('Barnets berättelse, med barnets egna ord')
      .fill('Jag blir ledsen när pappa skriker. Jag vill att det ska vara lugnt hemma.');
    await worker.getByRole('button', { name: 'Spara samtalet' }).click();
    await worker.getByText('Samtalet med barnet är sparat.').waitFor();
    await worker.getByLabel('Datum då materialet kommunicerades').fill(today);
    await worker.getByLabel('Till vilka och hur').fill('Utredningen skickad till båda vårdnadshavarna.');
    await worker.getByRole('button', { name: 'Registrera kommunicering' }).click();
    await worker.getByText('Kommuniceringen är registrerad.').waitFor();
    await worker.getByLabel('Sammanfattande bedömning').fill('Tilde behöver stöd i vardagen hos pappa.');
    await worker.getByRole('button', { name: 'Avsluta utredningen' }).click();
    await worker.getByText('Utredningen är avslutad och klar för beslut.').waitFor();
    assert.equal(await dueOf(worker, 'investigation'), investigationDue, 'still due until the decision');

    // The decision, by the manager who has delegation.
    await manager.goto(`${e2e.baseUrl}${caseUrl}`);
    await expectNoViolations(manager, 'the case page with the decision form');
    await manager.getByLabel('Insatser beviljas').check();
    await manager.getByLabel('Familjebehandling').check();
    await manager
      .getByLabel('Motivering')
      .fill('Familjebehandling beviljas för att stärka pappas föräldraförmåga.');
    await manager.getByLabel('Jag bekräftar beslutet').check();
    await manager.getByRole('button', { name: 'Fatta beslut' }).click();
    await manager.getByText('Beslutet är fattat.').waitFor();
    assert.match(
      (await manager.locator('[data-key="investigation"]').textContent()) ?? '',
      /Klar 2026-03-13/,
    );

    await worker.goto(`${e2e.baseUrl}${caseUrl}`);
    await worker.getByLabel('Jag bekräftar att ärendet ska avslutas').check();
    await worker.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await worker.getByText('Ärendet är avslutat.').waitFor();
    await worker.getByRole('heading', { name: 'Avslutat 2026-03-13' }).waitFor();
    remember('socialworker', worker);
    assert.equal(
      await worker.locator('.deadline-list .urgency--overdue, .deadline-list .urgency--dueToday').count(),
      0,
    );

    // The public status page now says the assessment is done, and nothing more.
    const publicPage = await e2e.newPage();
    await publicPage.goto(`${e2e.baseUrl}/report/status?reference=${reference}`);
    await publicPage.getByText('Bedömningen är klar.').waitFor();
    assert.equal(await publicPage.getByText('Tilde').count(), 0);
    visit('public', `/report/status?reference=${reference}`);
    await publicPage.context().close();
    await manager.context().close();
    await worker.context().close();
  });
});

describe('accessibility of the new pages: axe finds nothing, in Swedish and English', () => {
  const extra: Record<string, string[]> = {
    intake: ['/worklist', '/intake'],
    intakemanager: ['/', '/worklist/unit'],
    manager: ['/', '/worklist'],
    socialworker: ['/'],
    admin: ['/admin/case-settings'],
    partner: ['/report/professional'],
  };
  for (const user of ['public', 'intake', 'intakemanager', 'manager', 'socialworker', 'admin', 'partner']) {
    it(`has no violations on the pages of ${user}`, async () => {
      const page = await e2e.newPage();
      if (user !== 'public') await loginAs(page, e2e.baseUrl, user);
      const urls = new Set([...(visited[user] ?? []), ...(extra[user] ?? [])]);
      if (user === 'intake') {
        // A report of the demo data that is not linked yet: the linking form and its candidates.
        await page.goto(`${e2e.baseUrl}/intake`);
        for (const href of await page
          .locator('table tbody tr a')
          .evaluateAll((as) => as.slice(0, 3).map((a) => a.getAttribute('href'))))
          if (href) urls.add(href);
      }
      if (user === 'socialworker') {
        await page.goto(`${e2e.baseUrl}/worklist`);
        const href = await page.locator('table tbody tr a').first().getAttribute('href');
        if (href) urls.add(href);
      }
      assert.ok(urls.size > 0);
      for (const url of urls) {
        for (const lang of ['sv', 'en']) {
          const sep = url.includes('?') ? '&' : '?';
          await page.goto(`${e2e.baseUrl}${url}${sep}lang=${lang}`);
          await expectNoViolations(page, `${user} ${url} (${lang})`);
        }
      }
      await page.context().close();
    });
  }
});
