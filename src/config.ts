import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Runtime configuration, read once from the environment (see README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Used to derive CSRF tokens and to encrypt TOTP secrets at rest. */
  secretKey: Buffer;
  /** Set when the app is served over TLS (directly or behind a proxy): Secure cookies and HSTS. */
  secureCookies: boolean;
  trustProxy: boolean;
  demoData: boolean;
  oidc: OidcConfig | undefined;
  smtp: { url: string; from: string } | undefined;
  publicUrl: string;
  /**
   * A fixed "today" ('YYYY-MM-DD') for demonstrations and tests of the statutory clock
   * (SAMTAK_TODAY). Never set in production: every date rule then uses the real date in Sweden.
   */
  fixedToday: string | undefined;
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
    secretKey: loadSecretKey(env, dataDir),
    secureCookies,
    trustProxy: env.TRUST_PROXY === 'true',
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
    fixedToday: fixedToday(env.SAMTAK_TODAY),
  };
}

function fixedToday(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) throw new Error('SAMTAK_TODAY must be YYYY-MM-DD');
  return value;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

/**
 * SECRET_KEY (64 hex chars) is required with an external database. On the embedded database a key
 * is generated once and kept in DATA_DIR, so a demo needs no setup and sessions survive restarts.
 */
function loadSecretKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  if (env.SECRET_KEY) {
    const key = Buffer.from(env.SECRET_KEY, 'hex');
    if (key.length !== 32) throw new Error('SECRET_KEY must be 64 hexadecimal characters (32 bytes)');
    return key;
  }
  if (env.DATABASE_URL && env.NODE_ENV === 'production') {
    throw new Error('SECRET_KEY must be set in production');
  }
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}
