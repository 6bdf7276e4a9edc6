import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type Migrations, migrateToLatest } from './migrate.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export type Engine = 'pglite' | 'postgresql';

export interface Db {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

export interface DbOptions {
  /** PostgreSQL connection string; without it the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Directory for PGlite's files; `undefined` keeps the database in memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
  /** Every migration of the app (src/migrations.ts): the database is brought up to date on opening. */
  migrations: Migrations;
}

// The same values from both engines: dates as 'YYYY-MM-DD' strings (a date has no time zone),
// 64-bit integers as numbers (our counters stay far below 2^53).
const DATE_OID = 1082;
const INT8_OID = 20;
const parsers = { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v) };

export async function openDatabase(options: DbOptions): Promise<Db> {
  const db = options.databaseUrl ? openPostgres(options) : await openPGlite(options);
  await migrateToLatest(db.db, options.migrations);
  return db;
}

function openPostgres(options: DbOptions): Db {
  pg.types.setTypeParser(DATE_OID, parsers[DATE_OID]);
  pg.types.setTypeParser(INT8_OID, parsers[INT8_OID]);
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgresql', close: () => db.destroy() };
}

async function openPGlite(options: DbOptions): Promise<Db> {
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = join(options.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm }, parsers });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, engine: 'pglite', close: () => db.destroy() };
}
