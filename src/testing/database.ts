import { randomBytes } from 'node:crypto';
import pg from 'pg';
// The policy with every feature's rule set, for tests that ask it without building the app.
import '../access.ts';
import { migrations } from '../migrations.ts';
import { type Db, openDatabase } from '../platform/db/database.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new PostgreSQL database
 * (dropped again on close) when SAMTAK_TEST_DB=postgres. Tests never share state through it:
 * each test also makes its own municipality.
 */
export const testEngine = process.env.SAMTAK_TEST_DB === 'postgres' ? 'postgresql' : 'pglite';
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function openTestDatabase(): Promise<Db> {
  if (testEngine === 'pglite') return openDatabase({ migrations });
  const fresh = await createPostgresDatabase();
  // DATABASE_NAMED_STATEMENTS=true runs the suite as a server with named statements runs (0111).
  // DATABASE_CLIENT=pg runs it on `pg` instead of the default `postgres` client (0142, 0143);
  // named statements alone choose `pg` too (openDatabase's rule).
  const namedStatements = process.env.DATABASE_NAMED_STATEMENTS === 'true';
  const client = process.env.DATABASE_CLIENT === 'pg' ? 'pg' : undefined;
  const db = await openDatabase({ databaseUrl: fresh.url, poolSize: 5, migrations, namedStatements, client });
  return {
    ...db,
    async close() {
      await db.close();
      await fresh.drop();
    },
  };
}

/** A new, empty PostgreSQL database: its URL, and how to drop it once every client has gone. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `samtak_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      // The pool's sockets close a moment after pool.end() resolves; a forced drop before then
      // kills backends whose clients still listen, and pg reports that as an uncaught error.
      await untilDisconnected(name);
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

async function untilDisconnected(database: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(
        'select count(*) as n from pg_stat_activity where datname = $1',
        [database],
      );
      if (Number(rows[0]?.n ?? 0) === 0) return;
    } finally {
      await client.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The PostgreSQL test suite needs a server at ${adminUrl} (set TEST_DATABASE_URL): ${String(error)}`,
    );
  }
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
