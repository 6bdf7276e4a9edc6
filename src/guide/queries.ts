import { type Kysely, sql } from 'kysely';
import type { AccessScope } from '../platform/access/scope.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { Database } from '../platform/db/schema.ts';
import type { GuideFilters, RevisionField, RevisionValue } from './domain.ts';
import type { GuideChangeAction, GuideLanguage, GuideRevision, GuideRevisionState } from './schema.ts';

/**
 * Queries of the guide. The public ones read only published revisions and take the municipality
 * from the URL: guide content is public and holds no personal data. The editors' ones take an
 * AccessScope, so the municipality is the signed-in editor's and every write is audited.
 */

export interface GuideMunicipality {
  id: string;
  code: string;
  name: string;
}

/** The municipality a public page is for: by code, or the only one there is. */
export async function municipalityForGuide(
  db: Kysely<Database>,
  code: string | undefined,
): Promise<GuideMunicipality | 'choose' | null> {
  let q = db.selectFrom('municipality').select(['id', 'code', 'name']).orderBy('name').limit(2);
  if (code !== undefined) q = q.where('code', '=', code);
  const rows = await q.execute();
  if (rows.length === 1) return rows[0]!;
  return rows.length === 0 ? null : 'choose';
}

export async function allMunicipalities(db: Kysely<Database>): Promise<GuideMunicipality[]> {
  return db.selectFrom('municipality').select(['id', 'code', 'name']).orderBy('name').execute();
}

export interface PublicEntry {
  id: string;
  title: string;
  summary: string;
  forWhom: string;
  howToGet: string;
  hours: string;
  /** False when the requested language has no published text and the Swedish one is shown. */
  translated: boolean;
  level: NonNullable<GuideRevision['level']>;
  organisationKind: NonNullable<GuideRevision['organisation_kind']>;
  provider: string;
  ageFrom: number;
  ageTo: number;
  situations: string[];
  access: NonNullable<GuideRevision['access']>;
  languages: string[];
  interpreter: boolean;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  publishedAt: Date;
}

/**
 * Published entries in one language. Facts come from the published Swedish revision; the text from
 * the published revision in the language, or the Swedish one when there is none (marked). An entry
 * whose Swedish revision is withdrawn disappears from every language.
 */
export async function publishedEntries(
  db: Kysely<Database>,
  municipalityId: string,
  lang: GuideLanguage,
  filters: GuideFilters,
  entryId?: string,
): Promise<PublicEntry[]> {
  let q = db
    .selectFrom('guide_revision as sv')
    .leftJoin('guide_revision as tr', (join) =>
      join
        .onRef('tr.municipality_id', '=', 'sv.municipality_id')
        .onRef('tr.entry_id', '=', 'sv.entry_id')
        .on('tr.lang', '=', lang)
        .on('tr.state', '=', 'published'),
    )
    .select([
      'sv.entry_id as id',
      sql<string>`coalesce(tr.title, sv.title)`.as('title'),
      sql<string>`coalesce(tr.summary, sv.summary)`.as('summary'),
      sql<string>`coalesce(tr.for_whom, sv.for_whom)`.as('forWhom'),
      sql<string>`coalesce(tr.how_to_get, sv.how_to_get)`.as('howToGet'),
      sql<string>`coalesce(tr.hours, sv.hours)`.as('hours'),
      sql<boolean>`tr.id is not null`.as('translated'),
      'sv.level',
      'sv.organisation_kind as organisationKind',
      'sv.provider',
      'sv.age_from as ageFrom',
      'sv.age_to as ageTo',
      'sv.situations',
      'sv.access',
      'sv.languages',
      'sv.interpreter',
      'sv.phone',
      'sv.email',
      'sv.website',
      'sv.address',
      sql<Date>`greatest(sv.published_at, tr.published_at)`.as('publishedAt'),
    ])
    .where('sv.municipality_id', '=', municipalityId)
    .where('sv.lang', '=', 'sv')
    .where('sv.state', '=', 'published');
  if (entryId) q = q.where('sv.entry_id', '=', entryId);
  if (filters.age)
    q = q.where('sv.age_from', '<=', filters.age.to).where('sv.age_to', '>=', filters.age.from);
  if (filters.situation) q = q.where(sql<boolean>`${filters.situation} = any(sv.situations)`);
  if (filters.language) q = q.where(sql<boolean>`${filters.language} = any(sv.languages)`);
  if (filters.organisation) q = q.where('sv.organisation_kind', '=', filters.organisation);
  if (filters.level) q = q.where('sv.level', '=', filters.level);
  // Every word must occur, in the reader's language or in Swedish (names like BVC and BUP are
  // Swedish whatever the language). The trigram index on published text serves the LIKEs.
  for (const token of filters.tokens) {
    const pattern = `%${escapeLike(token)}%`;
    q = q.where((eb) =>
      eb.or([eb('sv.search_text', 'like', pattern), eb('tr.search_text', 'like', pattern)]),
    );
  }
  const rows = await q.execute();
  return rows.map((r) => ({
    ...r,
    level: r.level!,
    organisationKind: r.organisationKind!,
    provider: r.provider!,
    ageFrom: r.ageFrom!,
    ageTo: r.ageTo!,
    situations: r.situations ?? [],
    access: r.access!,
    languages: r.languages ?? [],
    interpreter: r.interpreter ?? false,
    publishedAt: new Date(r.publishedAt),
  }));
}

export interface GuideSettings {
  intakePhone: string;
  afterHoursPhone: string;
  contactEmail: string;
  contactPhone: string;
}

export async function guideSettings(
  db: Kysely<Database>,
  municipalityId: string,
): Promise<GuideSettings | null> {
  const row = await db
    .selectFrom('guide_setting')
    .select([
      'intake_phone as intakePhone',
      'after_hours_phone as afterHoursPhone',
      'contact_email as contactEmail',
      'contact_phone as contactPhone',
    ])
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return row ?? null;
}

// --- Editors ---------------------------------------------------------------------------------------

export interface RevisionSummary {
  id: string;
  entry_id: string;
  lang: GuideLanguage;
  revision_no: number;
  state: GuideRevisionState;
  title: string;
  edited_by: string;
  edited_at: Date;
  editor_name: string;
}

/** The live and open revisions of every entry: what the editors' list shows. */
export async function currentRevisions(scope: AccessScope): Promise<RevisionSummary[]> {
  return scope.db
    .selectFrom('guide_revision as r')
    .innerJoin('user_account as u', (join) =>
      join.onRef('u.municipality_id', '=', 'r.municipality_id').onRef('u.id', '=', 'r.edited_by'),
    )
    .select([
      'r.id',
      'r.entry_id',
      'r.lang',
      'r.revision_no',
      'r.state',
      'r.title',
      'r.edited_by',
      'r.edited_at',
      'u.display_name as editor_name',
    ])
    .where('r.municipality_id', '=', scope.actor.municipalityId)
    .where('r.state', 'in', ['draft', 'reviewed', 'published'])
    .orderBy('r.entry_id')
    .execute();
}

export async function entryExists(scope: AccessScope, entryId: string): Promise<boolean> {
  const row = await scope.db
    .selectFrom('guide_entry')
    .select('id')
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', entryId)
    // Editors of one entry take turns: the row lock orders concurrent edits and publications.
    .forUpdate()
    .executeTakeFirst();
  return !!row;
}

export type FullRevision = GuideRevision & { editor_name: string; reviewer_name: string | null };

export async function revisionsOf(scope: AccessScope, entryId: string): Promise<FullRevision[]> {
  return scope.db
    .selectFrom('guide_revision as r')
    .innerJoin('user_account as e', (join) =>
      join.onRef('e.municipality_id', '=', 'r.municipality_id').onRef('e.id', '=', 'r.edited_by'),
    )
    .leftJoin('user_account as v', (join) =>
      join.onRef('v.municipality_id', '=', 'r.municipality_id').onRef('v.id', '=', 'r.reviewed_by'),
    )
    .selectAll('r')
    .select(['e.display_name as editor_name', 'v.display_name as reviewer_name'])
    .where('r.municipality_id', '=', scope.actor.municipalityId)
    .where('r.entry_id', '=', entryId)
    .orderBy('r.lang')
    .orderBy('r.revision_no', 'desc')
    .execute();
}

export async function revisionById(
  scope: AccessScope,
  revisionId: string,
): Promise<GuideRevision | undefined> {
  return scope.db
    .selectFrom('guide_revision')
    .selectAll()
    .where('municipality_id', '=', scope.actor.municipalityId)
    .where('id', '=', revisionId)
    .executeTakeFirst();
}

export interface ChangeRow {
  id: number;
  lang: GuideLanguage | null;
  action: GuideChangeAction;
  fields: string[];
  actor_name: string;
  occurred_at: Date;
  revision_no: number | null;
}

export async function changesOf(scope: AccessScope, entryId: string | null): Promise<ChangeRow[]> {
  let q = scope.db
    .selectFrom('guide_change as c')
    .leftJoin('guide_revision as r', (join) =>
      join.onRef('r.municipality_id', '=', 'c.municipality_id').onRef('r.id', '=', 'c.revision_id'),
    )
    .select(['c.id', 'c.lang', 'c.action', 'c.fields', 'c.actor_name', 'c.occurred_at', 'r.revision_no'])
    .where('c.municipality_id', '=', scope.actor.municipalityId)
    .orderBy('c.id', 'desc')
    .limit(200);
  q = entryId ? q.where('c.entry_id', '=', entryId) : q.where('c.entry_id', 'is', null);
  return q.execute();
}

export async function insertEntry(scope: AccessScope): Promise<string> {
  const row = await scope.db
    .insertInto('guide_entry')
    .values({ municipality_id: scope.actor.municipalityId, created_by: scope.actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function revisionColumns(value: RevisionValue) {
  const { text, facts } = value;
  return {
    title: text.title,
    summary: text.summary,
    for_whom: text.forWhom,
    how_to_get: text.howToGet,
    hours: text.hours,
    level: facts?.level ?? null,
    organisation_kind: facts?.organisationKind ?? null,
    provider: facts?.provider ?? null,
    age_from: facts?.ageFrom ?? null,
    age_to: facts?.ageTo ?? null,
    situations: facts?.situations ?? null,
    access: facts?.access ?? null,
    languages: facts?.languages ?? null,
    interpreter: facts?.interpreter ?? null,
    phone: facts?.phone ?? null,
    email: facts?.email ?? null,
    website: facts?.website ?? null,
    address: facts?.address ?? null,
  };
}

/** The stored revision as the value the editor form and the domain work with. */
export function revisionValue(r: GuideRevision): RevisionValue {
  return {
    text: { title: r.title, summary: r.summary, forWhom: r.for_whom, howToGet: r.how_to_get, hours: r.hours },
    facts:
      r.lang === 'sv'
        ? {
            level: r.level!,
            organisationKind: r.organisation_kind!,
            provider: r.provider!,
            ageFrom: r.age_from!,
            ageTo: r.age_to!,
            situations: (r.situations ?? []) as never,
            access: r.access!,
            languages: (r.languages ?? []) as never,
            interpreter: r.interpreter ?? false,
            phone: r.phone,
            email: r.email,
            website: r.website,
            address: r.address,
          }
        : null,
  };
}

export async function recordChange(
  scope: AccessScope,
  change: {
    entryId: string | null;
    revisionId: string | null;
    lang: GuideLanguage | null;
    action: GuideChangeAction;
    fields?: readonly RevisionField[] | readonly string[];
  },
): Promise<void> {
  await scope.db
    .insertInto('guide_change')
    .values({
      municipality_id: scope.actor.municipalityId,
      entry_id: change.entryId,
      revision_id: change.revisionId,
      lang: change.lang,
      action: change.action,
      fields: [...(change.fields ?? [])],
      actor_user_id: scope.actor.userId,
      actor_name: scope.actor.displayName,
    })
    .execute();
}
