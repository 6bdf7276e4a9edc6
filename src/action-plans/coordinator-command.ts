import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isCountyCode } from '../collaboration/municipalities.ts';
import { oneTimePassword } from '../installation/setup.ts';
import { migrations } from '../migrations.ts';
import { type Db, openDatabase } from '../platform/db/database.ts';
import { firstLine } from '../platform/startup-error.ts';

/**
 * `npm run coordinator:create -- --username <u> --scope national|<county code> [--name "<name>"]
 * [--office "<office>"]`: a national or county coordinator (docs/decisions/0108), an
 * installation-level account like the operator's, made on the server by whoever runs the
 * installation. The coordinator logs in at /operator/login with the printed one-time password,
 * chooses a new one and enrols a second factor, and lands on /coordinator. Exit codes as
 * `npm run operator:create`: 1 bad arguments, 2 the username exists, 3 no database.
 */
const usage =
  'Usage: npm run coordinator:create -- --username <username> --scope national|<county code> [--name "<display name>"] [--office "<office>"]';
function fail(code: number, line: string): never {
  console.error(line);
  process.exit(code);
}

let values: { username?: string; name?: string; scope?: string; office?: string };
try {
  values = parseArgs({
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      scope: { type: 'string' },
      office: { type: 'string' },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(1, `${firstLine(error)}. ${usage}`);
}
const username = values.username?.trim().toLowerCase() ?? '';
if (!/^[a-z0-9._-]{3,64}$/.test(username))
  fail(1, `--username must be 3–64 characters: a–z, digits, dot, dash or underscore. ${usage}`);
const scope = values.scope?.trim() ?? '';
if (scope !== 'national' && !isCountyCode(scope))
  fail(1, `--scope must be national or a county's two-digit code (23 for Jämtland). ${usage}`);
const displayName = values.name?.trim() || 'Samordnare';
const office = values.office?.trim() ?? '';
for (const [flag, text] of [
  ['--name', displayName],
  ['--office', office],
] as const)
  if (text.length > 200 || /[\p{Cc}<>]/u.test(text))
    fail(1, `${flag} must be at most 200 characters of plain text. ${usage}`);

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
      coordinator_scope: scope,
      coordinator_office: office,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) fail(2, `The account ${username} already exists: nothing was changed`);
  const publicUrl = (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(
    /\/$/,
    '',
  );
  console.log(
    [
      `Coordinator (${scope === 'national' ? 'national' : `county ${scope}`}): ${username}`,
      `One-time password: ${secret.password} (valid until ${secret.expiresAt.toISOString()}; shown only now)`,
      `Log in at ${publicUrl}/operator/login: choose a new password, enrol the second factor, then /coordinator`,
    ].join('\n'),
  );
} finally {
  await db.close();
}
