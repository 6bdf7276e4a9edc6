import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, type E2E, startE2E } from './support.ts';

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
