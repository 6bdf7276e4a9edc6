import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { migrations } from '../../migrations.ts';
import { createPostgresDatabase, testEngine } from '../../testing/database.ts';
import { type Db, openDatabase } from './database.ts';

/** The `postgres` client (decision 0142) gives the values `pg` gives; PostgreSQL only. */
describe('the postgres client', { skip: testEngine !== 'postgresql' }, () => {
  let fresh: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let pgDb: Db;
  let pgjs: Db;
  before(async () => {
    fresh = await createPostgresDatabase();
    pgDb = await openDatabase({ databaseUrl: fresh.url, poolSize: 2, migrations, client: 'pg' });
    pgjs = await openDatabase({ databaseUrl: fresh.url, poolSize: 2, migrations, client: 'postgres' });
    await sql`create table client_probe (id int primary key, day date, big bigint, doc jsonb, at timestamptz, tags text[])`.execute(
      pgDb.db,
    );
  });
  after(async () => {
    await pgjs?.close();
    await pgDb?.close();
    await fresh?.drop();
  });

  const probe = (db: Db) =>
    sql<Record<string, unknown>>`select day, big, doc, at, tags from client_probe order by id`.execute(db.db);

  it('opens sessions without JIT compilation, with either client (decision 0143)', async () => {
    for (const db of [pgDb, pgjs]) {
      const { rows } = await sql<{ jit: string }>`select current_setting('jit') as jit`.execute(db.db);
      assert.equal(rows[0]?.jit, 'off');
    }
  });

  it('is the default client, and pg the one asked for', async () => {
    const fallback = await openDatabase({ databaseUrl: fresh.url, poolSize: 1, migrations });
    try {
      const { rows } = await sql<{ name: string }>`select application_name as name from pg_stat_activity
        where pid = pg_backend_pid()`.execute(fallback.db);
      // postgres names its connections 'postgres.js'; pg leaves the name empty.
      assert.equal(rows[0]?.name, 'postgres.js');
    } finally {
      await fallback.close();
    }
  });

  it('writes and reads dates, big integers, JSON text, times and arrays as pg does', async () => {
    const at = new Date('2026-12-01T10:15:00.000Z');
    for (const [db, id] of [
      [pgDb, 1],
      [pgjs, 2],
    ] as const)
      await sql`insert into client_probe values (${id}, ${'2026-02-28'}, ${9_007_199_254_740_000}, ${JSON.stringify({ a: [1, 'två'] })}, ${at}, ${['x', 'y"z']})`.execute(
        db.db,
      );
    const fromPg = (await probe(pgDb)).rows;
    const fromPgjs = (await probe(pgjs)).rows;
    assert.deepEqual(fromPgjs, fromPg);
    assert.deepEqual(fromPgjs[1], {
      day: '2026-02-28',
      big: 9_007_199_254_740_000,
      doc: { a: [1, 'två'] },
      at,
      tags: ['x', 'y"z'],
    });
  });

  it('passes arrays of booleans, of texts as uuids and empty arrays as pg does', async () => {
    for (const db of [pgDb, pgjs]) {
      const { rows } = await sql<{ flag: boolean; id: string }>`
        select * from unnest(${[true, null, false]}::boolean[], ${['00000000-0000-4000-8000-000000000001', null, null]}::uuid[]) as t(flag, id)`.execute(
        db.db,
      );
      assert.deepEqual(
        rows.map((r) => r.flag),
        [true, null, false],
      );
      assert.equal(rows[0]?.id, '00000000-0000-4000-8000-000000000001');
      const none = await sql<{
        n: number;
      }>`select count(*)::int as n from client_probe where id = any(${[] as number[]})`.execute(db.db);
      assert.equal(none.rows[0]?.n, 0);
    }
  });

  it('counts affected rows, rolls a failed transaction back and reuses its prepared statements', async () => {
    const result = await pgjs.db
      .updateTable('client_probe' as never)
      .set({ big: 1 } as never)
      .executeTakeFirst();
    assert.equal(result.numUpdatedRows, 2n);
    await assert.rejects(
      pgjs.db.transaction().execute(async (tx) => {
        await sql`insert into client_probe (id) values (${3})`.execute(tx);
        await sql`insert into client_probe (id) values (${3})`.execute(tx);
      }),
      /duplicate key/,
    );
    assert.equal((await probe(pgjs)).rows.length, 2);
    for (let i = 0; i < 3; i++) await probe(pgjs);
    const prepared = await pgjs.db
      .connection()
      .execute(
        async (c) =>
          (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(c)).rows,
      );
    assert.ok(prepared.length > 0);
  });
});
