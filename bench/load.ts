import http from 'node:http';
import { totpCode } from '../src/platform/auth/totp.ts';
import { benchPassword, benchTotpSecret } from './generate/credentials.ts';
import type { RequestSpec } from './scenarios.ts';
import { type LatencyStats, machineSample, processSample, summarize } from './stats.ts';

/**
 * The load generator: HTTP/1.1 over loopback with keep-alive, one socket per virtual connection,
 * each from its own loopback address (127.1.x.y), as separate users' browsers would be. Sessions
 * are real: every virtual user logs in through the login pages with password and one-time code.
 */

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Anything that sends requests as one browser would: the HTTP connection, or app.inject in plans.ts. */
export interface Sender {
  csrf: string;
  send(spec: RequestSpec, readBody?: boolean): Promise<Response>;
}

/** A browser-like client: one keep-alive socket, a cookie jar and the current CSRF token. */
export class Connection implements Sender {
  private agent: http.Agent;
  private readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(
    readonly port: number,
    localAddress: string,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress });
  }

  /** Continues from another address (a new socket), keeping cookies: another citizen, same browser. */
  moveTo(localAddress: string): void {
    this.agent.destroy();
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress });
  }

  /** Shares another connection's session (a user with several tabs open). */
  adopt(other: Connection): void {
    for (const [name, value] of other.cookies) this.cookies.set(name, value);
    this.csrf = other.csrf;
  }

  send(spec: RequestSpec, readBody = true): Promise<Response> {
    const form = spec.form
      ? new URLSearchParams(
          Object.fromEntries(Object.entries(spec.form).map(([k, v]) => [k, v === '{csrf}' ? this.csrf : v])),
        ).toString()
      : undefined;
    const headers: http.OutgoingHttpHeaders = { 'accept-language': 'sv-SE,sv;q=0.9' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = Buffer.byteLength(form);
    }
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: spec.path,
          method: spec.method,
          headers,
          agent: this.agent,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => {
            if (readBody) chunks.push(chunk);
          });
          response.on('end', () => {
            this.remember(response.headers['set-cookie']);
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(form);
    });
  }

  close(): void {
    this.agent.destroy();
  }

  private remember(setCookie: string[] | undefined): void {
    for (const header of setCookie ?? []) {
      const [pair, ...attributes] = header.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=Thu, 01 Jan 1970)/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

const csrfIn = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

/** Logs in through the real pages: password, then the one-time code, as a person would. */
export async function login(connection: Sender, username: string): Promise<void> {
  const page = await connection.send({ method: 'GET', path: '/login', expect: [200] });
  connection.csrf = csrfIn(page.body);
  const first = await connection.send({
    method: 'POST',
    path: '/login',
    form: { username, password: benchPassword, _csrf: '{csrf}' },
    expect: [302],
  });
  if (first.status !== 302 || first.headers.location !== '/login/totp') {
    throw new Error(`login of ${username} failed: ${first.status} ${first.headers.location ?? ''}`);
  }
  const totpPage = await connection.send({ method: 'GET', path: '/login/totp', expect: [200] });
  connection.csrf = csrfIn(totpPage.body);
  const second = await connection.send({
    method: 'POST',
    path: '/login/totp',
    form: { code: totpCode(benchTotpSecret), _csrf: '{csrf}' },
    expect: [302],
  });
  if (second.status !== 302 || second.headers.location !== '/') {
    throw new Error(`second factor of ${username} failed: ${second.status} ${second.body.slice(0, 200)}`);
  }
  const me = await connection.send({ method: 'GET', path: '/api/v1/me', expect: [200] });
  connection.csrf = (JSON.parse(me.body) as { csrfToken: string }).csrfToken;
}

/** An anonymous visitor: a page visit gives the pre-session cookie and a CSRF token for forms. */
export async function visit(connection: Sender, path: string): Promise<void> {
  const page = await connection.send({ method: 'GET', path, expect: [200] });
  connection.csrf = csrfIn(page.body);
}

/** The n-th virtual connection's own loopback address. */
export function loopbackAddress(n: number): string {
  return `127.1.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

let nextPublicAddress = 0;
/** A loopback address never used before in this run (127.2.0.1 onwards): another member of the public. */
export function freshPublicAddress(): string {
  const n = nextPublicAddress++;
  return `127.${2 + Math.floor(n / 62_500)}.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
}

export interface RunResult extends LatencyStats {
  concurrency: number;
  seconds: number;
  /** The server process's peak resident memory during the run, in MiB. */
  serverRssPeakMiB: number | null;
  /** CPU time of the server process per request, in milliseconds. */
  serverCpuMsPerRequest: number | null;
  /** Share of the whole machine's CPU that was busy during the run (client and database included). */
  machineCpuBusy: number | null;
  firstError?: string;
}

/**
 * Runs `connections` virtual users in closed loops (send, wait for the whole answer, send again)
 * for warmup + duration; only requests started after the warm-up count.
 */
export async function runLoad(options: {
  connections: Connection[];
  next: (connection: number) => RequestSpec;
  warmupMs: number;
  durationMs: number;
  serverPid: number;
}): Promise<RunResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const stopAt = measureFrom + options.durationMs;
  let lastEnd = measureFrom;
  let rssPeak = 0;
  let procStart: ReturnType<typeof processSample> = null;
  let machineStart: ReturnType<typeof machineSample> = null;
  let sampler: NodeJS.Timeout | undefined;
  const warmup = setTimeout(() => {
    procStart = processSample(options.serverPid);
    machineStart = machineSample();
    sampler = setInterval(() => {
      const sample = processSample(options.serverPid);
      if (sample) rssPeak = Math.max(rssPeak, sample.rssBytes);
    }, 200);
  }, options.warmupMs);

  await Promise.all(
    options.connections.map(async (connection, i) => {
      while (performance.now() < stopAt) {
        const spec = options.next(i);
        const sent = performance.now();
        let ok = false;
        let detail = '';
        try {
          const response = await connection.send(spec, true);
          ok = spec.expect.includes(response.status);
          if (!ok) detail = `${spec.method} ${spec.path} → ${response.status} ${response.body.slice(0, 300)}`;
        } catch (error) {
          detail = `${spec.method} ${spec.path} → ${String(error)}`;
        }
        const ended = performance.now();
        if (sent < measureFrom) continue;
        lastEnd = Math.max(lastEnd, ended);
        if (ok) latencies.push(ended - sent);
        else {
          errors++;
          firstError ??= detail;
        }
      }
    }),
  );
  clearTimeout(warmup);
  clearInterval(sampler);
  const procEnd = processSample(options.serverPid);
  const machineEnd = machineSample();
  const seconds = (lastEnd - measureFrom) / 1000;
  const stats = summarize(latencies, errors, seconds);
  const procStartValue = procStart as ReturnType<typeof processSample>;
  const machineStartValue = machineStart as ReturnType<typeof machineSample>;
  const cpu = procStartValue && procEnd ? (procEnd.cpuSeconds - procStartValue.cpuSeconds) * 1000 : null;
  return {
    ...stats,
    concurrency: options.connections.length,
    seconds,
    serverRssPeakMiB: rssPeak ? Math.max(rssPeak, procEnd?.rssBytes ?? 0) / 2 ** 20 : null,
    serverCpuMsPerRequest: cpu !== null && stats.requests ? cpu / stats.requests : null,
    machineCpuBusy:
      machineStartValue && machineEnd
        ? (machineEnd.busy - machineStartValue.busy) / Math.max(1, machineEnd.total - machineStartValue.total)
        : null,
    ...(firstError ? { firstError } : {}),
  };
}
