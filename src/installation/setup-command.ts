import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { migrations } from '../migrations.ts';
import { type Db, openDatabase } from '../platform/db/database.ts';
import { firstLine } from '../platform/startup-error.ts';
import { checkSetupArgs, usage } from './domain.ts';
import { setupMunicipality } from './setup.ts';

/**
 * `npm run setup -- --municipality "<name>" --code <four digits> --admin <username>`: the first
 * start of a real installation, and each further municipality hosted in it (docs/decisions/0083).
 * Exit codes: 0 done, 1 bad arguments, 2 the municipality exists (nothing changed), 3 the
 * database cannot be opened.
 */
function fail(code: number, line: string): never {
  console.error(line);
  process.exit(code);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      municipality: { type: 'string' },
      code: { type: 'string' },
      admin: { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-oidc-subject': { type: 'string' },
      unit: { type: 'string', multiple: true },
    },
    strict: true,
    allowPositionals: false,
  });
}
try {
  parsed = parse();
} catch (error) {
  fail(1, `${firstLine(error)}. ${usage}`);
}
const checked = checkSetupArgs(parsed.values);
if (!checked.ok) fail(1, `${checked.problem}. ${usage}`);
const input = checked.input;

const databaseUrl = process.env.DATABASE_URL || undefined;
let db: Db;
try {
  db = await openDatabase({ databaseUrl, dataDir: resolve(process.env.DATA_DIR ?? './data'), migrations });
} catch (error) {
  fail(3, `The database could not be opened: ${firstLine(error)}`);
}
try {
  const outcome = await setupMunicipality(db.db, input);
  if (!outcome.ok) {
    fail(
      2,
      `Municipality ${input.code} already exists (${outcome.existingName}): setup refused, nothing was changed`,
    );
  }
  const publicUrl = (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(
    /\/$/,
    '',
  );
  const lines = [
    `Municipality: ${input.municipality} (${input.code})`,
    `Units: ${input.units.map((u) => `${u.name} (${u.kind})`).join(', ')}`,
    `Administrator: ${input.admin}`,
  ];
  if (outcome.oneTimePassword) {
    lines.push(
      `One-time password: ${outcome.oneTimePassword} (valid until ${outcome.expiresAt?.toISOString()}; shown only now)`,
      `Log in at ${publicUrl}/login?m=${input.code}: choose a new password, then enrol the second factor`,
    );
  } else {
    lines.push(
      `Log in at ${publicUrl}/login?m=${input.code} through the identity provider, then enrol the second factor`,
    );
  }
  console.log(lines.join('\n'));
} finally {
  await db.close();
}
