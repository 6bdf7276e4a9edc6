import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { type AgreementVersion, reviewState } from './agreements.ts';

/** The reads of a forum's agreements (docs/decisions/0136). */

async function versionsOf(db: Kysely<Database>, forumId: string) {
  return db
    .selectFrom('forum_agreement_version as v')
    .innerJoin('forum_agreement as a', 'a.id', 'v.agreement_id')
    .selectAll('v')
    .select('a.topic')
    .where('a.forum_id', '=', forumId)
    .orderBy('a.created_at')
    .orderBy('v.version', 'desc')
    .execute();
}

const asVersion = (v: {
  version: number;
  adopted_on: string;
  valid_from: string;
  review_by: string;
  valid_until: string | null;
}): AgreementVersion => ({
  version: v.version,
  adoptedOn: v.adopted_on,
  validFrom: v.valid_from,
  reviewBy: v.review_by,
  validUntil: v.valid_until,
});

/** The forum's agreements, newest version first, each with whether it is due for review today. */
export async function agreementsOfForum(db: Kysely<Database>, forumId: string, today: string) {
  const rows = await versionsOf(db, forumId);
  const ids = [...new Set(rows.map((r) => r.agreement_id))];
  return ids.map((id) => {
    const versions = rows.filter((r) => r.agreement_id === id);
    return {
      id,
      topic: versions[0]?.topic ?? 'other',
      versions,
      review: reviewState(versions.map(asVersion), today),
    };
  });
}
