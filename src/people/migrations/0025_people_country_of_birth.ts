import { type Kysely, sql } from 'kysely';

/**
 * Issue 17: the person's country of birth (docs/decisions/0118), an ISO 3166-1 alpha-2 code or
 * nothing when it is not known. Socialstyrelsen's register of interventions for children and young
 * people asks for the child's and the parents' countries of birth (HSLF-FS 2016:3); the register
 * file reads it (src/statistics/register-queries.ts). The list of codes is the application's
 * (src/people/countries.ts); the database only checks the shape.
 */
const statements = [
  `alter table person add column country_of_birth text check (country_of_birth ~ '^[A-Z]{2}$')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
