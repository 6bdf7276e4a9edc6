import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Provider from 'oidc-provider';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';
import { createMunicipality, createUser } from '../testing/factories.ts';

/**
 * OIDC login against a real OpenID Provider (oidc-provider, with its development login pages)
 * on a loopback port: discovery, authorization code with PKCE, token exchange, ID token checks.
 */
let t: TestApp;
let idp: Server;
let issuer: string;
const publicUrl = 'http://samtak.test';

before(async () => {
  idp = createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'samtak',
        client_secret: 'samtak-test-client-secret-0123456789abcdef',
        redirect_uris: [`${publicUrl}/login/oidc/callback`],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id }) }),
    cookies: { keys: ['test-cookie-key'] },
  });
  idp.on('request', provider.callback());
  t = await startTestApp({
    publicUrl,
    oidc: {
      issuer,
      clientId: 'samtak',
      clientSecret: 'samtak-test-client-secret-0123456789abcdef',
      userClaim: 'sub',
      redirectUri: `${publicUrl}/login/oidc/callback`,
    },
  });
});
after(async () => {
  await t.close();
  idp.closeAllConnections();
  await new Promise((resolve) => idp.close(resolve));
});

/** Walks the IdP's login and consent pages as a browser would; returns the callback URL. */
async function signInAtIdp(authorizationUrl: string, accountId: string): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!.trim(), value.join('='));
    }
    return response;
  };
  let url = authorizationUrl;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(publicUrl)) return new URL(url);
    const response = await send(url);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url).href;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    assert.ok(action, `no form at ${url}: ${html.slice(0, 300)}`);
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1] ?? 'login';
    const body = new URLSearchParams({ prompt, login: accountId, password: 'any' });
    const submitted = await send(new URL(action, url).href, {
      method: 'POST',
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    url = new URL(submitted.headers.get('location')!, url).href;
  }
  throw new Error('too many redirects at the IdP');
}

async function startLogin(client: Client) {
  const res = await client.get('/login/oidc');
  assert.equal(res.statusCode, 302);
  const location = String(res.headers.location);
  assert.ok(location.startsWith(issuer), location);
  const params = new URL(location).searchParams;
  assert.equal(params.get('code_challenge_method'), 'S256');
  assert.ok(params.get('state') && params.get('nonce'));
  return location;
}

describe('OIDC login', () => {
  it('logs in a user whose external identity matches the IdP subject, counting as the second factor', async () => {
    const municipalityId = await createMunicipality(t.db.db);
    const user = await createUser(t.db.db, t.config.secretKey, {
      municipalityId,
      role: 'socialWorker',
      withTotp: false,
    });
    await t.db.db
      .updateTable('user_account')
      .set({ external_subject: 'oidc-user-1' })
      .where('id', '=', user.id)
      .execute();
    const client = new Client(t.app);
    const login = await client.get('/login');
    assert.match(login.body, /href="\/login\/oidc"/);
    const callback = await signInAtIdp(await startLogin(client), 'oidc-user-1');
    const done = await client.get(callback.pathname + callback.search);
    assert.equal(done.statusCode, 302, done.body.slice(0, 300));
    assert.equal(done.headers.location, '/');
    const home = await client.get('/');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /Välkommen/);
    const event = await t.db.db
      .selectFrom('audit_event')
      .selectAll()
      .where('actor_user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([event.action, event.outcome, event.reason], ['auth.login', 'allowed', 'oidc']);
  });

  it('refuses a subject that has no account', async () => {
    const client = new Client(t.app);
    await client.get('/login');
    const callback = await signInAtIdp(await startLogin(client), 'nobody-known');
    const res = await client.get(callback.pathname + callback.search);
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /inget konto/);
    assert.equal((await client.get('/')).statusCode, 302);
  });

  it('refuses a callback whose state does not match the flow', async () => {
    const client = new Client(t.app);
    await client.get('/login');
    const callback = await signInAtIdp(await startLogin(client), 'oidc-user-1');
    callback.searchParams.set('state', 'forged-state');
    const res = await client.get(callback.pathname + callback.search);
    assert.equal(res.statusCode, 400);
  });

  it('refuses a callback without the flow cookie (another browser)', async () => {
    const client = new Client(t.app);
    await client.get('/login');
    const callback = await signInAtIdp(await startLogin(client), 'oidc-user-1');
    const other = new Client(t.app);
    const res = await other.get(callback.pathname + callback.search);
    assert.equal(res.statusCode, 400);
  });
});
