import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';

/** A published good example, made straight in the tables for tests that need one to exist. */
export async function createPublishedExample(
  db: Kysely<Database>,
  options: { authorUserId: string; municipalityId: string; title?: string; today: string },
): Promise<string> {
  const example = await db
    .insertInto('good_practice')
    .values({
      kind: 'example',
      author_user_id: options.authorUserId,
      author_municipality_id: options.municipalityId,
      author_organisation_key: `m:${options.municipalityId}`,
      author_organisation_name: 'Testkommunen',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('good_practice_revision')
    .values({
      example_id: example.id,
      revision_no: 1,
      state: 'published',
      title: options.title ?? 'Bokpaket till familjehemmen',
      area: 'schooling',
      themes: ['familyHomes'],
      target_groups: ['fosterFamilies'],
      problem: 'Få böcker hemma.',
      what_was_done: 'Bokpaket varannan månad.',
      results: 'Barnen läser mer.',
      result_values: '[]',
      period_from: null,
      period_to: null,
      cost: '',
      contact_name: '',
      contact_role: 'Enhetschef',
      contact_email: 'barnochunga@test.example',
      contact_phone: null,
      links: '[]',
      tags: [],
      tags_text: '',
      evidence_level: 'localResult',
      evidence_reference: '',
      evidence_url: null,
      county_code: null,
      size_band: null,
      written_by: options.authorUserId,
      published_on: options.today,
      last_reviewed_on: options.today,
    })
    .execute();
  return example.id;
}
