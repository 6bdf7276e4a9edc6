import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, type E2E, loginAs, startE2E } from './support.ts';

// A fixed "today" for the statutory clock and the calendar: Tuesday 1 December 2026 (week 49).
const today = '2026-12-01';
let e2e: E2E;
before(async () => {
  e2e = await startE2E({ fixedToday: today });
});
after(() => e2e?.close());

/** The new pages each user saw, checked with axe afterwards in Swedish, English and at 375 px. */
const visited: Record<string, Set<string>> = {};
const pages: Record<string, Page> = {};
function visit(user: string, page: Page) {
  const url = new URL(page.url());
  const set = visited[user] ?? new Set<string>();
  set.add(`${url.pathname}${url.search}`);
  visited[user] = set;
}

async function signedIn(user: string): Promise<Page> {
  const existing = pages[user];
  if (existing) return existing;
  const page = await e2e.newPage();
  await loginAs(page, e2e.baseUrl, user);
  pages[user] = page;
  return page;
}

describe("a social worker's, a manager's and an intake worker's day", () => {
  it('a social worker finds a case from "my cases" and by search', async () => {
    const page = await signedIn('socialworker');
    await page.getByRole('heading', { name: /Notiser/ }).waitFor();
    assert.ok(await page.getByText(/Du är ansvarig för utredningen om/).count());
    visit('socialworker', page);
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Mina ärenden' })
      .click();
    await page.getByRole('heading', { name: 'Mina ärenden', level: 1 }).waitFor();
    const rows = page.locator('[data-testid="case-list"] tbody tr');
    assert.ok((await rows.count()) >= 2, 'Sam Berg holds several cases');
    assert.match((await rows.first().textContent()) ?? '', /dag|i dag|försenad/);
    await page.getByLabel('Skede').selectOption('investigation');
    await page.getByLabel('Sortera efter').selectOption('child');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForURL(/phase=investigation/);
    visit('socialworker', page);
    const first = rows.first().getByRole('link').first();
    const name = ((await first.textContent()) ?? '').trim();
    const href = (await first.getAttribute('href')) ?? '';
    await first.click();
    await page.waitForURL(`**${href}`);
    // And the same case by search: the family name as typed.
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Sök ärende' })
      .click();
    await page.getByLabel('Barnets namn, personnummer eller referensnummer').fill(name.split(',')[0]!);
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.locator(`[data-testid="case-list"] a[href="${href}"]`).waitFor();
    visit('socialworker', page);
    // A search of one letter says what is missing and shows nothing.
    await page.getByLabel('Barnets namn, personnummer eller referensnummer').fill('x');
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.getByText('Skriv minst två bokstäver av namnet').first().waitFor();
  });

  it('a manager decides from the waiting list and assigns seeing caseloads; the worker is notified', async () => {
    const manager = await signedIn('manager');
    await manager.getByRole('heading', { name: 'Väntar på ditt beslut' }).waitFor();
    visit('manager', manager);
    const waiting = manager.locator('section[aria-labelledby="waiting-heading"] tbody tr');
    assert.ok((await waiting.count()) >= 1, 'the demo has an investigation waiting for a decision');
    await waiting.first().getByRole('link').click();
    await manager.getByLabel('Utredningen avslutas utan insats').check();
    await manager
      .getByLabel('Motivering')
      .fill('Behoven kan mötas av skolans elevhälsa; ingen insats behövs.');
    // Without the confirmation nothing is decided.
    await manager.getByRole('button', { name: 'Fatta beslut' }).click();
    await manager.getByRole('heading', { name: 'Det finns fel i formuläret' }).waitFor();
    await manager.getByLabel('Utredningen avslutas utan insats').check();
    await manager
      .getByLabel('Motivering')
      .fill('Behoven kan mötas av skolans elevhälsa; ingen insats behövs.');
    await manager.getByLabel('Jag bekräftar beslutet').check();
    await manager.getByRole('button', { name: 'Fatta beslut' }).click();
    await manager.getByText('Beslutet är fattat.').waitFor();

    // The unit's cases: unassigned first, with the responsible worker's column.
    await manager.goto(`${e2e.baseUrl}/my-cases/unit`);
    visit('manager', manager);
    const firstRow = manager.locator('[data-testid="case-list"] tbody tr').first();
    assert.match((await firstRow.textContent()) ?? '', /Ingen.*Utse ansvarig/);
    await firstRow.getByRole('link').first().click();
    const options = await manager.locator('#responsibleUserId option').allTextContents();
    assert.ok(options.length >= 2);
    for (const option of options) assert.match(option, /– \d+ pågående ärenden?/);
    const noor = options.find((o) => o.startsWith('Noor Haddad'))!;
    await manager.locator('#responsibleUserId').selectOption({ label: noor });
    await manager.getByRole('button', { name: 'Utse ansvarig' }).click();
    await manager.getByText('Ansvarig socialsekreterare är utsedd.').waitFor();

    const worker = await signedIn('socialworker2');
    await worker.getByRole('heading', { name: /Notiser/ }).waitFor();
    await worker
      .getByText(/Du är ansvarig för utredningen om .* \(av Maja Ek\)/)
      .first()
      .waitFor();
    await worker.getByRole('button', { name: 'Markera som läst' }).first().click();
    await worker.waitForURL(`${e2e.baseUrl}/`);
    await worker.goto(`${e2e.baseUrl}/notifications`);
    await worker.getByText('Läst').first().waitFor();
    visit('socialworker2', worker);
  });

  it("a worker's calendar week and an iCalendar feed with no names in it", async () => {
    const page = await signedIn('socialworker');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kalender' }).click();
    await page.getByRole('heading', { name: 'Vecka 49, 2026' }).waitFor();
    visit('socialworker', page);
    assert.ok((await page.locator('[data-kind="visit"]').count()) >= 1, 'the demo visits');
    const shownNames = await page.locator('[data-kind] a').allTextContents();
    assert.ok(shownNames.length > 0);
    await page.getByRole('link', { name: 'Nästa vecka' }).click();
    await page.getByRole('heading', { name: 'Vecka 50, 2026' }).waitFor();
    await page.getByRole('link', { name: 'Föregående vecka' }).click();
    await page.getByRole('heading', { name: 'Vecka 49, 2026' }).waitFor();
    // Book a visit, typed the Swedish way.
    await page.getByLabel('Datum').fill('2026-12-04');
    await page.getByLabel('Från').fill('9.30');
    await page.getByLabel('Till').fill('10.15');
    await page.getByLabel('Plats').fill('Hembesök Storgatan 4');
    await page.getByRole('button', { name: 'Boka', exact: true }).click();
    await page.getByText('Bokat.', { exact: true }).waitFor();
    await page.getByText('09:30–10:15').waitFor();
    // The feed.
    await page.getByRole('button', { name: 'Skapa en adress' }).click();
    const url = ((await page.getByTestId('feed-url').textContent()) ?? '').trim();
    assert.match(url, /\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await e2e.newPage();
    const response = await feed.request.get(url.replace(/^https?:\/\/[^/]+/, e2e.baseUrl));
    assert.equal(response.status(), 200);
    const ics = await response.text();
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /SUMMARY:Besök\r\n/);
    assert.match(ics, /DTSTART:20261204T083000Z/);
    for (const name of [...shownNames, 'Storgatan', 'Sam Berg'])
      for (const part of name
        .split(/[\s,:]+/)
        .filter((p) => p.length > 3 && !/^(Besök|Möte|Tidsfrist|SIP)$/.test(p)))
        assert.equal(ics.includes(part), false, `the feed names ${part}`);
    await feed.context().close();
  });
});

describe('accessibility of the working day: axe finds nothing in Swedish, English and at 375 px', () => {
  const extra: Record<string, string[]> = {
    socialworker: ['/my-cases?status=all', '/notifications'],
    manager: ['/my-cases/unit?worker=unassigned', '/cases/search?q=berg', '/calendar'],
    intake: ['/', '/my-cases', '/cases/search'],
  };
  for (const user of ['socialworker', 'manager', 'socialworker2', 'intake']) {
    it(`has no violations on the pages of ${user}`, async () => {
      const page = await signedIn(user);
      const urls = new Set([...(visited[user] ?? []), ...(extra[user] ?? [])]);
      for (const url of urls) {
        for (const [lang, width] of [
          ['sv', 1280],
          ['en', 1280],
          ['sv', 375],
        ] as const) {
          await page.setViewportSize({ width, height: 900 });
          const sep = url.includes('?') ? '&' : '?';
          await page.goto(`${e2e.baseUrl}${url}${sep}lang=${lang}`);
          const violations = await axeViolations(page);
          assert.equal(
            violations.length,
            0,
            `${user} ${url} (${lang}, ${width}px)\n${describeViolations(violations)}`,
          );
        }
      }
      await page.goto(`${e2e.baseUrl}/?lang=sv`);
    });
  }
  after(async () => {
    for (const page of Object.values(pages)) await page.context().close();
  });
});
