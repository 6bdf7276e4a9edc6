import { type Kysely, sql } from 'kysely';

/**
 * Issue 19: person search by the beginning of the family name (docs/decisions/0110). A name key
 * is the name in lower case with the diacritics of Swedish and common immigrant names removed, as
 * normalizeForSearch makes the typed words (src/people/domain.ts); a character it does not list
 * keeps the key from matching, and the search then falls back to the trigram index. The index is
 * ordered in byte order ("C"), whatever the database's collation, so a page of the most common
 * family name is read as the first rows of one range of it, however large the register.
 */
export const nameKeyLetters = 'ÅÄÖÉÈÊËÜÚÙÛÁÀÂÃÍÌÎÏÓÒÔÕÑÇŠŽÝÆØåäöéèêëüúùûáàâãíìîïóòôõñçšžýæø';
/** Each letter as normalizeForSearch leaves it: without its marks (Æ and Ø have none to lose). */
const base = [...nameKeyLetters].map((c) => c.normalize('NFKD').replace(/\p{M}/gu, '')).join('');

const statements = [
  `create function person_name_key(name text) returns text
     language sql immutable strict parallel safe
     as $$ select lower(translate(name, '${nameKeyLetters}', '${base}')) $$`,
  `create index person_family_prefix on person
     (municipality_id, (person_name_key(family_name)) collate "C", (person_name_key(given_name)) collate "C", id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
