import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { guideLanguages } from '../src/guide/schema.ts';
import { axeViolations, describeViolations, type E2E, loginAs, startE2E } from './support.ts';

let e2e: E2E;
before(async () => {
  e2e = await startE2E();
});
after(() => e2e?.close());

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * Prints the page through Chromium's print-to-PDF, as a municipality printing the leaflet would,
 * and returns what the PDF says: its page size and count, and its text (via pdftotext when the
 * machine has it, otherwise the names of the embedded fonts, which show which scripts were set).
 */
async function printToPdf(page: Page) {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  const raw = pdf.toString('latin1');
  assert.ok(raw.startsWith('%PDF-'), 'a PDF');
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]/.exec(raw);
  assert.ok(box, 'has a page size');
  const pages = raw.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
  let text = '';
  if (hasPdftotext) {
    const file = join(mkdtempSync(join(tmpdir(), 'samtak-leaflet-')), 'leaflet.pdf');
    writeFileSync(file, pdf);
    text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFKC');
  }
  const fonts = [...raw.matchAll(/\/BaseFont\s*\/[A-Z]{6}\+([A-Za-z0-9-]+)/g)].map((m) => m[1]!);
  return { width: Number(box[1]), height: Number(box[2]), pages, text, fonts, bytes: pdf.length };
}

/** A4 is 210 × 297 mm, 595.3 × 841.9 points; Chromium rounds to whole pixels. */
function assertA4(pdf: { width: number; height: number }) {
  assert.ok(Math.abs(pdf.width - 595.3) < 2, `width ${pdf.width}`);
  assert.ok(Math.abs(pdf.height - 841.9) < 2, `height ${pdf.height}`);
}

async function entryTitles(page: Page): Promise<string[]> {
  return (await page.locator('.entry-card h3').allTextContents()).map((t) => t.trim());
}

describe('the support guide in Swedish', () => {
  it('opens in the browser’s language, filters without JavaScript, shows an entry and prints an A4 leaflet', async () => {
    const context = await e2e.browser.newContext({ locale: 'sv-SE', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/guide`);
    assert.match(page.url(), /\/guide\/sv$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'sv');
    await page.getByRole('heading', { level: 1, name: 'Stöd för barn, unga och familjer' }).waitFor();
    const all = await entryTitles(page);
    assert.ok(all.length >= 25, `${all.length} entries`);

    await page.getByLabel('Barnets eller den ungas ålder').selectOption({ label: '13–17 år' });
    await page.getByLabel('Situation').selectOption({ label: 'Barn som anhörig' });
    await page.getByRole('button', { name: 'Visa stöd' }).click();
    assert.match(page.url(), /age=13-17/);
    assert.match(page.url(), /situation=childAsNextOfKin/);
    const filtered = await entryTitles(page);
    assert.ok(filtered.includes('Samtalsgrupp för barn som anhöriga'), filtered.join(' | '));
    assert.ok(!filtered.includes('Barnavårdscentralen (BVC)'));
    assert.ok(filtered.length < all.length);

    await page.getByLabel('Sök').fill('ungdomsmottagning');
    await page.getByLabel('Barnets eller den ungas ålder').selectOption({ label: 'Alla åldrar' });
    await page.getByLabel('Situation').selectOption({ label: 'Alla situationer' });
    await page.getByRole('button', { name: 'Visa stöd' }).click();
    assert.deepEqual(await entryTitles(page), ['Ungdomsmottagningen']);
    await page.getByRole('link', { name: 'Ungdomsmottagningen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ungdomsmottagningen' }).waitFor();
    assert.equal(
      await page.getByRole('link', { name: 'Gör en orosanmälan' }).getAttribute('href'),
      '/report?m=9901&lang=sv',
    );
    assert.equal(
      await page.getByRole('link', { name: '112', exact: true }).first().getAttribute('href'),
      'tel:112',
    );

    await page.getByRole('link', { name: 'Skriv ut som folder' }).click();
    assert.match(page.url(), /\/guide\/sv\/leaflet$/);
    const pdf = await printToPdf(page);
    assertA4(pdf);
    assert.ok(pdf.pages >= 1 && pdf.pages <= 8, `${pdf.pages} pages`);
    if (hasPdftotext) {
      assert.match(pdf.text, /Stöd för barn, unga och familjer/);
      assert.match(pdf.text, /Barnavårdscentralen \(BVC\)/);
      assert.match(pdf.text, /112/);
      assert.doesNotMatch(
        pdf.text,
        /Välj språk|Hitta stöd|Inloggning för personal/,
        'no navigation on paper',
      );
    }
    await context.close();
  });
});

describe('the support guide in English', () => {
  it('follows an English browser, filters by organisation and language, and prints', async () => {
    const page = await e2e.newPage('en-GB');
    await page.goto(`${e2e.baseUrl}/guide`);
    assert.match(page.url(), /\/guide\/en$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.getByLabel('Who gives the support').selectOption({ label: 'Social services' });
    await page.getByLabel('Language the support is given in').selectOption({ label: 'Soomaali' });
    await page.getByRole('button', { name: 'Show support' }).click();
    const titles = await entryTitles(page);
    assert.ok(titles.includes('Parent meetings in your own language'), titles.join(' | '));
    assert.ok(titles.every((t) => !t.includes('Child health')));
    await page.getByRole('link', { name: 'Parent meetings in your own language' }).click();
    await page.getByRole('heading', { level: 2, name: 'How do I get the support?' }).waitFor();
    assert.equal(await page.locator('dd li[lang="so"]').textContent(), 'Soomaali');

    await page.goto(`${e2e.baseUrl}/guide/en/leaflet`);
    const pdf = await printToPdf(page);
    assertA4(pdf);
    if (hasPdftotext) {
      assert.match(pdf.text, /Support for children, young people and families/);
      assert.match(pdf.text, /Child health centre \(BVC\)/);
    }
    await page.context().close();
  });
});

describe('the support guide in Arabic', () => {
  it('is right to left, reads in Arabic, filters, and prints Arabic text on A4', async () => {
    const page = await e2e.newPage('ar');
    await page.goto(`${e2e.baseUrl}/guide`);
    assert.match(page.url(), /\/guide\/ar$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
    await page.getByRole('heading', { level: 1, name: 'الدعم للأطفال والشباب والأسر' }).waitFor();

    // Right to left in the layout too: the heading's text starts at the right edge of the page.
    const { text, block } = await page.getByRole('heading', { level: 1 }).evaluate((h1) => {
      const range = document.createRange();
      range.selectNodeContents(h1);
      const r = range.getBoundingClientRect();
      const b = h1.getBoundingClientRect();
      return { text: { left: r.left, right: r.right }, block: { left: b.left, right: b.right } };
    });
    assert.ok(
      Math.abs(text.right - block.right) < 2,
      `text ends at the right edge: ${JSON.stringify({ text, block })}`,
    );
    assert.ok(text.left - block.left > 20, 'and leaves room on the left');
    // Numbers stay left to right inside Arabic text.
    assert.equal(
      await page
        .locator('a.phone')
        .first()
        .evaluate((a) => getComputedStyle(a).direction),
      'ltr',
    );

    await page.getByLabel('من يقدّم الدعم').selectOption({ label: 'الخدمات الاجتماعية' });
    await page.getByRole('button', { name: 'اعرض الدعم' }).click();
    const titles = await entryTitles(page);
    assert.ok(
      titles.includes('المناوبة الاجتماعية – في المساء والليل وعطلة نهاية الأسبوع'),
      titles.join(' | '),
    );
    assert.ok(
      titles.every((t) => /[\u0600-\u06ff]/.test(t)),
      'every entry is in Arabic',
    );
    await page.getByRole('link', { name: 'ماذا يحدث بعد البلاغ؟' }).click();
    await page.getByRole('heading', { level: 1, name: 'هل أنت قلق على طفل؟' }).waitFor();
    assert.equal(await page.locator('ol.steps li').count(), 5);

    await page.goto(`${e2e.baseUrl}/guide/ar/leaflet`);
    const pdf = await printToPdf(page);
    assertA4(pdf);
    if (hasPdftotext) {
      const arabicWords = pdf.text.match(/[\u0600-\u06ff]{3,}/g) ?? [];
      assert.ok(arabicWords.length > 100, `${arabicWords.length} Arabic words`);
      assert.match(pdf.text, /الخدمات/);
    } else {
      assert.ok(
        pdf.fonts.some((f) => /Arabic/i.test(f)),
        pdf.fonts.join(', '),
      );
    }
    await page.context().close();
  });
});

describe('fallback to Swedish', () => {
  it('shows Swedish text marked lang="sv" with a visible note where a translation is missing', async () => {
    const page = await e2e.newPage('so');
    await page.goto(`${e2e.baseUrl}/guide/so`);
    assert.equal(await page.getAttribute('html', 'lang'), 'so');
    const note = page.locator('.fallback-note').first();
    assert.match((await note.textContent()) ?? '', /weli laguma heli karo luqaddaada/);
    const swedish = page.locator('.entry-card h3[lang="sv"]', { hasText: 'Familjebehandling' });
    await swedish.waitFor();
    await swedish.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Familjebehandling' }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).getAttribute('lang'), 'sv');
    await page.getByRole('note').waitFor();
    assert.match(
      (await page.getByRole('note').textContent()) ?? '',
      /Qoraalkan weli laguma heli karo luqaddaada/,
    );
    // A translated entry in the same language has no note.
    await page.goto(`${e2e.baseUrl}/guide/so`);
    await page.getByRole('link', { name: 'Rugta dhallinyarada' }).click();
    assert.equal(await page.getByRole('note').count(), 0);
    await page.context().close();
  });
});

async function firstEntryHref(page: Page, lang: string, translated: boolean): Promise<string> {
  await page.goto(`${e2e.baseUrl}/guide/${lang}`);
  const selector = translated ? '.entry-card h3:not([lang]) a' : '.entry-card h3[lang="sv"] a';
  const link = page.locator(selector).first();
  return (await link.count()) ? ((await link.getAttribute('href')) ?? '') : '';
}

describe('accessibility: axe finds nothing on any guide page in any of the nine languages', () => {
  for (const lang of guideLanguages) {
    it(`has no violations in ${lang}`, async () => {
      const page = await e2e.newPage(lang === 'sv-x-lattlast' ? 'sv-SE' : lang);
      const urls = [
        `/guide/${lang}`,
        `/guide/${lang}?age=0-5&situation=parenting&organisation=childHealth&language=ar&level=universal`,
        `/guide/${lang}?q=zzzzzz`,
        `/guide/${lang}?age=broken`,
        `/guide/${lang}/worried`,
        `/guide/${lang}/leaflet`,
        `/guide/${lang}/accessibility`,
        `/guide/${lang}/entry/00000000-0000-4000-8000-000000000000`,
      ];
      for (const translated of [true, false]) {
        const href = await firstEntryHref(page, lang, translated);
        if (href) urls.push(href);
      }
      for (const url of urls) {
        await page.goto(`${e2e.baseUrl}${url}`);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `${url}\n${describeViolations(violations)}`);
      }
      await page.context().close();
    });
  }

  it('has no violations on the editors’ pages, including translations in right-to-left languages', async () => {
    const page = await e2e.newPage();
    await loginAgain(page, 'editor');
    await page.getByRole('link', { name: 'Stödguiden' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Redigera stödguiden' }).waitFor();
    const entry = (await page
      .locator('table a[href^="/guide-editor/entries/"]')
      .first()
      .getAttribute('href'))!;
    const urls = [
      '/guide-editor',
      entry,
      `${entry}/sv/edit`,
      `${entry}/ar/edit`,
      `${entry}/fa/edit`,
      `${entry}/ti/edit`,
      `${entry}/so/edit`,
      '/guide-editor/entries/new',
      '/guide-editor/settings',
      '/guide-editor?lang=en',
      '/login?lang=sv',
    ];
    for (const url of urls) {
      await page.goto(`${e2e.baseUrl}${url}`);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `${url}\n${describeViolations(violations)}`);
    }
    await page.goto(`${e2e.baseUrl}/guide-editor/entries/new`);
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    assert.deepEqual(await axeViolations(page), [], 'form with errors');
    await page.context().close();
  });
});

/** A one-time code is accepted once: forget the last one so the same demo user can log in again. */
async function loginAgain(page: Page, username: string) {
  await e2e.app.db
    .updateTable('user_account')
    .set({ totp_last_step: null })
    .where('username', '=', username)
    .execute();
  await loginAs(page, e2e.baseUrl, username);
}

describe('an editor’s change goes live only when published', () => {
  it('is written by one editor, reviewed by another, and appears in the guide only at publication', async () => {
    const writer = await e2e.newPage();
    await loginAgain(writer, 'editor');
    await writer.goto(`${e2e.baseUrl}/guide/sv?q=tandvård`);
    await writer.getByRole('link', { name: 'Tandvård för barn och unga' }).click();
    const entryId = writer.url().split('/').pop()!;
    await writer.goto(`${e2e.baseUrl}/guide-editor/entries/${entryId}/sv/edit`);
    await writer.getByLabel('När (tider)').fill('Vardagar 7.30–18.');
    await writer.getByRole('button', { name: 'Spara utkast' }).click();
    await writer.getByText('Ändringen är sparad som utkast').waitFor();

    const publicPage = await e2e.newPage();
    await publicPage.goto(`${e2e.baseUrl}/guide/sv/entry/${entryId}`);
    assert.match((await publicPage.locator('main').textContent()) ?? '', /Vardagar 7\.30–16\./);

    // The writer cannot review their own change.
    await writer.getByRole('button', { name: 'Markera som granskad' }).click();
    await writer.getByText('En annan redaktör behöver granska den.').waitFor();

    const reviewer = await e2e.newPage();
    await loginAgain(reviewer, 'editor2');
    await reviewer.goto(`${e2e.baseUrl}/guide-editor/entries/${entryId}`);
    await reviewer.getByRole('button', { name: 'Markera som granskad' }).click();
    await reviewer.getByText('Versionen är granskad och kan publiceras.').waitFor();
    await publicPage.reload();
    assert.match((await publicPage.locator('main').textContent()) ?? '', /Vardagar 7\.30–16\./);

    await reviewer.getByRole('button', { name: 'Publicera', exact: true }).click();
    await reviewer.getByText('Versionen är publicerad').waitFor();
    await publicPage.reload();
    assert.match((await publicPage.locator('main').textContent()) ?? '', /Vardagar 7\.30–18\./);
    const history = (await reviewer.locator('table').last().textContent()) ?? '';
    assert.match(history, /Tove Ahl/);
    assert.match(history, /Elin Nord/);
    for (const p of [writer, reviewer, publicPage]) await p.context().close();
  });
});
