import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrations } from '../src/migrations.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { databaseUrl } from './targets.ts';

/**
 * `npx tsx bench/search-plans.ts --tier S|M|L [--name Andersson] [--given Anna]`: the plans of
 * person search at a tier (decision 0110), for a common family name alone and with a given name:
 * the prefix index's ordered range against the trigram index the search fell back to before.
 * Brings the tier's database to the latest migration first, as the server would.
 */
const { values } = parseArgs({
  options: {
    tier: { type: 'string', default: 'S' },
    name: { type: 'string', default: 'andersson' },
    given: { type: 'string', default: 'anna' },
  },
});
const url = databaseUrl(values.tier);
const opened = await openDatabase({ databaseUrl: url, poolSize: 1, migrations });
await opened.close();
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const m = (await client.query<{ id: string }>(`select id from municipality where code = '9910'`)).rows[0]!
    .id;
  const people = (await client.query<{ n: number }>('select count(*)::int as n from person')).rows[0]!.n;
  console.log(`Tier ${values.tier}: ${people} people in the register`);
  const columns = 'id, personal_number, given_name, family_name, birth_date, protected_identity';
  const key = (column: string) => `person_name_key(${column}) collate "C"`;
  const cases: [string, string, unknown[]][] = [
    [
      `prefix, family name "${values.name}"`,
      `select ${columns} from person where municipality_id = $1 and ${key('family_name')} like $2
         order by ${key('family_name')}, ${key('given_name')}, id limit 21`,
      [m, `${values.name}%`],
    ],
    [
      `prefix, "${values.given} ${values.name}"`,
      `select ${columns} from person where municipality_id = $1 and ${key('family_name')} like $2
         and ${key('given_name')} like $3
         order by ${key('family_name')}, ${key('given_name')}, id limit 21`,
      [m, `${values.name}%`, `${values.given}%`],
    ],
    [
      `trigram (before, and the infix fallback), family name "${values.name}"`,
      `select * from (select ${columns} from person where municipality_id = $1 and search_text like $2 offset 0) p
         order by family_name, given_name, id limit 21`,
      [m, `%${values.name}%`],
    ],
    [
      `trigram, "${values.given} ${values.name}"`,
      `select * from (select ${columns} from person where municipality_id = $1 and search_text like $2
         and search_text like $3 offset 0) p order by family_name, given_name, id limit 21`,
      [m, `%${values.given}%`, `%${values.name}%`],
    ],
  ];
  for (const [title, statement, params] of cases) {
    await client.query(statement, params);
    const plan = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers, costs off, summary on) ${statement}`,
      params,
    );
    console.log(`\n### ${title}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
} finally {
  await client.end();
}
