import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { migrations } from '../../migrations.ts';
import { createPostgresDatabase, testEngine } from '../../testing/database.ts';
import { type Db, openDatabase } from './database.ts';

/** Named statements (decision 0111): PostgreSQL only, off unless asked for. */
describe('named statements', { skip: testEngine !== 'postgresql' }, () => {
  let fresh: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let named: Db;
  let plain: Db;
  before(async () => {
    fresh = await createPostgresDatabase();
    named = await openDatabase({ databaseUrl: fresh.url, poolSize: 1, migrations, namedStatements: true });
    plain = await openDatabase({ databaseUrl: fresh.url, poolSize: 1, migrations, client: 'pg' });
  });
  after(async () => {
    await named?.close();
    await plain?.close();
    await fresh?.drop();
  });

  const prepared = async (db: Db) =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db.db)).rows.map(
      (r) => r.statement,
    );

  it('prepares a statement once it repeats, with the same answers, and leaves one-off texts unnamed', async () => {
    for (let i = 1; i <= 4; i++) {
      const row = await named.db
        .selectFrom('municipality')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('code', '=', String(1000 + i))
        .executeTakeFirstOrThrow();
      assert.equal(Number(row.n), 0);
    }
    await sql`select ${'once'}::text as x`.execute(named.db);
    const statements = await prepared(named);
    assert.ok(
      statements.some((s) => s.includes('from "municipality"')),
      statements.join('\n'),
    );
    assert.ok(!statements.some((s) => s.includes('as x')));
  });

  it('prepares nothing when not asked to', async () => {
    for (let i = 0; i < 4; i++) await plain.db.selectFrom('municipality').select('id').execute();
    assert.deepEqual(await prepared(plain), []);
  });
});
