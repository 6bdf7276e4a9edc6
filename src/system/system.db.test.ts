import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { testEngine } from '../testing/database.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

describe('operations endpoints', () => {
  it('reports health with the database engine', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', database: testEngine });
  });

  it('publishes the OpenAPI document of the JSON API only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.match(doc.openapi, /^3\./);
    const paths = Object.keys(doc.paths);
    assert.ok(paths.includes('/api/v1/people'));
    assert.ok(
      paths.every((p) => p.startsWith('/api/v1/')),
      paths.join(', '),
    );
  });

  it('sends security headers with every page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/login' });
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS over plain http');
  });

  it('adds HSTS and Secure __Host- cookies behind TLS', async () => {
    const tls = await startTestApp({ secureCookies: true, publicUrl: 'https://samtak.example' });
    try {
      const res = await tls.app.inject({ method: 'GET', url: '/login' });
      assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/);
      assert.match(String(res.headers['set-cookie']), /Secure/);
    } finally {
      await tls.close();
    }
  });

  it('answers unknown pages with a 404 page in the chosen language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/no-such-page?lang=en' });
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /<html lang="en"/);
    assert.match(res.body, /does not exist/);
  });

  it('picks the language from Accept-Language when none is chosen', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/login',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    assert.match(res.body, /<html lang="en"/);
    const sv = await t.app.inject({ method: 'GET', url: '/login', headers: { 'accept-language': 'de' } });
    assert.match(sv.body, /<html lang="sv"/);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/login',
      payload: `username=${'x'.repeat(300 * 1024)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(res.statusCode, 413);
  });
});
