import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { oldFile } from '../src/retention/testing.ts';
import { axeViolations, describeViolations, type E2E, loginAs, startE2E } from './support.ts';

/** The archivist's retention page: axe-clean in both languages at full width and 375 px, keyboard-usable. */
let e2e: E2E;
before(async () => {
  e2e = await startE2E();
  // A file seven years old in the demo municipality, so that something is due whatever the date.
  const db = e2e.app.db;
  const worker = await db
    .selectFrom('user_account')
    .select(['id', 'municipality_id', 'unit_id'])
    .where('username', '=', 'socialworker')
    .executeTakeFirstOrThrow();
  await oldFile(db, worker.municipality_id, worker.unit_id!, worker, 'Gallringsbarnet');
  // An archived file (decision 0117): the research sample, only kept records left.
  const kept = await oldFile(db, worker.municipality_id, worker.unit_id!, worker, 'Arkivbarnet');
  await db
    .updateTable('person')
    .set({
      birth_date: '2008-03-15',
      personal_number: archivedNumber,
      archived_on: '2026-01-20',
      search_text: '',
    })
    .where('id', '=', kept.childId)
    .execute();
});
const archivedNumber = '200803152388';
after(() => e2e?.close());

describe('the retention page in a browser', () => {
  it('shows the dry run, refuses the approval without the confirmation, approves with the keyboard; no axe violations', async () => {
    const page = await e2e.newPage();
    await loginAs(page, e2e.baseUrl, 'archivist');
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      for (const lang of ['sv', 'en']) {
        await page.goto(`${e2e.baseUrl}/retention?lang=${lang}`);
        const violations = await axeViolations(page);
        assert.equal(
          violations.length,
          0,
          `/retention (${lang}, ${width} px)\n${describeViolations(violations)}`,
        );
      }
    }
    await page.goto(`${e2e.baseUrl}/retention?lang=sv`);
    assert.equal(await page.locator('h1').textContent(), 'Gallring');
    assert.match((await page.locator('main').textContent()) ?? '', /Gallringsbarnet/);
    await page.getByRole('button', { name: 'Godkänn gallringen' }).click();
    assert.match(
      (await page.locator('.error-summary').textContent()) ?? '',
      /Kryssa i att du har gått igenom listan/,
    );
    assert.deepEqual(await axeViolations(page), [], 'with the error');
    await page.getByLabel('Jag har gått igenom listan och godkänner att akterna gallras').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Godkänn gallringen' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/retention$/);
    assert.match((await page.locator('main').textContent()) ?? '', /Godkända gallringar/);
    assert.deepEqual(await axeViolations(page), [], 'after the approval');
    await page.context().close();
  });

  it('finds an archived file by identity number and shows a wrong number as an error; no axe violations', async () => {
    const page = await e2e.newPage();
    await loginAs(page, e2e.baseUrl, 'archivist');
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      for (const lang of ['sv', 'en'])
        for (const number of ['', archivedNumber, '20080315']) {
          await page.goto(`${e2e.baseUrl}/retention/archived?number=${number}&lang=${lang}`);
          const violations = await axeViolations(page);
          assert.equal(
            violations.length,
            0,
            `/retention/archived?number=${number} (${lang}, ${width} px)\n${describeViolations(violations)}`,
          );
        }
    }
    await page.goto(`${e2e.baseUrl}/retention?lang=sv`);
    await page.getByRole('link', { name: 'Arkiverade akter' }).click();
    await page.getByLabel('Personnummer').fill(archivedNumber);
    await page.keyboard.press('Enter');
    await page.waitForURL(/number=/);
    assert.match((await page.locator('main').textContent()) ?? '', /Arkivbarnet/);
    assert.match((await page.locator('main').textContent()) ?? '', /Bevarade handlingar/);
    await page.context().close();
  });
});
