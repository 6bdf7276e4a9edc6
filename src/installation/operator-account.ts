import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { migrations } from '../migrations.ts';
import { type Db, openDatabase } from '../platform/db/database.ts';
import { firstLine } from '../platform/startup-error.ts';
import { oneTimePassword } from './setup.ts';

/**
 * What `npm run operator:create` and `npm run coordinator:create` share: both make an
 * installation-level account (`operator_account`) with a one-time password, from the command
 * line, with the same exit codes: 1 bad arguments, 2 the username exists, 3 no database.
 */
export function fail(code: number, line: string): never {
  console.error(line);
  process.exit(code);
}

/** The command's flags, every one a string; a malformed command line exits 1 with the usage. */
export function readFlags<Name extends string>(
  names: readonly Name[],
  usage: string,
): Partial<Record<Name, string>> {
  try {
    const options = Object.fromEntries(names.map((name) => [name, { type: 'string' as const }]));
    return parseArgs({ options, strict: true }).values as Partial<Record<Name, string>>;
  } catch (error) {
    fail(1, `${firstLine(error)}. ${usage}`);
  }
}

export function readUsername(value: string | undefined, usage: string): string {
  const username = value?.trim().toLowerCase() ?? '';
  if (!/^[a-z0-9._-]{3,64}$/.test(username))
    fail(1, `--username must be 3–64 characters: a–z, digits, dot, dash or underscore. ${usage}`);
  return username;
}

/** A display name or office: plain text on one line, at most 200 characters. */
export function checkPlainText(flag: string, text: string, usage: string): void {
  if (text.length > 200 || /[\p{Cc}<>]/u.test(text))
    fail(1, `${flag} must be at most 200 characters of plain text. ${usage}`);
}

export interface NewAccount {
  username: string;
  displayName: string;
  /** Columns beyond the common ones (a coordinator's scope and office). */
  extra?: { coordinator_scope: string; coordinator_office: string };
  /** What to print when the username is taken. */
  existsLine: string;
  /** The lines printed after the one-time password, given the installation's public address. */
  describe: (publicUrl: string) => { first: string; last: string };
}

/** Opens the database, inserts the account unless the username exists, prints its password. */
export async function createOperatorAccount(account: NewAccount): Promise<void> {
  let db: Db;
  try {
    db = await openDatabase({
      databaseUrl: process.env.DATABASE_URL || undefined,
      dataDir: resolve(process.env.DATA_DIR ?? './data'),
      migrations,
    });
  } catch (error) {
    fail(3, `The database could not be opened: ${firstLine(error)}`);
  }
  try {
    const secret = await oneTimePassword(new Date());
    const row = await db.db
      .insertInto('operator_account')
      .values({
        username: account.username,
        display_name: account.displayName,
        password_hash: secret.hash,
        password_expires_at: secret.expiresAt,
        ...account.extra,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) fail(2, account.existsLine);
    const publicUrl = (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(
      /\/$/,
      '',
    );
    const { first, last } = account.describe(publicUrl);
    console.log(
      [
        first,
        `One-time password: ${secret.password} (valid until ${secret.expiresAt.toISOString()}; shown only now)`,
        last,
      ].join('\n'),
    );
  } finally {
    await db.close();
  }
}
