import assert from 'node:assert/strict';
import { totpCode } from '../platform/auth/totp.ts';
import type { TestUser } from './factories.ts';

/**
 * A browser over fetch for tests against real server processes: keeps cookies, follows no
 * redirect, finds the CSRF token in each page. `headers` go with every request (a client's own
 * X-Forwarded-For behind a test proxy, for one).
 */
export class Browser {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(
    readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, form: Record<string, string>) {
    return this.request('POST', path, new URLSearchParams({ _csrf: this.csrf, ...form }).toString());
  }

  /** The session cookies as a header, to send the same session somewhere else. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private async request(method: string, path: string, body?: string) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...this.headers,
        cookie: this.cookieHeader(),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded', origin: this.baseUrl } : {}),
      },
      ...(body ? { body } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value) this.cookies.set(pair.slice(0, at), value);
      else this.cookies.delete(pair.slice(0, at));
    }
    const text = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, location: response.headers.get('location'), body: text };
  }
}

/** Signs a factory user in through the real login pages: password, then the one-time code. */
export async function signIn(browser: Browser, user: TestUser): Promise<void> {
  await browser.get('/login');
  const first = await browser.post('/login', { username: user.username, password: user.password });
  assert.equal(first.location, '/login/totp', first.body.slice(0, 200));
  await browser.get('/login/totp');
  let second = await browser.post('/login/totp', { code: totpCode(user.totpSecret ?? '') });
  if (second.status === 400) {
    // This time step's code was used already (a login moments ago): wait for the next one.
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 200));
    second = await browser.post('/login/totp', { code: totpCode(user.totpSecret ?? '') });
  }
  assert.equal(second.location, '/', second.body.slice(0, 200));
}
