import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays } from '../src/deadlines/calendar.ts';
import { todayInSweden } from '../src/platform/dates.ts';
import { axeViolations, describeViolations, type E2E, loginAs, startE2E } from './support.ts';

/**
 * Joint home visits with the police, in Chromium: the intake worker records a visit on a report,
 * with the family's consent before anything for the police; the police user sees that summary and
 * nothing else; a visit without consent shows the police nothing. Every page passes axe in Swedish
 * and English and at 375 px.
 */

let e2e: E2E;
before(async () => {
  e2e = await startE2E();
});
after(() => e2e?.close());

const yesterday = addDays(todayInSweden(), -1);
const policeReference = '5000-K55555-26';
const summary = 'Familjen har tackat ja till stödsamtal. Socialtjänsten följer upp inom två veckor.';
const account = 'Jag var rädd när de skrek. Jag ringde mormor.';

/** The elements that stick out past the viewport, for the message of a failed check. */
const widest = (page: Page, width: number) =>
  page.evaluate(
    (w) =>
      Array.from(document.querySelectorAll('body *'))
        .filter((e) => e.getBoundingClientRect().right > w)
        .slice(0, 5)
        .map((e) => `${e.tagName}.${e.className}#${e.id}`)
        .join(', '),
    width,
  );

/** Axe at 1280 and 375 px (no sideways scrolling) on the page as it is: after a refused form too. */
async function checkAsShown(page: Page, label: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `${label} (${width} px)\n${describeViolations(violations)}`);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= width, `${label} (${width} px) scrolls sideways: ${scroll}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Axe in Swedish and English, and at 375 px with no sideways scrolling. */
async function checkPage(page: Page, label: string) {
  const url = new URL(page.url());
  for (const lang of ['sv', 'en'] as const) {
    url.searchParams.set('lang', lang);
    await page.goto(url.toString());
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      const violations = await axeViolations(page);
      assert.equal(
        violations.length,
        0,
        `${label} (${lang}, ${width} px)\n${describeViolations(violations)}`,
      );
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(
        scroll <= width,
        `${label} (${lang}, ${width} px) scrolls sideways: ${scroll} ${await widest(page, width)}`,
      );
    }
  }
  url.searchParams.set('lang', 'sv');
  await page.goto(url.toString());
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A report linked to a child in the intake's initial assessment, with no visit yet. */
async function reportForVisit() {
  return e2e.app.db
    .selectFrom('report as r')
    .innerJoin('child_case as c', 'c.id', 'r.case_id')
    .innerJoin('person as p', 'p.id', 'r.child_id')
    .select(['r.id', 'r.reference', 'r.case_id', 'r.child_id', 'p.given_name', 'p.family_name'])
    .where('c.phase', '=', 'initialAssessment')
    .where('p.protected_identity', '=', 'none')
    .orderBy('r.received_at', 'desc')
    .executeTakeFirstOrThrow();
}

describe('a joint home visit with the police', () => {
  let visitUrl = '';
  let report: Awaited<ReturnType<typeof reportForVisit>>;

  it('is recorded by the intake worker on the report, with the family’s consent before anything for the police', async () => {
    report = await reportForVisit();
    const page = await e2e.newPage();
    await loginAs(page, e2e.baseUrl, 'intake');
    await page.getByRole('link', { name: 'Gemensamma hembesök', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Gemensamma hembesök med polisen' }).waitFor();
    await checkPage(page, 'the list of joint visits');
    await page.getByLabel('Anmälans referensnummer').fill(report.reference.toLowerCase());
    await page.getByRole('button', { name: 'Hitta anmälan' }).click();
    await page
      .getByRole('heading', { name: `Registrera gemensamt hembesök – anmälan ${report.reference}` })
      .waitFor();
    await page.getByText(`${report.given_name} ${report.family_name}`).first().waitFor();

    // Nothing filled in: every field says what is missing, and nothing is written.
    await page.getByLabel('Från socialtjänsten deltog').fill('');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { name: 'Det finns fel i formuläret' }).waitFor();
    await page.getByText('Polisens diarienummer: Fyll i fältet.').first().waitFor();
    await checkAsShown(page, 'the new visit form with errors');

    await page.getByLabel('Polisens diarienummer').fill(policeReference);
    await page.getByLabel('Datum för händelsen').fill(yesterday);
    await page.getByLabel('Klockslag för händelsen').fill('21:10');
    await page.getByLabel('Datum för besöket').fill(yesterday);
    // Before the incident: refused with the reason.
    await page.getByLabel('Klockslag för besöket').fill('20.30');
    await page.getByLabel('Plats', { exact: true }).fill('Familjens bostad, Sjövik');
    await page.getByLabel('Från socialtjänsten deltog').fill('Iris Holm, socialsekreterare');
    await page.getByLabel('Från polisen deltog').fill('Per Olsson, ungdomspolis');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Besöket kan inte vara före händelsen.').first().waitFor();
    assert.equal(
      (
        await e2e.app.db
          .selectFrom('joint_visit')
          .select('id')
          .where('police_reference', '=', policeReference)
          .execute()
      ).length,
      0,
    );
    await page.getByLabel('Klockslag för besöket').fill('22.05');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Besöket är registrerat.').waitFor();
    visitUrl = page.url().split('?')[0]!;
    await page.getByText('55 min').first().waitFor();
    await page.getByText('Inget samtycke registrerat. Polisen ser ingenting av besöket.').waitFor();
    await page
      .getByText('Registrera familjens samtycke till en sammanfattning innan du skriver något för polisen.')
      .waitFor();

    await page.getByLabel('Samtycke lämnat av').fill('Mamma Lina och barnet');
    await page.getByLabel('Sammanfattningen för polisen').check();
    await page.getByRole('button', { name: 'Registrera samtycke' }).click();
    await page.getByText('Samtycket är registrerat.').waitFor();

    await page.getByRole('group', { name: 'Träffade ni barnet ensamt?' }).getByLabel('Ja').check();
    await page.getByLabel('Barnets berättelse').fill(account);
    await page.getByLabel('Riskfaktorer').fill('Bråk mellan de vuxna.');
    await page.getByLabel('Skyddsfaktorer').fill('Mormor bor nära.');
    await page.getByLabel('Barnet behöver inte omedelbart skydd').check();
    await page.getByLabel('Stöd som erbjöds').fill('Stödsamtal på Familjecentrum');
    await page.getByLabel('Tackade ja', { exact: true }).check();
    await page.getByLabel('Sammanfattning för polisen').fill(summary);
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Sparat.').waitFor();
    await page.getByRole('heading', { name: 'Det här ser polisen' }).waitFor();
    await checkPage(page, 'the visit, recorded');
    await page.context().close();
  });

  it('shows the police user its summary and nothing else; a visit without consent shows nothing', async () => {
    const waiting = await e2e.app.db
      .selectFrom('joint_visit')
      .select(['id', 'police_reference'])
      .where('consent_given_at', 'is', null)
      .executeTakeFirstOrThrow();
    const visitId = visitUrl.split('/').pop()!;
    const page = await e2e.newPage();
    await loginAs(page, e2e.baseUrl, 'police');
    await page.getByRole('link', { name: 'Gemensamma hembesök', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Gemensamma hembesök – sammanfattningar' }).waitFor();
    assert.doesNotMatch(await page.content(), new RegExp(waiting.police_reference));
    await checkPage(page, 'the police’s list of summaries');
    await page.getByRole('link', { name: `Hembesök – polisens ärende ${policeReference}` }).click();
    await page.getByText(summary).waitFor();
    const body = await page.content();
    for (const secret of [
      account,
      'Bråk mellan de vuxna',
      'Stödsamtal på Familjecentrum',
      report.family_name,
      report.reference,
    ])
      assert.doesNotMatch(body, new RegExp(secret), secret);
    await checkPage(page, 'the police’s summary');

    for (const path of [
      `/joint-visits/${visitId}`,
      `/cases/${report.case_id}`,
      `/intake/reports/${report.id}`,
      `/people/${report.child_id}`,
      `/api/v1/people/${report.child_id}`,
      `/joint-visits/${waiting.id}/summary`,
      `/api/v1/joint-visits/${waiting.id}`,
    ]) {
      const response = await page.goto(`${e2e.baseUrl}${path}`);
      assert.ok([403, 404].includes(response?.status() ?? 0), `${path} answered ${response?.status()}`);
      assert.doesNotMatch(await page.content(), new RegExp(`${account}|${report.family_name}`), path);
    }
    const api = await page.request.get(`${e2e.baseUrl}/api/v1/joint-visits/${visitId}`);
    assert.equal(api.status(), 200);
    const json = (await api.json()) as { summary?: string; support?: unknown };
    assert.equal(json.summary, summary);
    assert.equal(json.support, undefined);
    await page.context().close();
  });

  it('gives the intake unit’s manager the unit’s times', async () => {
    const page = await e2e.newPage();
    await loginAs(page, e2e.baseUrl, 'intakemanager');
    await page.goto(`${e2e.baseUrl}/joint-visits`);
    await page
      .getByRole('heading', { name: 'Enhetens gemensamma hembesök de senaste 12 månaderna' })
      .waitFor();
    await checkPage(page, 'the manager’s list with the unit’s figures');
    await page.context().close();
  });
});
