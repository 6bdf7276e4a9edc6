import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp } from '../src/app.ts';
import type { Config } from '../src/config.ts';
import { demoPassword, demoTotpSecret, seedDemoData } from '../src/demo/seed.ts';
import { migrations } from '../src/migrations.ts';
import { totpCode } from '../src/platform/auth/totp.ts';
import { todayFor } from '../src/platform/clock.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import type { App } from '../src/platform/http/types.ts';
import { testConfig } from '../src/testing/app.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface E2E {
  app: App;
  baseUrl: string;
  browser: Browser;
  /** A page in a fresh browser context (own cookies) whose browser prefers Swedish, as our users' do. */
  newPage(locale?: string): Promise<Page>;
  close(): Promise<void>;
}

/** The app on a real port with the demo municipality, and a headless Chromium to drive it. */
export async function startE2E(overrides: Partial<Config> = {}): Promise<E2E> {
  const db = await openDatabase({ migrations });
  const config = testConfig(overrides);
  await seedDemoData(db.db, { secretKey: config.secretKey, log: () => {}, today: todayFor(config) });
  const app = await buildApp({ config, db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async newPage(locale = 'sv-SE') {
      const context = await browser.newContext({ locale });
      return context.newPage();
    },
    async close() {
      await browser.close();
      await app.close();
      await db.close();
    },
  };
}

/** Logs a demo user in through the pages, typing the one-time code like a person would. */
export async function loginAs(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(demoPassword);
  await page.getByRole('button', { name: 'Logga in' }).click();
  // A code is accepted once per user: when this user already used the current one (an earlier
  // login in the same test run), wait for the next 30-second step and type that code.
  for (let attempt = 0; attempt < 2 && page.url().endsWith('/login/totp'); attempt++) {
    if (attempt > 0) await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    await page.getByLabel('Engångskod').fill(totpCode(demoTotpSecret));
    await page.getByRole('button', { name: 'Fortsätt' }).click();
  }
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the current page (WCAG 2.1 A and AA rules) and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time.
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };
    return (result.violations as Violation[]).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');
}
