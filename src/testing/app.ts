import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { totpCode } from '../platform/auth/totp.ts';
import type { Db } from '../platform/db/database.ts';
import type { App } from '../platform/http/types.ts';
import { openTestDatabase } from './database.ts';
import type { TestUser } from './factories.ts';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: undefined,
    databaseNamedStatements: false,
    databaseClient: 'pg',
    secretKey: randomBytes(32),
    secureCookies: false,
    trustProxy: false,
    demoData: false,
    oidc: undefined,
    smtp: undefined,
    publicUrl: 'http://localhost',
    rateLimitPerMinute: 600,
    fixedToday: undefined,
    metricsToken: undefined,
    ...overrides,
  };
}

export interface TestApp {
  app: App;
  db: Db;
  config: Config;
  close(): Promise<void>;
}

export async function startTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const db = await openTestDatabase();
  const config = testConfig(overrides);
  const app = await buildApp({ config, db });
  return {
    app,
    db,
    config,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

let octet = 0;
const nextOctet = () => (octet++ % 250) + 1;

/** A browser-like client over app.inject: keeps cookies and finds the CSRF token in pages. */
export class Client {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(
    private readonly app: App,
    // Each client gets its own address, as real users do, so per-address limits apply per test.
    readonly ip = `127.${nextOctet()}.${nextOctet()}.${nextOctet()}`,
  ) {}

  async get(url: string, headers: Record<string, string> = {}) {
    return this.request('GET', url, undefined, headers);
  }

  /** Posts a form; the CSRF token from the last page is added unless `_csrf` is given. */
  async post(url: string, form: Record<string, string> = {}, headers: Record<string, string> = {}) {
    const body = new URLSearchParams({ _csrf: this.csrf, ...form }).toString();
    return this.request('POST', url, body, {
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    });
  }

  async postJson(url: string, json: unknown, headers: Record<string, string> = {}) {
    return this.request('POST', url, JSON.stringify(json), {
      'content-type': 'application/json',
      'x-csrf-token': this.csrf,
      ...headers,
    });
  }

  async request(method: 'GET' | 'POST', url: string, payload?: string, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method,
      url,
      payload,
      remoteAddress: this.ip,
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    this.remember(response);
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
    return response;
  }

  cookie(name: string) {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse) {
    for (const c of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
}

/** Logs a user in through the real login pages, second factor included. */
export async function login(app: App, user: TestUser, ip?: string): Promise<Client> {
  const client = new Client(app, ip);
  await client.get('/login');
  const first = await client.post('/login', { username: user.username, password: user.password });
  if (first.statusCode !== 302)
    throw new Error(`login failed: ${first.statusCode} ${first.body.slice(0, 200)}`);
  if (first.headers.location === '/login/totp' && user.totpSecret) {
    // A code works once; start from the next time step so repeated logins in one test work.
    await app.db
      .updateTable('user_account')
      .set({ totp_last_step: null })
      .where('id', '=', user.id)
      .execute();
    await client.get('/login/totp');
    const second = await client.post('/login/totp', { code: totpCode(user.totpSecret) });
    if (second.statusCode !== 302) throw new Error(`second factor failed: ${second.statusCode}`);
  }
  await client.get('/api/v1/me').then((r) => {
    if (r.statusCode === 200) client.csrf = (r.json() as { csrfToken: string }).csrfToken;
  });
  return client;
}
