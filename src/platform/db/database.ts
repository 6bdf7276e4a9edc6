import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { databaseClient } from '../../config.ts';
import { firstLine, StartupError } from '../startup-error.ts';
import { sessionSettings } from './dialect-base.ts';
import { type Migrations, migrateToLatest } from './migrate.ts';
import { nameRepeatedStatements } from './named-statements.ts';
import { pgliteDialect } from './pglite-dialect.ts';
import { PoolCounts, postgresJsClient, postgresJsDialect } from './postgres-js-dialect.ts';
import type { Database } from './schema.ts';
import { analyzeAll, analyzeStale, staleCheckIntervalMs } from './statistics.ts';

export type Engine = 'pglite' | 'postgresql';

export interface Db {
  db: Kysely<Database>;
  engine: Engine;
  /**
   * True when this open made the database: an empty (or new) PGlite directory, an in-memory
   * PGlite, or a PostgreSQL database no migration had run on. Demo data goes only into such a one.
   */
  created: boolean;
  /** Brings the planner's statistics up to date (after bulk work such as the demo data). */
  analyze(): Promise<void>;
  /** The connection pool as the metrics show it: connections in all, idle, and callers waiting. */
  stats?(): { total: number; idle: number; waiting: number };
  /**
   * PGlite only: a consistent copy of the whole database, written gzipped to `target` (mode 0600)
   * between two transactions (decision 0088). PostgreSQL is backed up with its own tools.
   */
  backup?(target: string): Promise<{ bytes: number }>;
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
  /** PostgreSQL: name the statements that repeat, so each connection prepares them once (decision 0111). */
  namedStatements?: boolean;
  /** PostgreSQL: the client, `postgres` unless `pg` is asked for (DATABASE_CLIENT, decisions 0142, 0143). */
  client?: 'pg' | 'postgres';
}

// The same values from both engines: dates as 'YYYY-MM-DD' strings (a date has no time zone),
// 64-bit integers as numbers (our counters stay far below 2^53).
const DATE_OID = 1082;
const INT8_OID = 20;
const parsers = { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v) };

export async function openDatabase(options: DbOptions): Promise<Db> {
  return options.databaseUrl ? openPostgres(options) : openPGlite(options);
}

async function openPostgres(options: DbOptions): Promise<Db> {
  const { db, stats } = postgresClient(options);
  try {
    const created = !(await hasMigrated(db));
    await migrateToLatest(db, options.migrations);
    return {
      db,
      engine: 'postgresql',
      created,
      analyze: () => analyzeAll(db),
      ...(stats ? { stats } : {}),
      close: () => db.destroy(),
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

function postgresClient(options: DbOptions): { db: Kysely<Database>; stats?: Db['stats'] } {
  const url = options.databaseUrl as string;
  const max = options.poolSize ?? 10;
  if (databaseClient(options.client, options.namedStatements === true) === 'postgres') {
    const counts = new PoolCounts();
    const dialect = postgresJsDialect(postgresJsClient(url, max), counts);
    return { db: new Kysely<Database>({ dialect }), stats: counts.snapshot };
  }
  pg.types.setTypeParser(DATE_OID, parsers[DATE_OID]);
  pg.types.setTypeParser(INT8_OID, parsers[INT8_OID]);
  const pool = new pg.Pool({ connectionString: url, max, options: `-c jit=${sessionSettings.jit}` });
  if (options.namedStatements) nameRepeatedStatements(pool);
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    stats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

async function hasMigrated(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select to_regclass('public.kysely_migration') is not null as found`.execute(db);
  return rows[0]?.found === true;
}

/**
 * The embedded database under DATA_DIR/pglite. A directory that holds files but no database is
 * refused before PGlite sees it: PGlite would run initdb over it and start empty, and the demo data
 * would then make the empty database look healthy. The message names the directory and what to do.
 */
async function openPGlite(options: DbOptions): Promise<Db> {
  let dataDir: string | undefined;
  let created = true;
  let releaseLock = () => {};
  if (options.dataDir) {
    dataDir = join(options.dataDir, 'pglite');
    created = checkDataDirectory(dataDir);
    releaseLock = claimDataDirectory(options.dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir, { extensions: { pg_trgm }, parsers });
  } catch (error) {
    releaseLock();
    throw new StartupError(
      `The embedded database in ${dataDir ?? 'memory'} could not be opened (${firstLine(error)}): ` +
        'it is damaged or from another PGlite version. If another Samtak uses this directory, stop it; ' +
        'otherwise restore the directory from a backup, or set DATA_DIR to an empty directory for a new database.',
      { cause: error },
    );
  }
  const db = new Kysely<Database>({ dialect: pgliteDialect(pglite) });
  try {
    await migrateToLatest(db, options.migrations);
    await analyzeAll(db);
  } catch (error) {
    await db.destroy();
    releaseLock();
    throw error;
  }
  // PGlite has no autovacuum: look for stale statistics now and then, without keeping Node alive.
  const timer = setInterval(() => {
    analyzeStale(db).catch(() => {});
  }, staleCheckIntervalMs);
  timer.unref();
  return {
    db,
    engine: 'pglite',
    created,
    analyze: () => analyzeAll(db),
    // Holding the dialect's one connection means no transaction is open while the copy is made.
    backup: (target) =>
      db.connection().execute(async (connection) => {
        await sql`checkpoint`.execute(connection);
        const dump = Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
        // Written aside and renamed, so whoever waits for the file never sees half of it.
        await writeFile(`${target}.partial`, dump, { mode: 0o600, flag: 'wx' });
        await rename(`${target}.partial`, target);
        return { bytes: dump.length };
      }),
    close: async () => {
      clearInterval(timer);
      await db.destroy();
      releaseLock();
    },
  };
}

/**
 * One process per data directory (decision 0088): PGlite lives inside the process that opened
 * it, and a second one on the same files would damage them. `DATA_DIR/samtak.pid` names the
 * process that has it; a file left by a process that is gone (kill -9, a power cut) is taken over.
 */
export const pidFileName = 'samtak.pid';

function claimDataDirectory(dataDir: string): () => void {
  const file = join(dataDir, pidFileName);
  const holder = existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : null;
  if (holder && holder !== process.pid && processIsAlive(holder))
    throw new StartupError(
      `Another Samtak (process ${holder}) is using the data directory ${dataDir}: stop it first, or use npm run backup to copy it while it runs.`,
    );
  try {
    writeFileSync(file, String(process.pid), { mode: 0o600 });
  } catch (error) {
    throw new StartupError(`The data directory ${dataDir} is not writable (${firstLine(error)}).`);
  }
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
    } catch {
      // Gone already.
    }
  };
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the directory is new or empty; throws when it holds something that is not a database. */
function checkDataDirectory(dir: string): boolean {
  const refuse = (what: string) =>
    new StartupError(
      `The data directory ${dir} ${what}. Nothing in it was changed. Restore it from a backup, ` +
        'or set DATA_DIR to an empty directory for a new database.',
    );
  if (!existsSync(dir)) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new StartupError(`The data directory ${dir} could not be created (${firstLine(error)}).`);
    }
    return true;
  }
  if (!statSync(dir).isDirectory()) throw refuse('is a file, not a directory');
  const entries = readdirSync(dir);
  if (entries.length === 0) return true;
  // What every PostgreSQL data directory has; PGlite would "repair" some of it by writing.
  const missing = requiredEntries.filter((entry) => !existsSync(join(dir, entry)));
  if (missing.length) throw refuse(`holds files but not a whole database (${missing.join(', ')} missing)`);
  return false;
}

const requiredEntries = ['PG_VERSION', 'base', 'global/pg_control', 'pg_wal'];
