import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, type E2E, loginAs, startE2E } from './support.ts';

/**
 * A social worker's documents (issue 14): from the child's page to the case, the investigation and
 * the decision letter printed to A4 PDF and read back, the appeal text where the decision can be
 * appealed and not where it cannot, and the sending recorded. Every new page passes axe in Swedish
 * and English, also at 375 px width without horizontal scrolling.
 */

let e2e: E2E;
let page: Page;
before(async () => {
  e2e = await startE2E();
  page = await e2e.newPage();
  await loginAs(page, e2e.baseUrl, 'socialworker');
});
after(() => e2e?.close());

/** The demo's cases of Sam Berg's: one decided on a partly granted application, one closed without intervention. */
async function demoCase(outcome: 'interventions' | 'noIntervention') {
  let q = e2e.app.db
    .selectFrom('child_case as c')
    .innerJoin('person as p', 'p.id', 'c.child_id')
    .innerJoin('user_account as u', 'u.id', 'c.responsible_user_id')
    .select(['c.id', 'p.id as child_id', 'p.given_name', 'p.family_name'])
    .where('u.username', '=', 'socialworker')
    .where('c.decision_outcome', '=', outcome);
  if (outcome === 'interventions')
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('case_document_details as d').select('d.case_id').whereRef('d.case_id', '=', 'c.id'),
      ),
    );
  return q.executeTakeFirstOrThrow();
}

/** Prints the page as Chromium does to PDF, A4, and reads its text back with pdftotext. */
async function printed(): Promise<string> {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const raw = pdf.toString('latin1');
  assert.ok(raw.startsWith('%PDF-'));
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]/.exec(raw);
  assert.ok(box && Math.abs(Number(box[1]) - 595.3) < 2 && Math.abs(Number(box[2]) - 841.9) < 2, 'A4');
  const file = join(mkdtempSync(join(tmpdir(), 'samtak-document-')), 'document.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .normalize('NFKC')
    .replace(/\s+/g, ' ');
}

/** From the child's page: search the child, open them, then the case, then its documents. */
async function documentsFromChildsPage(child: { given_name: string; family_name: string; child_id: string }) {
  await page.goto(
    `${e2e.baseUrl}/people?q=${encodeURIComponent(`${child.given_name} ${child.family_name}`)}`,
  );
  await page.locator(`a[href="/people/${child.child_id}"]`).first().click();
  await page.getByRole('heading', { name: 'Ärenden, beslut och insatser' }).waitFor();
  await page.getByRole('heading', { name: 'Tidslinje' }).waitFor();
  await page.locator('section[aria-labelledby="child-cases-heading"] h3 a').first().click();
  await page.getByRole('link', { name: 'Ärendets dokument' }).click();
  await page.getByRole('heading', { name: /^Dokument i ärendet/ }).waitFor();
}

const pages = new Set<string>();
const remember = () => pages.add(new URL(page.url()).pathname);

describe('the documents of a case, printed and sent', () => {
  it('a social worker finds the case from the child’s page and prints the investigation in its BBIC structure', async () => {
    const decided = await demoCase('interventions');
    await documentsFromChildsPage(decided);
    remember();
    await page.locator('a[href*="/investigation/person/"]').first().click();
    await page.getByRole('heading', { name: 'Utredning om barns behov av skydd eller stöd' }).waitFor();
    remember();
    const text = await printed();
    for (const part of [
      'Sjöviks kommun',
      'BoU ',
      'Handläggare',
      'Beslutsfattare',
      'Barnets behov och utveckling',
      'Föräldrarnas förmåga',
      'Familj och miljö',
      'Barnets egen berättelse',
      'Jag vill inte bo någon annanstans',
      'Analys och bedömning',
      'Förslag till beslut',
    ])
      assert.ok(text.includes(part), `the investigation says "${part}": ${text.slice(0, 400)}`);
    assert.ok(!text.includes('Skriv ut med webbläsarens'), 'the screen-only line is not printed');
  });

  it('prints the decision letter with how to appeal: förvaltningsrätten, three weeks, through the committee', async () => {
    await page.goBack();
    await page.locator('a[href*="/decision/person/"]').first().click();
    await page.getByRole('heading', { name: 'Beslut', exact: true }).waitFor();
    remember();
    const text = await printed();
    assert.ok(text.includes('Så överklagar du'), text.slice(0, 600));
    assert.ok(text.includes('förvaltningsrätten'));
    assert.ok(text.includes('inom tre veckor från den dag då du fick del av beslutet'));
    assert.ok(text.includes('skicka eller lämna det till Socialnämnden i Sjöviks kommun'));
    assert.ok(text.includes('35 kap. 1 § 1 socialtjänstlagen (2025:400)'));
    assert.ok(text.includes('32 § förvaltningslagen'));
    assert.ok(text.includes('Familjebehandling'));
  });

  it('prints a decision that cannot be appealed with a plain statement and no appeal text', async () => {
    const closed = await demoCase('noIntervention');
    await documentsFromChildsPage(closed);
    await page.locator('a[href*="/decision/person/"]').first().click();
    await page.getByRole('heading', { name: 'Beslut', exact: true }).waitFor();
    const text = await printed();
    assert.ok(text.includes('Kan beslutet överklagas?'));
    assert.ok(text.includes('kan inte överklagas'));
    assert.ok(!text.includes('Så överklagar du'));
    assert.ok(!text.includes('tre veckor'));
  });

  it('records the sending: bad input is refused with a clear message and nothing written, then recorded', async () => {
    const decided = await demoCase('interventions');
    await page.goto(`${e2e.baseUrl}/documents/cases/${decided.id}`);
    const count = async () =>
      Number(
        (
          await e2e.app.db
            .selectFrom('document_dispatch')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('case_id', '=', decided.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await page.getByLabel('Datum då det skickades eller lämnades').fill('2026-02-30');
    await page.getByRole('button', { name: 'Registrera' }).click();
    await page.getByRole('heading', { name: 'Det finns fel i formuläret' }).waitFor();
    for (const message of [
      'Välj vilket dokument som skickades och till vem.',
      'Välj hur dokumentet skickades.',
      'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-14.',
    ])
      assert.ok((await page.getByText(message).count()) > 0, message);
    remember();
    assert.equal(await count(), before, 'nothing written');
    const option = await page
      .locator('select[name="document"] option')
      .evaluateAll((os) => os.map((o) => o.textContent ?? '').find((t) => t.startsWith('Beslutsbrev')));
    assert.ok(option);
    await page.getByLabel('Dokument och mottagare').selectOption({ label: option });
    await page.getByLabel('Brev', { exact: true }).check();
    const today = await page.evaluate(() =>
      new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }),
    );
    await page.getByLabel('Datum då det skickades eller lämnades').fill(today);
    await page.getByRole('button', { name: 'Registrera' }).click();
    await page.getByText('Utskicket är registrerat.').waitFor();
    assert.equal(await count(), before + 1);
    const row = await page
      .locator('section[aria-labelledby="dispatches-heading"] tbody tr', { hasText: today })
      .first()
      .textContent();
    assert.ok(row?.includes(today) && row.includes('Beslutsbrev'), row ?? '');
  });

  it('passes axe on every new page in Swedish and English and at 375 px without horizontal scrolling', async () => {
    const decided = await demoCase('interventions');
    pages.add(`/people/${decided.child_id}`);
    pages.add(`/cases/${decided.id}`);
    // Every document of the decided case (the party communication too), one per kind.
    await page.goto(`${e2e.baseUrl}/documents/cases/${decided.id}`);
    for (const href of await documentLinks()) pages.add(href);
    assert.ok(pages.size >= 6, [...pages].join(', '));
    await checkPages(page, pages);
  });

  it('passes axe on the intake worker’s documents: the decision not to investigate and the feedback', async () => {
    const intake = await e2e.newPage();
    await loginAs(intake, e2e.baseUrl, 'intake');
    const notOpened = await e2e.app.db
      .selectFrom('child_case')
      .select('id')
      .where('initial_decision', '=', 'noInvestigation')
      .executeTakeFirstOrThrow();
    await intake.goto(`${e2e.baseUrl}/documents/cases/${notOpened.id}`);
    const links = await documentLinks(intake);
    assert.ok(
      links.some((l) => l.includes('/noInvestigation/')) && links.some((l) => l.includes('/feedback/')),
      links.join(', '),
    );
    await checkPages(intake, new Set([`/documents/cases/${notOpened.id}`, ...links]));
    await intake.context().close();
  });
});

/** The links to the documents on a case's documents page, one per kind. */
async function documentLinks(on: Page = page): Promise<string[]> {
  const hrefs = await on
    .locator('a[href^="/documents/cases/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const byKind = new Map<string, string>();
  for (const href of hrefs) {
    const kind = href.split('/')[4];
    if (kind && !byKind.has(kind)) byKind.set(kind, href);
  }
  return [...byKind.values()];
}

/** axe in Swedish and English at desktop width and at 375 px, where nothing may scroll sideways. */
async function checkPages(on: Page, paths: Set<string>) {
  for (const path of paths)
    for (const width of [1280, 375]) {
      await on.setViewportSize({ width, height: 900 });
      for (const lang of ['sv', 'en']) {
        await on.goto(`${e2e.baseUrl}${path}?lang=${lang}`);
        const violations = await axeViolations(on);
        assert.equal(violations.length, 0, `${path} ${lang} ${width}px\n${describeViolations(violations)}`);
        if (width === 375) {
          const scroll = await on.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scroll <= 375, `${path} ${lang} is ${scroll}px wide at 375px`);
        }
      }
    }
  await on.setViewportSize({ width: 1280, height: 900 });
}
