import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { migrations } from '../migrations.ts';
import { todayInSweden } from '../platform/dates.ts';
import { type Db, openDatabase } from '../platform/db/database.ts';
import { firstLine } from '../platform/startup-error.ts';
import { assessableFrom } from './assess.ts';

/** What the retention commands start from: the database, the municipality and the day. */
export interface RetentionCommand {
  db: Db;
  municipality: { id: string; code: string; name: string };
  today: string;
}

/** Prints the line and ends the command with exit code 1. */
export function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

/**
 * Reads `--municipality <code> [--today YYYY-MM-DD]`, opens the database and finds the
 * municipality; any fault ends the command with one line and the usage. The caller closes `db`.
 */
export async function startRetentionCommand(
  usage: string,
  more: readonly string[] = [],
): Promise<RetentionCommand & { options: Record<string, string | undefined> }> {
  let values: { municipality?: string | undefined; today?: string | undefined } & Record<
    string,
    string | boolean | undefined
  >;
  try {
    values = parseArgs({
      options: {
        municipality: { type: 'string' },
        today: { type: 'string' },
        ...Object.fromEntries(more.map((name) => [name, { type: 'string' as const }])),
      },
      strict: true,
    }).values;
  } catch (error) {
    fail(`${firstLine(error)}. ${usage}`);
  }
  const code = values.municipality ?? '';
  if (!/^[0-9]{4}$/.test(code)) fail(`--municipality must be the four-digit municipality code. ${usage}`);
  const today = values.today ?? todayInSweden();
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(today) || today < assessableFrom)
    fail(
      `--today must be a date (YYYY-MM-DD) from ${assessableFrom}, when SoL (2025:400) came into force. ${usage}`,
    );

  let db: Db;
  try {
    db = await openDatabase({
      databaseUrl: process.env.DATABASE_URL || undefined,
      dataDir: resolve(process.env.DATA_DIR ?? './data'),
      migrations,
    });
  } catch (error) {
    fail(`The database could not be opened: ${firstLine(error)}`);
  }
  const municipality = await db.db
    .selectFrom('municipality')
    .select(['id', 'code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!municipality) {
    await db.close();
    fail(`There is no municipality ${code}`);
  }
  const options = Object.fromEntries(more.map((name) => [name, values[name] as string | undefined]));
  return { db, municipality, today, options };
}
