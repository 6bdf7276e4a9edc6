import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Kysely, type Migration, sql } from 'kysely';
import { migrations } from '../../migrations.ts';
import { openTestDatabase } from '../../testing/database.ts';
import type { Db } from './database.ts';
import { migrateToLatest } from './migrate.ts';

/** A feature's migration as a test makes one: a table of its own, and a way back. */
function tableMigration(table: string): Migration {
  return {
    up: (db: Kysely<unknown>) => db.schema.createTable(table).addColumn('id', 'integer').execute(),
    down: (db: Kysely<unknown>) => db.schema.dropTable(table).execute(),
  };
}

async function applied(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
    db.db,
  );
  return rows.map((r) => r.name);
}

describe('migrations from the platform and the features, in one list', () => {
  let db: Db;
  before(async () => {
    db = await openTestDatabase();
  });
  after(() => db.close());

  it('has run every migration of src/migrations.ts on opening', async () => {
    assert.deepEqual(await applied(db), Object.keys(migrations).sort());
  });

  it('runs a feature’s migration that lands after one with a higher number was applied', async () => {
    // Two features in parallel: 0011 lands and runs first, then 0009 arrives.
    await migrateToLatest(db.db, { ...migrations, '0011_later_feature': tableMigration('later_feature') });
    await migrateToLatest(db.db, {
      ...migrations,
      '0009_earlier_feature': tableMigration('earlier_feature'),
      '0011_later_feature': tableMigration('later_feature'),
    });
    const names = await applied(db);
    assert.ok(names.includes('0009_earlier_feature'), names.join(', '));
    assert.ok(names.includes('0011_later_feature'), names.join(', '));
    // Both tables exist: each migration ran once.
    await sql`select count(*) from earlier_feature`.execute(db.db);
    await sql`select count(*) from later_feature`.execute(db.db);
    await migrateToLatest(db.db, {
      ...migrations,
      '0009_earlier_feature': tableMigration('earlier_feature'),
      '0011_later_feature': tableMigration('later_feature'),
    });
  });
});
