import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { openTestDatabase, testEngine } from '../testing/database.ts';
import {
  exampleSearchVectorSql,
  matchesTerms,
  matchRank,
  searchTerms,
  stemmedPrefixQuery,
} from './search.ts';

/**
 * Swedish stemmed search must behave the same on PGlite and PostgreSQL: run with
 * SAMTAK_TEST_DB=pglite and SAMTAK_TEST_DB=postgres. No tables of the app are needed.
 */
let db: Db;
before(async () => {
  db = await openTestDatabase();
});
after(() => db.close());

async function finds(document: string, query: string): Promise<boolean> {
  const { rows } = await sql<{ hit: boolean | null }>`
    select to_tsvector('swedish', ${document}) @@ ${stemmedPrefixQuery(searchTerms(query))} as hit
  `.execute(db.db);
  return rows[0]?.hit === true;
}

describe(`Swedish search on ${testEngine}`, () => {
  it("the 'swedish' configuration exists and stems (the doubled consonant stays)", async () => {
    const { rows } = await sql<{
      v: string;
    }>`select to_tsvector('swedish', 'Familjehemmen fick bokpaketen')::text as v`.execute(db.db);
    assert.equal(rows[0]?.v, "'bokpaket':3 'familjehemm':1 'fick':2");
  });

  it('"familjehem" finds "familjehemmen", and the other way round', async () => {
    assert.equal(await finds('Biblioteket skickar bokpaket till familjehemmen', 'familjehem'), true);
    assert.equal(await finds('Stöd till familjehem i länet', 'familjehemmen'), true);
  });

  it('finds inflected forms and compounds that begin with the word', async () => {
    assert.equal(await finds('Skolfam för familjehemsplacerade barn', 'familjehem'), true);
    assert.equal(await finds('Bokpaketen skickas varannan månad', 'bokpaket'), true);
    assert.equal(await finds('Barnen fick läsa', 'barn'), true);
    assert.equal(await finds('Föräldragrupper för nyanlända', 'föräldragrupp'), true);
  });

  it('ignores case and keeps å, ä and ö apart from a, a and o', async () => {
    assert.equal(await finds('ÖSTERSUNDS KOMMUN', 'östersund'), true);
    assert.equal(await finds('Ostersunds kommun', 'östersund'), false);
  });

  it('needs every word, and misses what is not there', async () => {
    assert.equal(await finds('Läsning för barn i familjehem', 'familjehem läsning'), true);
    assert.equal(await finds('Läsning för barn på HVB', 'familjehem läsning'), false);
    assert.equal(await finds('Mentorer för nya socialsekreterare', 'familjehem'), false);
  });

  it('a query of stop words only matches nothing and does not fail', async () => {
    assert.deepEqual(searchTerms('och för'), ['och', 'för']);
    assert.equal(await finds('Det här och det där för alla', 'och för'), false);
  });

  it('what a reader types cannot become query syntax', async () => {
    assert.deepEqual(searchTerms("familjehem:* | !barn & 'x'"), ['familjehem', 'barn']);
    assert.equal(await finds('familjehem och barn', "familjehem:* | !barn & 'x'"), true);
  });

  it('a stored, generated search column with a GIN index answers ranked, the title first', async () => {
    await db.db.transaction().execute(async (trx) => {
      await sql
        .raw(`create temp table example_search (
          id integer primary key,
          title text not null,
          tags_text text,
          problem text,
          what_was_done text,
          results text,
          search_vector tsvector generated always as (${exampleSearchVectorSql}) stored
        ) on commit drop`)
        .execute(trx);
      await sql`create index on example_search using gin (search_vector)`.execute(trx);
      await sql`insert into example_search (id, title, tags_text, problem, what_was_done, results) values
        (1, 'Mentorer för nya socialsekreterare', 'personal', 'Hög personalomsättning', 'Mentorsprogram', null),
        (2, 'Skolfam', 'skola familjehem', 'Placerade barn når inte målen', 'Psykolog och speciallärare', null),
        (3, 'Boken som kompis', 'läsning', 'Barn läser lite', 'Bokpaket och hembesök hos familjehemmen', 'Mer läsning')
      `.execute(trx);
      const hits = await (trx as unknown as Kysely<{ example_search: { id: number; search_vector: string } }>)
        .selectFrom('example_search')
        .select('id')
        .where(matchesTerms('search_vector', ['familjehem']))
        .orderBy(matchRank('search_vector', ['familjehem']), 'desc')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        hits.map((h) => h.id),
        [2, 3],
      );
    });
  });
});
