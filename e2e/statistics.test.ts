import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { demoMunicipality } from '../src/demo/seed.ts';
import { createPerson } from '../src/testing/factories.ts';
import { axeViolations, describeViolations, type E2E, loginAs, startE2E } from './support.ts';

// A fixed "today" for the clock: a Tuesday in May 2026; the demo history reaches two years back.
const today = '2026-05-19';
const formulaUnit = "=cmd|' /C calc'!A0";
let e2e: E2E;
let reader: Page;
let manager: Page;
let plantedPlacement: string;
before(async () => {
  e2e = await startE2E({ fixedToday: today });
  // A unit whose name a spreadsheet would run as a formula: the exports must neutralise it.
  const m = await e2e.app.db
    .selectFrom('municipality')
    .select('id')
    .where('code', '=', demoMunicipality.code)
    .executeTakeFirstOrThrow();
  await e2e.app.db
    .insertInto('unit')
    .values({ municipality_id: m.id, name: formulaUnit, kind: 'other' })
    .execute();
  // A planted error for the register file of 2025: a placement recorded as ending ten days
  // before its home period started.
  const db = e2e.app.db;
  const unit = await db
    .selectFrom('unit')
    .select('id')
    .where('municipality_id', '=', m.id)
    .executeTakeFirstOrThrow();
  const home = await db
    .selectFrom('placement_home')
    .select('id')
    .where('municipality_id', '=', m.id)
    .executeTakeFirstOrThrow();
  const child = await createPerson(db, m.id, {
    givenName: 'Planterad',
    familyName: 'Felsson',
    birthDate: '2014-06-06',
  });
  const planted = await db
    .insertInto('placement')
    .values({
      municipality_id: m.id,
      child_id: child.id,
      unit_id: unit.id,
      ended_on: '2025-04-20',
      end_outcome: 'returnedHome',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  plantedPlacement = planted.id;
  const maker = { decided_by_kind: 'subcommittee' as const, decided_by_name: 'Individutskottet' };
  const p = { municipality_id: m.id, placement_id: planted.id, ...maker };
  await db
    .insertInto('placement_decision')
    .values({ ...p, basis: 'sol', decided_on: '2025-05-01', executed_on: '2025-05-01' })
    .execute();
  await db
    .insertInto('placement_period')
    .values({
      ...p,
      home_id: home.id,
      form: 'familyHome',
      decided_on: '2025-05-01',
      started_on: '2025-05-01',
    })
    .execute();
  reader = await e2e.newPage();
  await loginAs(reader, e2e.baseUrl, 'statistics');
  manager = await e2e.newPage();
  await loginAs(manager, e2e.baseUrl, 'manager');
});
after(() => e2e?.close());

async function download(page: Page, name: string | RegExp, nth = 0): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('link', { name, exact: typeof name === 'string' })
      .nth(nth)
      .click(),
  ]);
  return readFile((await file.path())!);
}

const figureOn = async (page: Page, id: string) =>
  (await page.locator(`.figure[data-indicator="${id}"]`).first().textContent())?.trim() ?? '';

describe('the statistics reader', () => {
  it('finds the statistics from the start page and sees the indicators with charts and their tables', async () => {
    await reader.goto(`${e2e.baseUrl}/`);
    await reader.getByRole('link', { name: 'Statistik' }).first().click();
    await reader.getByLabel('Period').fill('2025');
    await reader.getByRole('button', { name: 'Visa' }).click();
    assert.match(reader.url(), /\/statistics\?period=2025/);
    await reader.getByRole('heading', { level: 1, name: 'Statistik' }).waitFor();
    assert.match(await figureOn(reader, 'initialAssessmentWithin14Days'), /^\d+(,\d)?\s?%$/);
    assert.ok((await reader.locator('figure.chart svg').count()) >= 2, 'charts');
    assert.ok((await reader.locator('figure.chart table.chart-table').count()) >= 2, 'their tables');
    // Every source is wired now (decisions 0095, 0098): no indicator is "not available yet".
    assert.doesNotMatch((await reader.locator('main').textContent()) ?? '', /Inte tillgängligt än/);
    assert.equal(
      await reader.locator('.figure[data-indicator="decisionsNotCarriedOutWithin3Months"]').count(),
      1,
      'decisions not carried out',
    );
    assert.ok(
      (await reader.locator('.figure[data-indicator="familiesWithOneWorker"]').count()) >= 1,
      'continuity',
    );
    assert.equal(await reader.getByText('Visa barnen bakom talet').count(), 0);
  });

  it('downloads the indicators as CSV and XLSX with the values of the page', async () => {
    await reader.goto(`${e2e.baseUrl}/statistics?period=2025`);
    const shown = await figureOn(reader, 'initialAssessmentWithin14Days');
    const csv = (await download(reader, 'CSV')).toString('utf8');
    const line = csv.split('\r\n').find((l) => l.startsWith('Förhandsbedömningar inom 14 dagar;'))!;
    const [, value, numerator, denominator] = line.split(';');
    const share = Number(value!.replace(',', '.'));
    const asShown = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 }).format(
      share,
    );
    assert.equal(asShown, shown);
    assert.equal(
      (await reader.locator('.card-list li').first().locator('.hint').textContent())?.trim(),
      `${numerator} av ${denominator}`,
    );
    const sheets = await readXlsxFile(await download(reader, 'Excel (XLSX)'));
    const row = sheets[0]!.data.find((r) => r[0] === 'Förhandsbedömningar inom 14 dagar')!;
    assert.equal(row[1], share);
    assert.equal(String(row[2]), numerator);
  });

  it('downloads the table by unit with a formula-looking unit name neutralised', async () => {
    await reader.goto(`${e2e.baseUrl}/statistics?period=2025`);
    const csv = (await download(reader, 'CSV', 1)).toString('utf8');
    assert.ok(csv.includes(`'${formulaUnit}`), 'the unit name is written as text');
    assert.ok(!csv.split('\r\n').some((l) => l.startsWith('=')), 'no line starts a formula');
    const sheets = await readXlsxFile(await download(reader, 'Excel (XLSX)', 1));
    const names = sheets[0]!.data.map((r) => r[0]);
    assert.ok(names.includes(`'${formulaUnit}`));
    assert.ok(!names.includes(formulaUnit));
  });

  it('opens an indicator with its definition, law and a chart by month, and cannot see the children', async () => {
    await reader.goto(`${e2e.baseUrl}/statistics?period=2025`);
    await reader
      .getByRole('link', { name: /Förhandsbedömningar inom 14 dagar/ })
      .first()
      .click();
    await reader.getByRole('heading', { level: 1, name: 'Förhandsbedömningar inom 14 dagar' }).waitFor();
    assert.match((await reader.locator('main').textContent()) ?? '', /20 kap\. 2 §/);
    assert.equal(await reader.locator('figure.chart--line').count(), 1);
    const rows = await reader.goto(
      `${e2e.baseUrl}/statistics/indicators/initialAssessmentWithin14Days/rows?period=2025&cell=late`,
    );
    assert.equal(rows?.status(), 403);
  });
});

describe("the unit's manager", () => {
  it('sees the unit whole and the children behind a count', async () => {
    await manager.goto(`${e2e.baseUrl}/statistics?period=2025`);
    const unitId = await manager
      .locator('#unit option', { hasText: 'Barn- och ungdomsutredning' })
      .getAttribute('value');
    await manager.goto(
      `${e2e.baseUrl}/statistics/indicators/investigationWithin4Months?period=2025&unit=${unitId}`,
    );
    await manager.getByRole('link', { name: /Visa barnen bakom talet: I tid/ }).click();
    await manager.getByRole('heading', { level: 1, name: /Barnen bakom/ }).waitFor();
    assert.ok((await manager.locator('main table tbody tr').count()) > 0);
  });
});

describe('the register file to Socialstyrelsen', () => {
  it('is produced for 2025 by a manager, and its validation lists the planted error by row', async () => {
    const back = manager.url();
    await manager.goto(`${e2e.baseUrl}/statistics?period=2025`);
    await manager.getByRole('link', { name: 'Rapportering till staten' }).click();
    await manager.getByRole('heading', { level: 1, name: 'Rapportering till staten' }).waitFor();
    await manager.getByLabel('År').fill('2025');
    await manager.getByRole('button', { name: 'Ta fram och kontrollera' }).click();
    await manager.getByRole('heading', { level: 1, name: 'Registerfilen för 2025' }).waitFor();
    assert.match((await manager.locator('main').textContent()) ?? '', /\d+ rader om \d+ barn/);
    const planted = manager.locator('tr[data-code="BU04"]');
    assert.equal(await planted.count(), 1);
    assert.match((await planted.textContent()) ?? '', /Stoppande fel.*Placeringen slutar före den börjar/);
    const row = (await planted.locator('th').textContent())?.trim() ?? '';
    assert.match(row, /^\d+$/);
    assert.equal(
      await planted.getByRole('link', { name: `Öppna placeringen på rad ${row}` }).getAttribute('href'),
      `/placements/${plantedPlacement}`,
    );
    assert.equal(await manager.getByRole('button', { name: 'Markera som inlämnad' }).count(), 0);
    await manager.goto(back);
  });

  it('is not for the statistics reader, who sees only what was submitted', async () => {
    const refused = await reader.goto(`${e2e.baseUrl}/statistics/reporting/register?year=2025`);
    assert.equal(refused?.status(), 403);
    await reader.goto(`${e2e.baseUrl}/statistics/reporting`);
    await reader.getByRole('heading', { level: 2, name: 'Inlämnade filer' }).waitFor();
    assert.equal(await reader.getByRole('button', { name: 'Ta fram och kontrollera' }).count(), 0);
  });
});

describe('comparison values and export jobs', () => {
  it("imports the sample Kolada file and shows the values beside the municipality's own, with the source", async () => {
    await reader.goto(`${e2e.baseUrl}/statistics`);
    await reader.getByRole('link', { name: 'Jämförelsevärden från Kolada' }).click();
    await reader
      .getByLabel('Fil')
      .setInputFiles(new URL('../src/statistics/samples/kolada-sample.json', import.meta.url).pathname);
    await reader.getByLabel('Jämför med indikatorn').selectOption('initialAssessmentWithin14Days');
    await reader.getByRole('button', { name: 'Läs in' }).click();
    await reader.getByText('5 värden inlästa.').waitFor();
    const row = reader.locator('[data-kpi="N99001"] tr[data-year="2025"]');
    assert.equal((await row.locator('[data-national]').textContent())?.trim(), '73,1');
    assert.equal((await row.locator('[data-own-kolada]').textContent())?.trim(), '68');
    const own = (await row.locator('[data-own]').textContent())?.trim() ?? '';
    await reader.goto(`${e2e.baseUrl}/statistics?period=2025`);
    assert.equal(
      own,
      await figureOn(reader, 'initialAssessmentWithin14Days'),
      'the same value as the start page',
    );
    await reader.goto(`${e2e.baseUrl}/statistics/comparison`);
    assert.match(
      (await reader.locator('main').textContent()) ?? '',
      /Kolada \(RKA\), CC BY 4\.0\. Fil kolada-sample\.json/,
    );
  });

  it('exports the table by unit in the background with progress, neutralising the formula', async () => {
    await reader.goto(`${e2e.baseUrl}/statistics?period=2025`);
    await reader.getByRole('button', { name: 'Exportera tabellen per enhet (XLSX) med förlopp' }).click();
    await reader.getByRole('heading', { level: 1, name: 'Export' }).waitFor();
    await reader.locator('[data-status="done"]').waitFor({ timeout: 20_000 });
    const sheets = await readXlsxFile(await download(reader, /Ladda ner filen/));
    const names = sheets[0]!.data.map((r) => r[0]);
    assert.ok(names.includes(`'${formulaUnit}`));
    assert.ok(!names.includes(formulaUnit));
  });
});

describe('accessibility: axe finds nothing on the statistics pages', () => {
  const paths = [
    '/statistics?period=2025',
    '/statistics?period=2026-Q1',
    '/statistics/indicators/initialAssessmentWithin14Days?period=2025',
    '/statistics/indicators/reportsBySource?period=2025',
    '/statistics/comparison?imported=5',
    '/statistics/reporting?year=2025',
  ];
  for (const width of [1280, 375]) {
    it(`has no violations for the reader at ${width} px, in Swedish and English`, async () => {
      await reader.setViewportSize({ width, height: 900 });
      for (const lang of ['sv', 'en']) {
        for (const path of paths) {
          await reader.goto(`${e2e.baseUrl}${path}&lang=${lang}`);
          const violations = await axeViolations(reader);
          assert.equal(violations.length, 0, `${path} ${lang} ${width}\n${describeViolations(violations)}`);
          if (width === 375) {
            const wide = await reader.evaluate(() =>
              Array.from(document.querySelectorAll('body *'))
                .filter(
                  (e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1,
                )
                .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
            );
            assert.deepEqual(wide, [], `${path} (${lang}) is wider than 375 px`);
          }
        }
      }
    });
  }

  it("has no violations on the manager's list of children", async () => {
    for (const lang of ['sv', 'en']) {
      await manager.goto(`${manager.url().split('&lang=')[0]}&lang=${lang}`);
      const violations = await axeViolations(manager);
      assert.equal(violations.length, 0, `rows ${lang}\n${describeViolations(violations)}`);
    }
  });

  for (const width of [1280, 375]) {
    it(`has no violations on the manager's reporting pages and the export job at ${width} px`, async () => {
      await manager.setViewportSize({ width, height: 900 });
      await manager.goto(`${e2e.baseUrl}/statistics?period=2025&lang=sv`);
      await manager.getByRole('button', { name: 'Exportera tabellen per enhet (XLSX) med förlopp' }).click();
      await manager.locator('[data-status="done"]').waitFor({ timeout: 20_000 });
      const job = new URL(manager.url()).pathname;
      for (const lang of ['sv', 'en']) {
        for (const path of [
          '/statistics/reporting?year=2025',
          '/statistics/reporting/register?year=2025',
          job,
        ]) {
          await manager.goto(`${e2e.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
          const violations = await axeViolations(manager);
          assert.equal(violations.length, 0, `${path} ${lang} ${width}\n${describeViolations(violations)}`);
          if (width === 375) {
            const wide = await manager.evaluate(() =>
              Array.from(document.querySelectorAll('body *'))
                .filter(
                  (e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1,
                )
                .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
            );
            assert.deepEqual(wide, [], `${path} (${lang}) is wider than 375 px`);
          }
        }
      }
    });
  }
});
