import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { firstLine, StartupError } from './platform/startup-error.ts';

/** Runtime configuration, read once from the environment (see README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL: name and prepare the statements that repeat (DATABASE_NAMED_STATEMENTS, decision 0111). */
  databaseNamedStatements: boolean;
  /** PostgreSQL's client library: 'postgres' (the default, decision 0143) or 'pg' (DATABASE_CLIENT, 0142). */
  databaseClient: 'pg' | 'postgres';
  /** Used to derive CSRF tokens and to encrypt TOTP secrets at rest. */
  secretKey: Buffer;
  /** Set when the app is served over TLS (directly or behind a proxy): Secure cookies and HSTS. */
  secureCookies: boolean;
  /**
   * The reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, as Fastify's
   * trustProxy takes them); false: none, the client's own address counts.
   */
  trustProxy: false | string[];
  demoData: boolean;
  oidc: OidcConfig | undefined;
  smtp: { url: string; from: string } | undefined;
  publicUrl: string;
  /** Requests per minute from one client address before 429 (login pages have their own, lower limit). */
  rateLimitPerMinute: number;
  /**
   * A fixed "today" ('YYYY-MM-DD') for demonstrations and tests of the statutory clock
   * (SAMTAK_TODAY). Never set in production: every date rule then uses the real date in Sweden.
   */
  fixedToday: string | undefined;
  /** The bearer token `GET /metrics` asks for (METRICS_TOKEN, 32 characters or more); unset: no metrics. */
  metricsToken: string | undefined;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claim matched against a user account's external subject. */
  userClaim: string;
  redirectUri: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  const secureCookies = env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : publicUrl.startsWith('https:');
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseNamedStatements: env.DATABASE_NAMED_STATEMENTS === 'true',
    databaseClient: databaseClient(env.DATABASE_CLIENT, env.DATABASE_NAMED_STATEMENTS === 'true'),
    secretKey: loadSecretKey(env, dataDir),
    secureCookies,
    trustProxy: trustedProxies(env.TRUST_PROXY),
    demoData: env.DEMO_DATA ? env.DEMO_DATA === 'true' : !env.DATABASE_URL,
    oidc: env.OIDC_ISSUER
      ? {
          issuer: env.OIDC_ISSUER,
          clientId: required(env, 'OIDC_CLIENT_ID'),
          clientSecret: required(env, 'OIDC_CLIENT_SECRET'),
          userClaim: env.OIDC_USER_CLAIM ?? 'sub',
          redirectUri: env.OIDC_REDIRECT_URI ?? `${publicUrl}/login/oidc/callback`,
        }
      : undefined,
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.SMTP_FROM ?? 'samtak@localhost' } : undefined,
    publicUrl,
    rateLimitPerMinute: positiveInteger(env, 'RATE_LIMIT_PER_MINUTE', 600),
    fixedToday: fixedToday(env.SAMTAK_TODAY),
    metricsToken: metricsToken(env.METRICS_TOKEN),
  };
}

/**
 * TRUST_PROXY lists the proxies' addresses. `true` (believe any X-Forwarded-For) would let every
 * client choose its own address and so escape every per-address limit: it stops the start.
 */
function trustedProxies(value: string | undefined): false | string[] {
  if (!value || value === 'false') return false;
  if (value === 'true')
    throw new StartupError(
      "TRUST_PROXY=true would believe any client's X-Forwarded-For; list the proxies' addresses instead, e.g. TRUST_PROXY=10.0.0.5,10.0.1.0/24",
    );
  const list = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const address = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/[0-9]{1,3})?)$/;
  const wrong = list.find((part) => !address.test(part));
  if (wrong) throw new StartupError(`TRUST_PROXY: "${wrong}" is not an address or CIDR range`);
  return list;
}

function metricsToken(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < 32 || value.length > 200 || !/^[\x21-\x7e]+$/.test(value))
    throw new StartupError('METRICS_TOKEN must be 32–200 printable characters without spaces');
  return value;
}

function fixedToday(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) throw new StartupError('SAMTAK_TODAY must be YYYY-MM-DD');
  return value;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new StartupError(`${name} must be a positive whole number`);
  return n;
}

/**
 * PostgreSQL's client: `postgres` unless `pg` is asked for, or named statements, which are `pg`'s
 * (0111, 0143). The one rule for the server, the commands, the tests and the bench.
 */
export function databaseClient(value: string | undefined, namedStatements: boolean): 'pg' | 'postgres' {
  if (value === undefined || value === '') return namedStatements ? 'pg' : 'postgres';
  if (value === 'pg' || value === 'postgres') return value;
  throw new StartupError(`DATABASE_CLIENT must be pg or postgres, not ${value}`);
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new StartupError(`${name} must be set`);
  return value;
}

const hexKey = /^[0-9a-fA-F]{64}$/;

/**
 * SECRET_KEY (64 hex digits) is required with an external database (DATABASE_URL). On the embedded
 * database a key is generated once and kept in DATA_DIR, so a demo needs no setup and sessions
 * survive restarts. A key that is not exactly 64 hex digits stops the start (Buffer.from would
 * quietly drop what follows the first non-hex digit), and so does a missing secret.key beside an
 * existing database: a new key could not open its second-factor secrets.
 */
function loadSecretKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  if (env.SECRET_KEY) {
    if (!hexKey.test(env.SECRET_KEY))
      throw new StartupError('SECRET_KEY must be exactly 64 hexadecimal digits (32 bytes)');
    return Buffer.from(env.SECRET_KEY, 'hex');
  }
  // With an external database the key cannot live in one process's DATA_DIR: every process (and
  // a restore) needs the same key, so it is given, never generated.
  if (env.DATABASE_URL)
    throw new StartupError(
      'SECRET_KEY must be set when DATABASE_URL is set: 64 hexadecimal digits, e.g. from openssl rand -hex 32, the same in every process',
    );
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    if (!env.DATABASE_URL && holdsFiles(join(dataDir, 'pglite')))
      throw new StartupError(
        `${file} is missing, but ${dataDir} holds a database whose second-factor secrets need it. ` +
          'Restore secret.key from a backup (or set SECRET_KEY); nothing was changed.',
      );
    try {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      throw new StartupError(`The secret key ${file} could not be written (${firstLine(error)})`);
    }
  }
  const stored = readFileSync(file, 'utf8').trim();
  if (!hexKey.test(stored))
    throw new StartupError(`${file} must hold exactly 64 hexadecimal digits; restore it from a backup`);
  return Buffer.from(stored, 'hex');
}

function holdsFiles(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}
