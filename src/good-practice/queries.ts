import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { type CommentState, publicComments } from './comments.ts';
import type { EvidenceLevel, ExampleKind, ExampleState } from './examples.ts';
import { type ExampleFilters, matchesTerms, matchRank } from './search.ts';

/**
 * The good examples' reads. Public reads take only published revisions and never the commenters'
 * e-mail addresses: the comment columns a public page may see are listed once, here
 * (publicCommentColumns), and good-practice.db.test.ts checks that no public query selects more.
 */

/** What a list of examples shows and its facets count. */
export interface ExampleListRow {
  id: string;
  title: string;
  kind: ExampleKind;
  area: string;
  themes: string[];
  targetGroups: string[];
  evidence: EvidenceLevel;
  county: string | null;
  size: string | null;
  organisationName: string;
  municipalityName: string;
  publishedOn: string | null;
  lastReviewedOn: string | null;
  problem: string;
}

/** Every published example matching the words (all of them, stemmed), best match first. */
export async function publishedMatching(
  db: Kysely<Database>,
  filters: ExampleFilters,
): Promise<ExampleListRow[]> {
  let query = db
    .selectFrom('good_practice_revision as r')
    .innerJoin('good_practice as g', 'g.id', 'r.example_id')
    .innerJoin('municipality as m', 'm.id', 'g.author_municipality_id')
    .where('r.state', '=', 'published')
    .select([
      'g.id',
      'r.title',
      'g.kind',
      'r.area',
      'r.themes',
      'r.target_groups as targetGroups',
      'r.evidence_level as evidence',
      'r.county_code as county',
      'r.size_band as size',
      'g.author_organisation_name as organisationName',
      'm.name as municipalityName',
      'r.published_on as publishedOn',
      'r.last_reviewed_on as lastReviewedOn',
      'r.problem',
    ]);
  if (filters.terms.length > 0)
    query = query
      .where(matchesTerms('r.search_vector', filters.terms))
      .orderBy(matchRank('r.search_vector', filters.terms), 'desc');
  const rows = await query.orderBy('r.published_on', 'desc').orderBy('r.title').execute();
  return rows.map((r) => ({ ...r, county: r.county?.trim() ?? null }));
}

/** The public's view of a published example. */
export async function publishedExample(db: Kysely<Database>, exampleId: string) {
  const row = await db
    .selectFrom('good_practice_revision as r')
    .innerJoin('good_practice as g', 'g.id', 'r.example_id')
    .innerJoin('municipality as m', 'm.id', 'g.author_municipality_id')
    .where('r.state', '=', 'published')
    .where('g.id', '=', exampleId)
    .select([
      'g.id',
      'g.kind',
      'g.author_municipality_id as municipalityId',
      'g.author_organisation_name as organisationName',
      'm.name as municipalityName',
      ...revisionColumns,
    ])
    .executeTakeFirst();
  return row ? toRevision(row) : null;
}

/** The columns of a comment that a public page may see: never `email`. */
export const publicCommentColumns = ['id', 'state', 'name', 'body_html', 'posted_at'] as const;

export async function approvedComments(db: Kysely<Database>, exampleId: string) {
  const rows = await db
    .selectFrom('good_practice_comment')
    .select(publicCommentColumns)
    .where('example_id', '=', exampleId)
    .where('state', '=', 'approved')
    .orderBy('posted_at')
    .execute();
  return publicComments(rows.map((r) => ({ ...r, bodyHtml: r.body_html, postedAt: r.posted_at })));
}

export const revisionColumns = [
  'r.id as revisionId',
  'r.revision_no as revisionNo',
  'r.state',
  'r.title',
  'r.area',
  'r.themes',
  'r.target_groups as targetGroups',
  'r.problem',
  'r.what_was_done as whatWasDone',
  'r.results',
  'r.result_values as resultValues',
  'r.period_from as periodFrom',
  'r.period_to as periodTo',
  'r.cost',
  'r.contact_name as contactName',
  'r.contact_role as contactRole',
  'r.contact_email as contactEmail',
  'r.contact_phone as contactPhone',
  'r.links',
  'r.tags',
  'r.evidence_level as evidence',
  'r.evidence_reference as evidenceReference',
  'r.evidence_url as evidenceUrl',
  'r.published_on as publishedOn',
  'r.last_reviewed_on as lastReviewedOn',
  'r.review_note as reviewNote',
  'r.written_by as writtenBy',
] as const;

function toRevision<R extends { resultValues: unknown; links: unknown; state: ExampleState }>(row: R) {
  return {
    ...row,
    resultValues: row.resultValues as {
      label: string;
      value: number;
      unit: string;
      on: string;
      source: string;
    }[],
    links: row.links as { title: string; url: string }[],
  };
}
export type ExampleRevision = NonNullable<Awaited<ReturnType<typeof publishedExample>>>;

/** Every revision of one example, newest first, with its author (for the editors' pages). */
export async function revisionsOf(db: Kysely<Database>, exampleId: string) {
  const rows = await db
    .selectFrom('good_practice_revision as r')
    .innerJoin('good_practice as g', 'g.id', 'r.example_id')
    .innerJoin('municipality as m', 'm.id', 'g.author_municipality_id')
    .where('g.id', '=', exampleId)
    .select([
      'g.id',
      'g.kind',
      'g.author_user_id as authorUserId',
      'g.author_organisation_key as authorOrganisationKey',
      'g.author_municipality_id as municipalityId',
      'g.author_organisation_name as organisationName',
      'm.name as municipalityName',
      ...revisionColumns,
    ])
    .orderBy('r.revision_no', 'desc')
    .execute();
  return rows.map(toRevision);
}
export type EditorRevision = Awaited<ReturnType<typeof revisionsOf>>[number];

/** The latest revision of each example, as the editors' lists show them. */
export async function latestRevisions(db: Kysely<Database>) {
  return db
    .selectFrom('good_practice_revision as r')
    .innerJoin('good_practice as g', 'g.id', 'r.example_id')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('good_practice_revision as later')
            .select(sql`1`.as('one'))
            .whereRef('later.example_id', '=', 'r.example_id')
            .whereRef('later.revision_no', '>', 'r.revision_no'),
        ),
      ),
    )
    .select([
      'g.id',
      'g.author_user_id as authorUserId',
      'g.author_organisation_key as authorOrganisationKey',
      'g.author_organisation_name as organisationName',
      'r.title',
      'r.state',
      'r.last_reviewed_on as lastReviewedOn',
    ])
    .orderBy('r.title')
    .execute();
}

/** Comments waiting for an editor, with the e-mail address (an editor's audited read). */
export async function pendingComments(db: Kysely<Database>) {
  return db
    .selectFrom('good_practice_comment as c')
    .innerJoin('good_practice_revision as r', (join) =>
      join.onRef('r.example_id', '=', 'c.example_id').on('r.state', '=', 'published'),
    )
    .where('c.state', '=', 'pending')
    .select([
      'c.id',
      'c.example_id as exampleId',
      'r.title',
      'c.name',
      'c.email',
      'c.body_html as bodyHtml',
      'c.moderator_warnings as warnings',
      'c.posted_at as postedAt',
    ])
    .orderBy('c.posted_at')
    .execute();
}

export interface ChangeRow {
  action: string;
  fields: string[];
  confirmedWarnings: boolean;
  note: string;
  actorName: string;
  occurredAt: Date;
}

export async function changesOf(
  db: Kysely<Database>,
  recordType: string,
  recordId: string,
): Promise<ChangeRow[]> {
  const rows = await db
    .selectFrom('collaboration_change')
    .select(['action', 'fields', 'confirmed_warnings', 'note', 'actor_name', 'occurred_at'])
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    action: r.action,
    fields: r.fields,
    confirmedWarnings: Array.isArray(r.confirmed_warnings) && r.confirmed_warnings.length > 0,
    note: r.note,
    actorName: r.actor_name,
    occurredAt: r.occurred_at,
  }));
}

export type { CommentState };
