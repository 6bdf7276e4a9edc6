import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { roles } from '../platform/db/schema.ts';
import { type Client, login, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createUnit, createUser } from '../testing/factories.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

/** The addresses a page links to in this app, without fragments, each once. */
function linksOn(body: string): string[] {
  const hrefs = [...body.matchAll(/<a [^>]*href="(\/[^"#]*)[^"]*"/g)].map((m) =>
    m[1]!.replace(/&amp;/g, '&'),
  );
  return [...new Set(hrefs)].filter((href) => !href.startsWith('/assets/') && !/lang=/.test(href));
}

/**
 * Show only what the user can do: every link in the navigation and on the start page, and on
 * the pages they lead to, opens for the user who sees it. A link that answers 403 should not
 * have been shown (the manager's "register person" did).
 */
describe('every link a user is shown leads somewhere the user may go', () => {
  for (const role of roles) {
    it(`for a ${role}`, async () => {
      const db = t.db.db;
      const municipalityId = await createMunicipality(db);
      const unitId = await createUnit(
        db,
        municipalityId,
        role === 'intakeWorker' ? 'intake' : 'investigation',
      );
      const user = await createUser(db, t.config.secretKey, { municipalityId, role, unitId });
      const client: Client = await login(t.app, user);
      const start = await client.get('/');
      assert.equal(start.statusCode, 200, `${role}: start page`);
      const seen = new Set<string>(['/']);
      const refused: string[] = [];
      let frontier = linksOn(start.body);
      for (let depth = 0; depth < 2; depth++) {
        const next: string[] = [];
        for (const href of frontier) {
          if (seen.has(href)) continue;
          seen.add(href);
          const res = await client.get(href);
          if (res.statusCode === 403) refused.push(href);
          if (
            res.statusCode === 200 &&
            (res.headers['content-type'] ?? '').toString().startsWith('text/html')
          )
            next.push(...linksOn(res.body));
        }
        frontier = next;
      }
      assert.deepEqual(refused, [], `${role} is shown links that refuse them`);
      if (role !== 'statisticsReader') assert.ok(seen.size > 1, `${role} has somewhere to go`);
    });
  }
});
