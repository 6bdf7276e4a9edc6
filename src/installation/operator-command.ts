import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { migrations } from '../migrations.ts';
import { type Db, openDatabase } from '../platform/db/database.ts';
import { firstLine } from '../platform/startup-error.ts';
import { oneTimePassword } from './setup.ts';

/**
 * `npm run operator:create -- --username <u> [--name "<name>"]`: an installation operator
 * (decision 0086), who logs in at /operator/login with the printed one-time password, chooses
 * a new one and enrols a second factor. Exit codes as `npm run setup`: 1 bad arguments,
 * 2 the username exists, 3 the database cannot be opened.
 */
const usage = 'Usage: npm run operator:create -- --username <username> [--name "<display name>"]';
function fail(code: number, line: string): never {
  console.error(line);
  process.exit(code);
}

let values: { username?: string | undefined; name?: string | undefined };
try {
  values = parseArgs({
    options: { username: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  }).values;
} catch (error) {
  fail(1, `${firstLine(error)}. ${usage}`);
}
const username = values.username?.trim().toLowerCase() ?? '';
if (!/^[a-z0-9._-]{3,64}$/.test(username))
  fail(1, `--username must be 3–64 characters: a–z, digits, dot, dash or underscore. ${usage}`);
const displayName = values.name?.trim() || 'Driftansvarig';
if (displayName.length > 200 || /[\p{Cc}<>]/u.test(displayName))
  fail(1, `--name must be 1–200 characters of plain text. ${usage}`);

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
      username,
      display_name: displayName,
      password_hash: secret.hash,
      password_expires_at: secret.expiresAt,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) fail(2, `Operator ${username} already exists: nothing was changed`);
  const publicUrl = (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(
    /\/$/,
    '',
  );
  console.log(
    [
      `Installation operator: ${username}`,
      `One-time password: ${secret.password} (valid until ${secret.expiresAt.toISOString()}; shown only now)`,
      `Log in at ${publicUrl}/operator/login: choose a new password, then enrol the second factor`,
    ].join('\n'),
  );
} finally {
  await db.close();
}
