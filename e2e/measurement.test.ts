import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, type E2E, loginAs, startE2E } from './support.ts';

/**
 * Workload, the IVO report and submissions in a browser (issue 17, part A): the worker rates their
 * month with the keyboard and sees their load; the manager sees the rating beside the computed
 * load; the statistics reader sees units without names; every new page passes axe at 1280 and
 * 375 px, in Swedish and English.
 */
const today = '2026-05-19';
let e2e: E2E;
let worker: Page;
let manager: Page;
let reader: Page;
let admin: Page;
before(async () => {
  e2e = await startE2E({ fixedToday: today });
  worker = await e2e.newPage();
  await loginAs(worker, e2e.baseUrl, 'socialworker');
  manager = await e2e.newPage();
  await loginAs(manager, e2e.baseUrl, 'manager');
  reader = await e2e.newPage();
  await loginAs(reader, e2e.baseUrl, 'statistics');
  admin = await e2e.newPage();
  await loginAs(admin, e2e.baseUrl, 'admin');
});
after(() => e2e?.close());

async function clean(page: Page, path: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    for (const lang of ['sv', 'en']) {
      await page.goto(`${e2e.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `${path} ${lang} ${width}\n${describeViolations(violations)}`);
      if (width === 375) {
        const wide = await page.evaluate(() =>
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
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('workload', () => {
  it('lets the worker rate the month with the keyboard, beside the computed load', async () => {
    await worker.goto(`${e2e.baseUrl}/`);
    await worker.getByRole('link', { name: 'Min arbetsbelastning' }).first().click();
    await worker.getByRole('heading', { level: 1, name: 'Min arbetsbelastning' }).waitFor();
    assert.match((await worker.locator('[data-figure="points"]').textContent()) ?? '', /^\d+/);
    await worker.getByLabel('4 – tung').focus();
    await worker.keyboard.press('Space');
    await worker.getByLabel('Kommentar').fill('Många nya utredningar i maj.');
    await worker.getByRole('button', { name: 'Spara skattningen' }).press('Enter');
    await worker.getByText('Sparat.').waitFor();
    assert.ok((await worker.locator('figure.chart svg').count()) >= 1, 'a chart');
    assert.ok((await worker.locator('figure.chart table').count()) >= 1, 'with its table');
  });

  it("shows the manager the unit's workers with their own rating, and the reader no names", async () => {
    await manager.goto(`${e2e.baseUrl}/statistics/workload`);
    const unitId = await manager
      .locator('#unit option', { hasText: 'Barn- och ungdomsutredning' })
      .getAttribute('value');
    await manager.goto(`${e2e.baseUrl}/statistics/workload?unit=${unitId}`);
    const main = (await manager.locator('main').textContent()) ?? '';
    assert.match(main, /Sam Berg/);
    assert.match(main, /Många nya utredningar i maj\./);
    await reader.goto(`${e2e.baseUrl}/statistics/workload?unit=${unitId}`);
    const seen = (await reader.locator('main').textContent()) ?? '';
    assert.doesNotMatch(seen, /Sam Berg|Många nya utredningar/);
  });

  it('has no axe violations on the workload pages', async () => {
    await clean(worker, '/my-workload');
    await clean(reader, '/statistics/workload');
    await clean(admin, '/admin/workload');
    const unitId = await manager
      .locator('#unit option', { hasText: 'Barn- och ungdomsutredning' })
      .getAttribute('value');
    await clean(manager, `/statistics/workload?unit=${unitId}`);
  });
});

describe('the IVO report and the submissions', () => {
  it('has no axe violations on the report, its printable copy, the council statistics and the submissions', async () => {
    await clean(manager, '/statistics/ivo?quarter=2026-Q1');
    await clean(manager, '/statistics/ivo/report?quarter=2026-Q1');
    await clean(reader, '/statistics/ivo/council?quarter=2026-Q1');
    await clean(reader, '/statistics/submissions');
    // The manager's list compares each with the one of the same kind before (decision 0119).
    await clean(manager, '/statistics/submissions');
  });

  it('refuses the IVO report to the statistics reader', async () => {
    const res = await reader.goto(`${e2e.baseUrl}/statistics/ivo?quarter=2026-Q1`);
    assert.equal(res?.status(), 403);
  });
});
