import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, type E2E, loginAs, startE2E } from './support.ts';

let e2e: E2E;
before(async () => {
  e2e = await startE2E();
});
after(() => e2e?.close());

/** A page as a phone shows it: 375 CSS pixels wide. */
async function phonePage(locale = 'sv-SE'): Promise<Page> {
  const context = await e2e.browser.newContext({ locale, viewport: { width: 375, height: 740 } });
  return context.newPage();
}

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

describe('the public pages fit a 375 px phone, right-to-left too', () => {
  for (const lang of ['ar', 'fa', 'sv', 'sv-x-lattlast', 'en']) {
    it(`has no horizontal scroll in ${lang}`, async () => {
      const page = await phonePage(lang === 'sv-x-lattlast' ? 'sv-SE' : lang);
      const urls = [
        `/guide/${lang}`,
        `/guide/${lang}/worried`,
        `/guide/${lang}/accessibility`,
        `/guide/${lang}?q=zzzzzz`,
      ];
      await page.goto(`${e2e.baseUrl}/guide/${lang}`);
      const entry = await page.locator('.entry-card h3 a').first().getAttribute('href');
      if (entry) urls.push(entry);
      for (const url of urls) {
        await page.goto(`${e2e.baseUrl}${url}`);
        const { scrollWidth, innerWidth } = await horizontalOverflow(page);
        assert.equal(scrollWidth, innerWidth, `${url}: ${scrollWidth} px wide in a ${innerWidth} px window`);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `${url}\n${describeViolations(violations)}`);
      }
      await page.context().close();
    });
  }

  for (const lang of ['sv', 'en']) {
    it(`the report form, its status page and the accessibility statement fit in ${lang}`, async () => {
      const page = await phonePage();
      for (const url of ['/report', '/report/professional', '/report/status', '/accessibility', '/login']) {
        await page.goto(`${e2e.baseUrl}${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        const { scrollWidth, innerWidth } = await horizontalOverflow(page);
        assert.equal(scrollWidth, innerWidth, `${url}: ${scrollWidth} px wide in a ${innerWidth} px window`);
      }
      await page.context().close();
    });
  }

  it('the skip link still appears where it stands when it gets focus', async () => {
    const page = await phonePage('ar');
    await page.goto(`${e2e.baseUrl}/guide/ar`);
    await page.keyboard.press('Tab');
    const box = await page.locator('.skip-link').boundingBox();
    assert.ok(box && box.width > 20 && box.x >= 0 && box.x + box.width <= 375, JSON.stringify(box));
    await page.context().close();
  });
});

describe('the favicon', () => {
  it('every page links one, and /favicon.ico is there for browsers that ask anyway', async () => {
    const page = await e2e.newPage();
    const missing: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 404) missing.push(response.url());
    });
    for (const url of ['/login', '/guide/sv', '/report']) {
      await page.goto(`${e2e.baseUrl}${url}`);
      const href = await page.locator('link[rel="icon"]').getAttribute('href');
      assert.ok(href, `${url} links an icon`);
      const icon = await page.request.get(`${e2e.baseUrl}${href}`);
      assert.equal(icon.status(), 200);
      assert.match(icon.headers()['content-type'] ?? '', /^image\//);
    }
    const ico = await page.request.get(`${e2e.baseUrl}/favicon.ico`);
    assert.equal(ico.status(), 200);
    const bytes = await ico.body();
    assert.deepEqual([...bytes.subarray(0, 4)], [0, 0, 1, 0], 'an ICO file');
    assert.deepEqual(missing, []);
    await page.context().close();
  });
});

describe('forms: focus and an error summary that names each field', () => {
  it('puts the focus in the login field, and on the error summary when the form comes back', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/login`);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'username');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.locator('.error-summary').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
    const links = (await page.locator('.error-summary a').allTextContents()).map((s) => s.trim());
    assert.deepEqual(links, ['Användarnamn: Fyll i fältet.', 'Lösenord: Fyll i fältet.']);
    await page.getByLabel('Användarnamn').fill('handlaggare');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.locator('.error-summary').waitFor();
    await page.locator('.error-summary a').first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
    await page.context().close();
  });

  it('a link in the summary of a long form keeps the field’s label in view, also on a phone', async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 375, height: 740 },
    ]) {
      const context = await e2e.browser.newContext({ locale: 'sv-SE', viewport });
      const page = await context.newPage();
      await page.goto(`${e2e.baseUrl}/report`);
      await page.getByRole('radio', { name: /Ja, jag lämnar mitt namn/ }).check();
      await page.getByRole('button', { name: /Skicka/ }).click();
      await page.locator('.error-summary').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
      const names = await page.locator('.error-summary a').allTextContents();
      assert.ok(names.length >= 2 && names.every((n) => /: /.test(n)), names.join(' | '));
      for (const link of await page.locator('.error-summary a').all()) {
        await page.evaluate(() => window.scrollTo(0, 0));
        const id = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
        await link.click();
        const where = await page.evaluate((fieldId) => {
          const target = document.getElementById(fieldId)!;
          const label =
            document.querySelector(`label[for="${fieldId}"]`) ??
            target.closest('fieldset')?.querySelector('legend');
          const box = label!.getBoundingClientRect();
          return {
            labelInView: box.top >= 0 && box.bottom <= window.innerHeight,
            focused: document.activeElement === target || target.contains(document.activeElement),
          };
        }, id);
        assert.ok(
          where.labelInView && where.focused,
          `#${id} at ${viewport.width} px: ${JSON.stringify(where)}`,
        );
      }
      await context.close();
    }
  });
});

describe('the public report form', () => {
  it('gives the switchboard number, says what anonymity drops, and prints a receipt with time and status address', async () => {
    const page = await phonePage();
    await page.goto(`${e2e.baseUrl}/report`);
    await page.getByText('Ring kommunens växel, 08-465 000 00, eller 112.').waitFor();
    await page.getByLabel('Barnets förnamn').fill('Tilde');
    await page.getByLabel('Var finns barnet?').fill('Sjövikskolan, klass 4A');
    await page
      .getByLabel('Beskriv din oro')
      .fill('Tilde har sagt att hon inte får äta middag när hon kommer sent och att pappa skriker.');
    await page.getByLabel('Ditt namn').fill('Anna Granne');
    await page.getByLabel('Nej, jag vill vara anonym').check();
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await page.getByRole('heading', { name: 'Kontrollera innan du skickar' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'alert');
    await page.getByText(/skickas därför inte med: Ditt namn\./).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await page.getByRole('heading', { name: 'Tack, anmälan är mottagen' }).waitFor();
    await page.getByText(/^Mottagen \d{4}-\d{2}-\d{2} \d{2}:\d{2}\.$/).waitFor();
    await page.emulateMedia({ media: 'print' });
    const address = await page.locator('.status-address').textContent();
    assert.match(address ?? '', /^http:\/\/.+\/report\/status\?reference=[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.ok(await page.locator('.status-address').isVisible(), 'the address is printed');
    await page.emulateMedia({ media: 'screen' });
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    assert.equal(scrollWidth, innerWidth);
    assert.deepEqual(await axeViolations(page), []);
    await page.context().close();
  });

  it('the administrator’s report settings page passes axe in Swedish and English and fits a phone', async () => {
    const page = await phonePage();
    await loginAs(page, e2e.baseUrl, 'admin');
    for (const lang of ['sv', 'en']) {
      await page.goto(`${e2e.baseUrl}/admin/report-settings?lang=${lang}`);
      assert.deepEqual(await axeViolations(page), [], lang);
      const { scrollWidth, innerWidth } = await horizontalOverflow(page);
      assert.equal(scrollWidth, innerWidth, lang);
    }
    await page.context().close();
  });
});
