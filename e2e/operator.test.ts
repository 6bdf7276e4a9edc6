import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoMunicipality } from '../src/demo/seed.ts';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { seal } from '../src/platform/auth/secret-box.ts';
import { newTotpSecret, totpCode } from '../src/platform/auth/totp.ts';
import { axeViolations, describeViolations, type E2E, startE2E } from './support.ts';

/** The installation operator's pages pass axe in Swedish and English, at full width and 375 px. */
let e2e: E2E;
const secret = newTotpSecret();
before(async () => {
  e2e = await startE2E();
  await e2e.app.db
    .insertInto('operator_account')
    .values({
      username: 'e2e-operator',
      display_name: 'Drift Driftsson',
      password_hash: await hashPassword('operator password e2e'),
      must_change_password: false,
      totp_secret_enc: seal(e2e.app.config.secretKey, secret),
    })
    .execute();
});
after(() => e2e?.close());

describe('the installation operator in a browser', () => {
  it('signs in with the keyboard-usable forms, and every page has no axe violations', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/operator/login`);
    assert.deepEqual(await axeViolations(page), [], 'login');
    await page.getByLabel('Användarnamn').fill('e2e-operator');
    await page.getByLabel('Lösenord').fill('operator password e2e');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByLabel('Engångskod').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    assert.match(page.url(), /\/operator$/);
    // A form with errors, then the pages, each in both languages and both widths.
    await page.goto(`${e2e.baseUrl}/operator/municipalities/new?lang=sv`);
    await page.getByRole('button', { name: 'Lägg upp' }).click();
    assert.deepEqual(await axeViolations(page), [], 'new municipality with errors');
    const code = await e2e.app.db
      .selectFrom('municipality')
      .select('code')
      .where('code', '=', demoMunicipality.code)
      .executeTakeFirstOrThrow();
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      for (const url of [
        '/operator',
        '/operator/municipalities/new',
        `/operator/municipalities/${code.code}/administrators/new`,
      ])
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
    await page.goto(`${e2e.baseUrl}/operator/municipalities/new?lang=sv`);
    await page.getByLabel('Namn', { exact: true }).fill('E2E kommun');
    await page.getByLabel('Kommunkod').fill('2888');
    await page.getByLabel('Administratörens användarnamn').fill('e2e-admin');
    await page.getByRole('button', { name: 'Lägg upp' }).click();
    assert.match((await page.locator('h1').textContent()) ?? '', /E2E kommun är upplagd/);
    assert.deepEqual(await axeViolations(page), [], 'created');
    await page.context().close();
  });
});
