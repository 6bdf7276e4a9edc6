import type { Kysely } from 'kysely';
import type { FieldError, FieldWarning } from '../collaboration/form.ts';
import { recordChange } from '../collaboration/history.ts';
import { countyOfMunicipality, municipalitySizeBand } from '../collaboration/municipalities.ts';
import type { Resource } from '../platform/access/policy.ts';
import { type AccessScope, type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { Database } from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import { organisationKeyOf } from './access.ts';
import {
  type CommentInput,
  type CommentRefusal,
  commentStateAfter,
  type ModerationRefusal,
  type ModerationStep,
  moderationRefusal,
  validateComment,
} from './comments.ts';
import {
  type ExampleInput,
  type ExampleRefusal,
  type ExampleState,
  type ExampleStep,
  type ExampleStepRefusal,
  type ExampleValue,
  exampleStateAfter,
  exampleStepRefusal,
  isStale,
  validateExample,
} from './examples.ts';
import {
  type ChangeRow,
  changesOf,
  type EditorRevision,
  latestRevisions,
  pendingComments,
  revisionsOf,
} from './queries.ts';

/**
 * What people do with good examples: each call is one transaction in which the policy decides,
 * the change is written with its visible history, and the audit trail records it
 * (docs/decisions/0105). Examples hold no one's personal data; the comments hold the commenter's
 * name and e-mail address, which only editors see.
 */

type Scope = AccessScope;

async function isEditor(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('user_account')
    .select('good_practice_editor')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.good_practice_editor === true;
}

function resource(
  context: RequestContext,
  editor: boolean,
  example: { state: ExampleState; authorUserId: string; authorOrganisationKey: string } | null,
): Resource {
  return {
    type: 'goodPractice',
    municipalityId: context.actor?.municipalityId ?? '',
    state: example?.state ?? null,
    authorUserId: example?.authorUserId ?? null,
    authorOrganisationKey: example?.authorOrganisationKey ?? null,
    actorIsEditor: editor,
  };
}

async function organisationName(db: Kysely<Database>, scope: Scope): Promise<string> {
  const actor = scope.actor;
  if (actor.partnerOrganisationId) {
    const org = await db
      .selectFrom('partner_organisation')
      .select('name')
      .where('id', '=', actor.partnerOrganisationId)
      .executeTakeFirst();
    if (org) return org.name;
  }
  const m = await db
    .selectFrom('municipality')
    .select('name')
    .where('id', '=', actor.municipalityId)
    .executeTakeFirstOrThrow();
  return m.name;
}

// ---- The editors' start ----

export interface EditorOverview {
  editor: boolean;
  mine: { id: string; title: string; state: ExampleState }[];
  toReview: { id: string; title: string; organisationName: string }[];
  stale: { id: string; title: string; lastReviewedOn: string | null }[];
  pending: Awaited<ReturnType<typeof pendingComments>>;
}

export async function editorOverview(
  db: Kysely<Database>,
  context: RequestContext,
  today: string,
): Promise<EditorOverview> {
  return withAccess(db, context, async (scope) => {
    const editor = await isEditor(scope.db, scope.actor.userId);
    scope.authorize('example.write', resource(context, editor, null));
    const latest = await latestRevisions(scope.db);
    const own = organisationKeyOf(scope.actor);
    const mine = latest.filter((r) => r.authorUserId === scope.actor.userId);
    if (!editor) return { editor, mine, toReview: [], stale: [], pending: [] };
    const pending = await pendingComments(scope.db);
    // The moderator sees the commenters' e-mail addresses: their personal data, so the read is audited.
    if (pending.length > 0)
      await scope.audit({ action: 'comment.readEmail', recordType: 'comment', recordId: null });
    return {
      editor,
      mine,
      toReview: latest.filter(
        (r) =>
          r.state === 'inReview' && r.authorUserId !== scope.actor.userId && r.authorOrganisationKey !== own,
      ),
      stale: latest.filter((r) => isStale(r, today)),
      pending,
    };
  });
}

// ---- Writing ----

export type SaveOutcome =
  | { ok: true; exampleId: string }
  | { ok: false; errors: FieldError<ExampleRefusal>[]; warnings: FieldWarning[] };

function revisionValues(value: ExampleValue) {
  return {
    title: value.title,
    area: value.area,
    themes: value.themes,
    target_groups: value.targetGroups,
    problem: value.problem,
    what_was_done: value.whatWasDone,
    results: value.results,
    result_values: JSON.stringify(value.resultValues),
    period_from: value.periodFrom,
    period_to: value.periodTo,
    cost: value.cost,
    contact_name: value.contact.name,
    contact_role: value.contact.role,
    contact_email: value.contact.email,
    contact_phone: value.contact.phone,
    links: JSON.stringify(value.links),
    tags: value.tags,
    tags_text: value.tags.join(' '),
    evidence_level: value.evidence.level,
    evidence_reference: value.evidence.reference,
    evidence_url: value.evidence.url,
  };
}

/** Writes a new example as a draft. */
export async function createExample(
  db: Kysely<Database>,
  context: RequestContext,
  input: ExampleInput,
  confirmed: boolean,
  today: string,
): Promise<SaveOutcome> {
  return withAccess(db, context, (scope) => insertExample(scope, context, input, confirmed, today));
}

/**
 * A new draft inside a transaction that is already open: the policy decides, the draft is written
 * with its history and audit event. A draft started from a follow-up visit's report is of the kind
 * `visitReport` and names the visit (docs/decisions/0139).
 */
export async function insertExample(
  scope: Scope,
  context: RequestContext,
  input: ExampleInput,
  confirmed: boolean,
  today: string,
  from: { sourceVisitId: string } | null = null,
): Promise<SaveOutcome> {
  const editor = await isEditor(scope.db, scope.actor.userId);
  scope.authorize('example.write', resource(context, editor, null));
  const outcome = validateExample(from ? { ...input, kind: 'visitReport' } : input, {
    guard: { today, confirmed },
  });
  if (!outcome.ok) return outcome;
  const example = await scope.db
    .insertInto('good_practice')
    .values({
      kind: outcome.value.kind,
      author_user_id: scope.actor.userId,
      author_municipality_id: scope.actor.municipalityId,
      author_organisation_key: organisationKeyOf(scope.actor),
      author_organisation_name: await organisationName(scope.db, scope),
      source_visit_id: from?.sourceVisitId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await scope.db
    .insertInto('good_practice_revision')
    .values({
      example_id: example.id,
      revision_no: 1,
      state: 'draft',
      written_by: scope.actor.userId,
      ...revisionValues(outcome.value),
    })
    .execute();
  await recordChange(scope.db, scope.actor, {
    recordType: 'goodPractice',
    recordId: example.id,
    action: from ? 'createdFromVisit' : 'created',
    confirmedWarnings: outcome.warnings,
  });
  await scope.audit({
    action: 'example.create',
    recordType: 'goodPractice',
    recordId: example.id,
    ...(from ? { reason: 'fromVisit' } : {}),
  });
  return { ok: true, exampleId: example.id };
}

async function authorOf(scope: Scope, exampleId: string) {
  const row = await scope.db
    .selectFrom('good_practice')
    .select(['id', 'kind', 'author_user_id', 'author_organisation_key', 'author_municipality_id'])
    .where('id', '=', exampleId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/**
 * Saves the author's changes: into the open draft, or as a new draft of a published example (the
 * published one stays public until the new one is published).
 */
export async function updateExample(
  db: Kysely<Database>,
  context: RequestContext,
  exampleId: string,
  input: ExampleInput,
  confirmed: boolean,
  today: string,
): Promise<SaveOutcome | { ok: false; refusal: 'wrongState' }> {
  return withAccess(db, context, async (scope) => {
    const author = await authorOf(scope, exampleId);
    const revisions = await revisionsOf(scope.db, exampleId);
    const latest = revisions[0];
    if (!latest) throw notFound();
    const editor = await isEditor(scope.db, scope.actor.userId);
    scope.authorize(
      'example.write',
      resource(context, editor, {
        state: latest.state,
        authorUserId: author.author_user_id,
        authorOrganisationKey: author.author_organisation_key,
      }),
    );
    if (latest.state === 'inReview') return { ok: false, refusal: 'wrongState' };
    const outcome = validateExample({ ...input, kind: author.kind }, { guard: { today, confirmed } });
    if (!outcome.ok) return outcome;
    const values = revisionValues(outcome.value);
    if (latest.state === 'draft') {
      await scope.db
        .updateTable('good_practice_revision')
        .set({ ...values, written_by: scope.actor.userId, written_at: new Date() })
        .where('id', '=', latest.revisionId)
        .execute();
    } else {
      await scope.db
        .insertInto('good_practice_revision')
        .values({
          example_id: exampleId,
          revision_no: latest.revisionNo + 1,
          state: 'draft',
          written_by: scope.actor.userId,
          ...values,
        })
        .execute();
    }
    await recordChange(scope.db, scope.actor, {
      recordType: 'goodPractice',
      recordId: exampleId,
      action: 'edited',
      fields: changedFields(latest, outcome.value),
      confirmedWarnings: outcome.warnings,
    });
    await scope.audit({ action: 'example.edit', recordType: 'goodPractice', recordId: exampleId });
    return { ok: true, exampleId };
  });
}

function changedFields(before: EditorRevision, after: ExampleValue): string[] {
  const pairs: [string, unknown, unknown][] = [
    ['title', before.title, after.title],
    ['area', before.area, after.area],
    ['themes', before.themes.join(), after.themes.join()],
    ['targetGroups', before.targetGroups.join(), after.targetGroups.join()],
    ['problem', before.problem, after.problem],
    ['whatWasDone', before.whatWasDone, after.whatWasDone],
    ['results', before.results, after.results],
    ['resultValues', JSON.stringify(before.resultValues), JSON.stringify(after.resultValues)],
    ['period', `${before.periodFrom}${before.periodTo}`, `${after.periodFrom}${after.periodTo}`],
    ['cost', before.cost, after.cost],
    [
      'contact',
      `${before.contactName}|${before.contactRole}|${before.contactEmail}|${before.contactPhone}`,
      `${after.contact.name}|${after.contact.role}|${after.contact.email}|${after.contact.phone}`,
    ],
    ['links', JSON.stringify(before.links), JSON.stringify(after.links)],
    ['tags', before.tags.join(), after.tags.join()],
    [
      'evidence',
      `${before.evidence}|${before.evidenceReference}|${before.evidenceUrl}`,
      `${after.evidence.level}|${after.evidence.reference}|${after.evidence.url}`,
    ],
  ];
  return pairs.filter(([, a, b]) => a !== b).map(([field]) => field);
}

// ---- Reading an example as its author or an editor ----

export interface ExampleForEditor {
  revisions: EditorRevision[];
  changes: ChangeRow[];
  editor: boolean;
  /** Which steps this user may take now. */
  steps: ExampleStep[];
  isAuthor: boolean;
}

export async function exampleForEditor(
  db: Kysely<Database>,
  context: RequestContext,
  exampleId: string,
): Promise<ExampleForEditor> {
  return withAccess(db, context, async (scope) => {
    const author = await authorOf(scope, exampleId);
    const revisions = await revisionsOf(scope.db, exampleId);
    const latest = revisions[0];
    if (!latest) throw notFound();
    const editor = await isEditor(scope.db, scope.actor.userId);
    const example = {
      state: latest.state,
      authorUserId: author.author_user_id,
      authorOrganisationKey: author.author_organisation_key,
    };
    scope.authorize('example.readUnpublished', resource(context, editor, example));
    const actor = {
      userId: scope.actor.userId,
      organisationKey: organisationKeyOf(scope.actor),
      isEditor: editor,
    };
    const authorEditor = {
      userId: author.author_user_id,
      organisationKey: author.author_organisation_key,
      isEditor: false,
    };
    const steps = (['submit', 'publish', 'returnToDraft', 'confirmCurrent', 'withdraw'] as const).filter(
      (step) =>
        exampleStepRefusal(step, { state: stepState(revisions, step), author: authorEditor }, actor, 'x') ===
          null &&
        (step !== 'submit' || actor.userId === author.author_user_id),
    );
    return {
      revisions,
      changes: await changesOf(scope.db, 'goodPractice', exampleId),
      editor,
      steps,
      isAuthor: actor.userId === author.author_user_id,
    };
  });
}

/** The revision a step acts on: the open one (draft or in review), or the published one. */
function stepRevision(revisions: EditorRevision[], step: ExampleStep): EditorRevision | undefined {
  const open = revisions.find((r) => r.state === 'draft' || r.state === 'inReview');
  const published = revisions.find((r) => r.state === 'published');
  if (step === 'confirmCurrent') return published;
  if (step === 'withdraw') return open?.state === 'inReview' ? open : published;
  return open;
}
function stepState(revisions: EditorRevision[], step: ExampleStep): ExampleState {
  return stepRevision(revisions, step)?.state ?? 'superseded';
}

export type StepOutcome = { ok: true } | { ok: false; refusal: ExampleStepRefusal };

/** Submits, publishes, returns, confirms or withdraws an example (decision 0104's state machine). */
export async function takeExampleStep(
  db: Kysely<Database>,
  context: RequestContext,
  exampleId: string,
  step: ExampleStep,
  note: string,
  today: string,
): Promise<StepOutcome> {
  return withAccess(db, context, async (scope) => {
    const author = await authorOf(scope, exampleId);
    const revisions = await revisionsOf(scope.db, exampleId);
    const revision = stepRevision(revisions, step);
    const editor = await isEditor(scope.db, scope.actor.userId);
    const example = {
      state: revision?.state ?? revisions[0]?.state ?? 'superseded',
      authorUserId: author.author_user_id,
      authorOrganisationKey: author.author_organisation_key,
    };
    const action =
      step === 'submit' ? 'example.write' : step === 'withdraw' ? 'example.withdraw' : 'example.review';
    scope.authorize(action, resource(context, editor, example));
    const refusal = exampleStepRefusal(
      step,
      {
        state: example.state,
        author: {
          userId: author.author_user_id,
          organisationKey: author.author_organisation_key,
          isEditor: false,
        },
      },
      { userId: scope.actor.userId, organisationKey: organisationKeyOf(scope.actor), isEditor: editor },
      note,
    );
    if (refusal || !revision) return { ok: false, refusal: refusal ?? 'wrongState' };
    const to = exampleStateAfter(step, revision.state);
    if (step === 'publish') {
      // The published one it replaces is superseded; the county and size are the author municipality's at publication.
      await scope.db
        .updateTable('good_practice_revision')
        .set({ state: 'superseded' })
        .where('example_id', '=', exampleId)
        .where('state', '=', 'published')
        .execute();
      const m = await scope.db
        .selectFrom('municipality')
        .select(['code', 'population'])
        .where('id', '=', author.author_municipality_id)
        .executeTakeFirstOrThrow();
      await scope.db
        .updateTable('good_practice_revision')
        .set({
          state: to,
          reviewed_by: scope.actor.userId,
          published_on: today,
          last_reviewed_on: today,
          review_note: note.trim().slice(0, 2000),
          county_code: countyOfMunicipality(m.code),
          size_band: m.population === null ? null : municipalitySizeBand(m.population),
        })
        .where('id', '=', revision.revisionId)
        .execute();
    } else if (step === 'confirmCurrent') {
      await scope.db
        .updateTable('good_practice_revision')
        .set({ reviewed_by: scope.actor.userId, last_reviewed_on: today })
        .where('id', '=', revision.revisionId)
        .execute();
    } else {
      await scope.db
        .updateTable('good_practice_revision')
        .set({ state: to, review_note: note.trim().slice(0, 2000) })
        .where('id', '=', revision.revisionId)
        .execute();
    }
    await recordChange(scope.db, scope.actor, {
      recordType: 'goodPractice',
      recordId: exampleId,
      action: step,
      note: note.trim(),
    });
    await scope.audit({
      action: 'example.step',
      recordType: 'goodPractice',
      recordId: exampleId,
      reason: step,
    });
    return { ok: true };
  });
}

// ---- Comments ----

export type CommentOutcome = { ok: true } | { ok: false; errors: FieldError<CommentRefusal>[] };

/**
 * A comment from the public on a published example: sanitised, checked by the guard, and held
 * until an editor approves it. Audited in the chain of the example's municipality (the commenter's
 * name and address are personal data).
 */
export async function postComment(
  db: Kysely<Database>,
  context: RequestContext,
  exampleId: string,
  input: CommentInput,
  today: string,
): Promise<CommentOutcome> {
  return withAccess(db, context, async (scope) => {
    const example = await scope.db
      .selectFrom('good_practice as g')
      .innerJoin('good_practice_revision as r', 'r.example_id', 'g.id')
      .select('g.author_municipality_id')
      .where('g.id', '=', exampleId)
      .where('r.state', '=', 'published')
      .executeTakeFirst();
    if (!example) throw notFound();
    scope.authorize('comment.post', {
      type: 'exampleComments',
      municipalityId: example.author_municipality_id,
    });
    const outcome = validateComment(input, today);
    if (!outcome.ok) return { ok: false, errors: outcome.errors };
    const row = await scope.db
      .insertInto('good_practice_comment')
      .values({
        example_id: exampleId,
        state: 'pending',
        name: outcome.value.name,
        email: outcome.value.email,
        body_html: outcome.value.bodyHtml,
        moderator_warnings: JSON.stringify(outcome.value.moderatorWarnings),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await scope.audit({ action: 'comment.post', recordType: 'comment', recordId: row.id });
    return { ok: true };
  });
}

export async function moderateComment(
  db: Kysely<Database>,
  context: RequestContext,
  commentId: string,
  step: ModerationStep,
  reason: string,
): Promise<{ ok: true } | { ok: false; refusal: ModerationRefusal }> {
  return withAccess(db, context, async (scope) => {
    const comment = await scope.db
      .selectFrom('good_practice_comment')
      .select(['id', 'state', 'example_id'])
      .where('id', '=', commentId)
      .executeTakeFirst();
    if (!comment) throw notFound();
    const editor = await isEditor(scope.db, scope.actor.userId);
    scope.authorize('comment.moderate', resource(context, editor, null));
    const refusal = moderationRefusal(step, comment, { isEditor: editor }, reason);
    if (refusal) return { ok: false, refusal };
    await scope.db
      .updateTable('good_practice_comment')
      .set({
        state: commentStateAfter(step),
        moderated_by: scope.actor.userId,
        moderated_at: new Date(),
        removal_reason: reason.trim().slice(0, 2000),
      })
      .where('id', '=', commentId)
      .execute();
    await recordChange(scope.db, scope.actor, {
      recordType: 'goodPractice',
      recordId: comment.example_id,
      action: step,
      note: reason.trim(),
    });
    await scope.audit({
      action: 'comment.moderate',
      recordType: 'comment',
      recordId: commentId,
      reason: step,
    });
    return { ok: true };
  });
}
