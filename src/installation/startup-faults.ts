import { firstLine, StartupError } from '../platform/startup-error.ts';

/**
 * What stops a start, said in one line the operator can act on (issue 16; decision 0089), for the
 * faults that come from outside the app: the database cannot be reached or refuses the login,
 * the database was migrated by a newer Samtak, the data directory cannot be written. Anything else
 * stays an error with its stack: that is a bug, not a setting.
 */
export function describeStartupFault(error: unknown, databaseUrl: string | undefined): string | null {
  if (error instanceof StartupError) return error.message;
  const codes = causes(error).map((e) => (e as { code?: unknown }).code);
  const where = databaseUrl ? addressOf(databaseUrl) : 'the database';
  const has = (...wanted: string[]) =>
    codes.some((code) => typeof code === 'string' && wanted.includes(code));
  if (has('ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET'))
    return `Cannot reach the database at ${where} (${firstLine(innermost(error))}): is PostgreSQL running, and DATABASE_URL right?`;
  if (has('28P01', '28000'))
    return `The database at ${where} refused the login: check the user and password in DATABASE_URL`;
  if (has('3D000'))
    return `The database named in DATABASE_URL does not exist at ${where}: create it (createdb) or fix the name`;
  const text = causes(error)
    .map((e) => (e instanceof Error ? e.message : ''))
    .join(' ');
  const missing = /previously executed migration (\S+) is missing/.exec(text);
  if (missing)
    return `The database was migrated by a newer Samtak (migration ${missing[1]} is unknown to this version): run that version or restore a backup`;
  if (has('EACCES', 'EROFS', 'EPERM'))
    return `The data directory is not writable (${firstLine(innermost(error))}): give the app's user write access to DATA_DIR`;
  return null;
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = error; e && chain.length < 10; e = (e as { cause?: unknown }).cause) {
    chain.push(e);
    if (e instanceof AggregateError) chain.push(...e.errors);
  }
  return chain;
}

function innermost(error: unknown): unknown {
  const chain = causes(error);
  return chain[chain.length - 1];
}

/** host:port of a connection string, never its password. */
function addressOf(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}`;
  } catch {
    return 'the address in DATABASE_URL';
  }
}
