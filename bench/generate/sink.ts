import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { migrations } from '../../src/migrations.ts';
import { type Engine, openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { pgliteDialect } from '../../src/platform/db/pglite-dialect.ts';
import type { Database } from '../../src/platform/db/schema.ts';

/**
 * Bulk loading into either engine: COPY from a stream of text chunks (PostgreSQL through
 * pg-copy-streams, PGlite through its /dev/blob device), plus plain statements. The schema itself
 * always comes from the application's migrations.
 */
export interface BulkTarget {
  engine: Engine;
  /** The same database through Kysely, with the app's type parsers (for checks and tests). */
  db: Kysely<Database>;
  exec(statement: string): Promise<void>;
  query<T>(statement: string, params?: unknown[]): Promise<T[]>;
  /** Copies COPY-text chunks into a table; returns the number of rows. */
  copy(table: string, columns: readonly string[], chunks: Iterable<string>): Promise<number>;
  close(): Promise<void>;
}

export type TargetSpec =
  | { engine: 'postgresql'; url: string }
  | { engine: 'pglite'; dataDir?: string | undefined };

/** Opens the target and brings its schema to the latest migration, exactly as the app does. */
export async function openTarget(spec: TargetSpec): Promise<BulkTarget> {
  const target = spec.engine === 'postgresql' ? await openPostgres(spec.url) : await openPGlite(spec.dataDir);
  return target;
}

async function openPostgres(url: string): Promise<BulkTarget> {
  // openDatabase migrates and installs the app's type parsers, as the server will.
  const { db } = await openDatabase({ databaseUrl: url, poolSize: 2, migrations });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Generated data can be regenerated: no need to wait for every commit to reach the disk.
  await client.query('set synchronous_commit = off');
  await client.query("set maintenance_work_mem = '512MB'");
  return {
    engine: 'postgresql',
    db,
    async exec(statement) {
      await client.query(statement);
    },
    async query<T>(statement: string, params: unknown[] = []) {
      return (await client.query(statement, params)).rows as T[];
    },
    async copy(table, columns, chunks) {
      let rows = 0;
      const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
      await pipeline(
        Readable.from(
          (function* () {
            for (const chunk of chunks) {
              rows += countLines(chunk);
              yield chunk;
            }
          })(),
        ),
        stream,
      );
      return rows;
    },
    async close() {
      await client.end();
      await db.destroy();
    },
  };
}

async function openPGlite(dataDir: string | undefined): Promise<BulkTarget> {
  let dir: string | undefined;
  if (dataDir) {
    dir = join(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
  }
  // The app's parsers (see src/platform/db/database.ts): dates as strings, int8 as numbers.
  const parsers = { 1082: (v: string) => v, 20: (v: string) => Number(v) };
  const pglite = await PGlite.create(dir, { extensions: { pg_trgm }, parsers });
  const db = new Kysely<Database>({ dialect: pgliteDialect(pglite) });
  await migrateToLatest(db, migrations);
  // PGlite serves one connection; raw COPY statements go to the same instance after migrating.
  const flushBytes = 16 * 1024 * 1024;
  return {
    engine: 'pglite',
    db,
    async exec(statement) {
      await pglite.exec(statement);
    },
    async query<T>(statement: string, params: unknown[] = []) {
      return (await pglite.query<T>(statement, params)).rows;
    },
    async copy(table, columns, chunks) {
      let rows = 0;
      let buffer: string[] = [];
      let size = 0;
      const flush = async () => {
        if (!buffer.length) return;
        const blob = new Blob(buffer);
        buffer = [];
        size = 0;
        await pglite.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob });
      };
      for (const chunk of chunks) {
        rows += countLines(chunk);
        buffer.push(chunk);
        size += chunk.length;
        if (size >= flushBytes) await flush();
      }
      await flush();
      return rows;
    },
    async close() {
      await db.destroy();
    },
  };
}

export function countLines(chunk: string): number {
  let n = 0;
  for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) n++;
  return n;
}
