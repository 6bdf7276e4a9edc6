import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { demoEntries, demoGuideSettings } from './demo-content.ts';
import { changedFields, revisionSearchText, validateRevision } from './domain.ts';
import { revisionColumns } from './queries.ts';
import type { GuideLanguage } from './schema.ts';

/**
 * Puts the demo guide of Sjöviks kommun in place: every text published as if one editor wrote it
 * and another reviewed it, plus one change still waiting for review, so the workflow can be tried.
 * Runs inside the demo seed's transaction.
 */
export async function seedGuideDemo(
  db: Kysely<Database>,
  municipalityId: string,
  editor: { id: string; name: string },
  reviewer: { id: string; name: string },
): Promise<number> {
  const now = new Date();
  let revisions = 0;
  for (const demo of demoEntries) {
    const entry = await db
      .insertInto('guide_entry')
      .values({ municipality_id: municipalityId, created_by: editor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    let svRevisionId: string | null = null;
    for (const [lang, texts] of Object.entries(demo.texts) as [GuideLanguage, readonly string[]][]) {
      const [title, summary, forWhom, howToGet, hours] = texts;
      const valid = validateRevision({ title, summary, forWhom, howToGet, hours, ...demo.facts }, lang);
      if (!valid.ok) throw new Error(`demo entry ${demo.key}/${lang}: ${JSON.stringify(valid.errors)}`);
      const row = await db
        .insertInto('guide_revision')
        .values({
          municipality_id: municipalityId,
          entry_id: entry.id,
          lang,
          revision_no: 1,
          state: 'published',
          ...revisionColumns(valid.value),
          search_text: revisionSearchText(valid.value),
          source_revision_id: lang === 'sv' ? null : svRevisionId,
          edited_by: editor.id,
          edited_at: now,
          reviewed_by: reviewer.id,
          reviewed_at: now,
          published_by: editor.id,
          published_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (lang === 'sv') svRevisionId = row.id;
      revisions += 1;
      const change = { municipality_id: municipalityId, entry_id: entry.id, revision_id: row.id, lang };
      await db
        .insertInto('guide_change')
        .values([
          {
            ...change,
            action: lang === 'sv' ? 'created' : 'edited',
            fields: changedFields(null, valid.value),
            actor_user_id: editor.id,
            actor_name: editor.name,
          },
          {
            ...change,
            action: 'reviewed',
            fields: [],
            actor_user_id: reviewer.id,
            actor_name: reviewer.name,
          },
          { ...change, action: 'published', fields: [], actor_user_id: editor.id, actor_name: editor.name },
        ])
        .execute();
    }
    if (demo.key === 'abc') {
      // A change waiting for review: new course evenings, written by the second editor.
      const [title, summary, forWhom, howToGet] = demo.texts.sv;
      const valid = validateRevision(
        {
          title,
          summary,
          forWhom,
          howToGet,
          hours: 'Tisdagar 18–20.30, fyra gånger per termin.',
          ...demo.facts,
        },
        'sv',
      );
      if (!valid.ok) throw new Error('demo draft');
      const draft = await db
        .insertInto('guide_revision')
        .values({
          municipality_id: municipalityId,
          entry_id: entry.id,
          lang: 'sv',
          revision_no: 2,
          state: 'draft',
          ...revisionColumns(valid.value),
          search_text: revisionSearchText(valid.value),
          edited_by: reviewer.id,
          edited_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('guide_change')
        .values({
          municipality_id: municipalityId,
          entry_id: entry.id,
          revision_id: draft.id,
          lang: 'sv',
          action: 'edited',
          fields: ['hours'],
          actor_user_id: reviewer.id,
          actor_name: reviewer.name,
        })
        .execute();
    }
  }
  await db
    .insertInto('guide_setting')
    .values({
      municipality_id: municipalityId,
      intake_phone: demoGuideSettings.intakePhone,
      after_hours_phone: demoGuideSettings.afterHoursPhone,
      contact_email: demoGuideSettings.contactEmail,
      contact_phone: demoGuideSettings.contactPhone,
      updated_by: editor.id,
    })
    .execute();
  return revisions;
}
