import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, testEngine } from '../../testing/database.ts';
import { createMunicipality } from '../../testing/factories.ts';
import type { Db } from './database.ts';
import { analyzeStale } from './statistics.ts';

let db: Db;
before(async () => {
  db = await openTestDatabase();
});
after(() => db.close());

const neverAnalyzed = async () =>
  (
    await sql<{ relname: string }>`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' and c.reltuples < 0`.execute(db.db)
  ).rows.map((r) => r.relname);

const estimatedRows = async (table: string) =>
  Number(
    (
      await sql<{ n: number }>`select reltuples::int as n from pg_class where relname = ${table}`.execute(
        db.db,
      )
    ).rows[0]?.n,
  );

// PostgreSQL's autovacuum keeps its own statistics; PGlite has none, so Samtak does it there.
describe('planner statistics on the embedded database', { skip: testEngine !== 'pglite' }, () => {
  it('are taken right after the migrations, so no table is planned as never analyzed', async () => {
    assert.deepEqual(await neverAnalyzed(), []);
  });

  it('are refreshed for the tables that changed by a tenth or more, and only those', async () => {
    const municipalityId = await createMunicipality(db.db);
    await analyzeStale(db.db);
    await sql`insert into unit (municipality_id, name, kind)
      select ${municipalityId}::uuid, 'Enhet ' || g, 'other' from generate_series(1, 400) g`.execute(db.db);
    // Counters reach pg_stat at most once a second; the next idle moment flushes them when forced.
    await sql`select pg_stat_force_next_flush()`.execute(db.db);
    await sql`select 1`.execute(db.db);
    const refreshed = await analyzeStale(db.db);
    assert.ok(refreshed.includes('unit'), refreshed.join(', '));
    assert.ok(!refreshed.includes('audit_event'));
    assert.equal(await estimatedRows('unit'), 400);
    assert.deepEqual(await analyzeStale(db.db), [], 'nothing is stale right after');
  });
});
