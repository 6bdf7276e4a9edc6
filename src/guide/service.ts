import type { Kysely } from 'kysely';
import type { Resource } from '../platform/access/policy.ts';
import { type RequestContext, withAccess } from '../platform/access/scope.ts';
import type { Database } from '../platform/db/schema.ts';
import {
  canTake,
  changedFields,
  editTarget,
  type GuideStep,
  type RevisionError,
  type RevisionInput,
  revisionSearchText,
  validateRevision,
} from './domain.ts';
import {
  type ChangeRow,
  changesOf,
  currentRevisions,
  entryExists,
  type FullRevision,
  type GuideSettings,
  guideSettings,
  insertEntry,
  type RevisionSummary,
  recordChange,
  revisionById,
  revisionColumns,
  revisionsOf,
  revisionValue,
} from './queries.ts';
import type { GuideLanguage, GuideRevision } from './schema.ts';

/**
 * What editors do with the guide: each call is one transaction in which the policy decides and the
 * audit trail records the change. The guide holds no personal data, but a public text that tells
 * worried parents whom to call must show who changed it (decision 0022).
 */

const guide = (context: RequestContext, lastEditedBy?: string | null): Resource => ({
  type: 'guide',
  municipalityId: context.actor?.municipalityId ?? '',
  lastEditedBy: lastEditedBy ?? null,
});

const audited = (revisionId: string) => ({ recordType: 'guideRevision', recordId: revisionId });

export async function editorOverview(
  db: Kysely<Database>,
  context: RequestContext,
): Promise<{ revisions: RevisionSummary[]; settingsChanges: ChangeRow[]; municipalityCode: string }> {
  return withAccess(db, context, async (scope) => {
    scope.authorize('guide.edit', guide(context));
    return {
      revisions: await currentRevisions(scope),
      settingsChanges: await changesOf(scope, null),
      municipalityCode: await municipalityCode(scope),
    };
  });
}

/** The editor's own municipality's code, for links to its public guide (?m=). */
async function municipalityCode(scope: Parameters<Parameters<typeof withAccess>[2]>[0]): Promise<string> {
  const row = await scope.db
    .selectFrom('municipality')
    .select('code')
    .where('id', '=', scope.actor.municipalityId)
    .executeTakeFirstOrThrow();
  return row.code;
}

export interface EntryForEditor {
  revisions: FullRevision[];
  changes: ChangeRow[];
  municipalityCode: string;
}

export async function entryForEditor(
  db: Kysely<Database>,
  context: RequestContext,
  entryId: string,
): Promise<EntryForEditor | null> {
  return withAccess(db, context, async (scope) => {
    scope.authorize('guide.edit', guide(context));
    if (!(await entryExists(scope, entryId))) return null;
    return {
      revisions: await revisionsOf(scope, entryId),
      changes: await changesOf(scope, entryId),
      municipalityCode: await municipalityCode(scope),
    };
  });
}

export type SaveOutcome =
  | { ok: true; entryId: string; revisionId: string; changed: boolean }
  | { ok: false; errors: RevisionError[] }
  | { ok: false; notFound: true };

export async function createEntry(
  db: Kysely<Database>,
  context: RequestContext,
  input: RevisionInput,
): Promise<SaveOutcome> {
  return withAccess(db, context, async (scope) => {
    scope.authorize('guide.edit', guide(context));
    const valid = validateRevision(input, 'sv');
    if (!valid.ok) return { ok: false, errors: valid.errors };
    const entryId = await insertEntry(scope);
    const revision = await scope.db
      .insertInto('guide_revision')
      .values({
        municipality_id: scope.actor.municipalityId,
        entry_id: entryId,
        lang: 'sv',
        revision_no: 1,
        state: 'draft',
        ...revisionColumns(valid.value),
        search_text: revisionSearchText(valid.value),
        edited_by: scope.actor.userId,
        edited_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordChange(scope, {
      entryId,
      revisionId: revision.id,
      lang: 'sv',
      action: 'created',
      fields: changedFields(null, valid.value),
    });
    await scope.audit({ action: 'guide.edit', ...audited(revision.id) });
    return { ok: true, entryId, revisionId: revision.id, changed: true };
  });
}

/**
 * Saves an editor's text for one language. An open revision (draft or reviewed) is changed in
 * place and goes back to draft, since its review no longer covers it; otherwise a new draft is
 * started and the published revision stays live until the draft is published.
 */
export async function saveRevision(
  db: Kysely<Database>,
  context: RequestContext,
  entryId: string,
  lang: GuideLanguage,
  input: RevisionInput,
): Promise<SaveOutcome> {
  return withAccess(db, context, async (scope) => {
    scope.authorize('guide.edit', guide(context));
    if (!(await entryExists(scope, entryId))) return { ok: false, notFound: true };
    const valid = validateRevision(input, lang);
    if (!valid.ok) return { ok: false, errors: valid.errors };
    const revisions = await revisionsOf(scope, entryId);
    const ofLang = revisions.filter((r) => r.lang === lang);
    const open = ofLang.find((r) => r.state === 'draft' || r.state === 'reviewed');
    const published = ofLang.find((r) => r.state === 'published');
    const base = open ?? published;
    const fields = changedFields(base ? revisionValue(base) : null, valid.value);
    if (base && fields.length === 0 && open?.state !== 'reviewed') {
      return { ok: true, entryId, revisionId: base.id, changed: false };
    }
    // A translation remembers which Swedish text it was made from, so editors see when it is stale.
    const swedishSource =
      lang === 'sv'
        ? null
        : ((
            revisions.find((r) => r.lang === 'sv' && r.state === 'published') ??
            revisions.find((r) => r.lang === 'sv')
          )?.id ?? null);
    const columns = {
      ...revisionColumns(valid.value),
      search_text: revisionSearchText(valid.value),
      source_revision_id: swedishSource,
      edited_by: scope.actor.userId,
      edited_at: new Date(),
    };
    let revisionId: string;
    if (open && editTarget(open.state) === 'inPlace') {
      await scope.db
        .updateTable('guide_revision')
        .set({ ...columns, state: 'draft', reviewed_by: null, reviewed_at: null })
        .where('municipality_id', '=', scope.actor.municipalityId)
        .where('id', '=', open.id)
        .execute();
      revisionId = open.id;
    } else {
      const row = await scope.db
        .insertInto('guide_revision')
        .values({
          municipality_id: scope.actor.municipalityId,
          entry_id: entryId,
          lang,
          revision_no: Math.max(0, ...ofLang.map((r) => r.revision_no)) + 1,
          state: 'draft',
          ...columns,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      revisionId = row.id;
    }
    await recordChange(scope, { entryId, revisionId, lang, action: 'edited', fields });
    await scope.audit({ action: 'guide.edit', ...audited(revisionId) });
    return { ok: true, entryId, revisionId, changed: true };
  });
}

export type StepOutcome =
  | { ok: true; entryId: string; lang: GuideLanguage }
  | { ok: false; reason: 'notFound' | 'wrongState' | 'swedishFirst' };

const stepAction = { review: 'guide.review', publish: 'guide.publish', withdraw: 'guide.publish' } as const;
const stepChange = { review: 'reviewed', publish: 'published', withdraw: 'withdrawn' } as const;

/** Reviews, publishes or withdraws one revision. Review is refused to the revision's last editor. */
export async function takeStep(
  db: Kysely<Database>,
  context: RequestContext,
  revisionId: string,
  step: GuideStep,
): Promise<StepOutcome> {
  return withAccess(db, context, async (scope) => {
    const found = await revisionById(scope, revisionId);
    if (!found) {
      scope.authorize(stepAction[step], guide(context));
      return { ok: false, reason: 'notFound' };
    }
    scope.authorize(stepAction[step], guide(context, found.edited_by), { audit: audited(revisionId) });
    await entryExists(scope, found.entry_id); // takes the entry's lock before reading its state
    const revision = (await revisionById(scope, revisionId)) as GuideRevision;
    if (!canTake(step, revision.state)) return { ok: false, reason: 'wrongState' };
    const now = new Date();
    const m = scope.actor.municipalityId;
    if (step === 'review') {
      await scope.db
        .updateTable('guide_revision')
        .set({ state: 'reviewed', reviewed_by: scope.actor.userId, reviewed_at: now })
        .where('municipality_id', '=', m)
        .where('id', '=', revisionId)
        .execute();
    } else if (step === 'publish') {
      if (revision.lang !== 'sv') {
        const swedish = await scope.db
          .selectFrom('guide_revision')
          .select('id')
          .where('municipality_id', '=', m)
          .where('entry_id', '=', revision.entry_id)
          .where('lang', '=', 'sv')
          .where('state', '=', 'published')
          .executeTakeFirst();
        if (!swedish) return { ok: false, reason: 'swedishFirst' };
      }
      // The old version stays live until this moment; both changes commit together.
      await scope.db
        .updateTable('guide_revision')
        .set({ state: 'superseded' })
        .where('municipality_id', '=', m)
        .where('entry_id', '=', revision.entry_id)
        .where('lang', '=', revision.lang)
        .where('state', '=', 'published')
        .execute();
      await scope.db
        .updateTable('guide_revision')
        .set({ state: 'published', published_by: scope.actor.userId, published_at: now })
        .where('municipality_id', '=', m)
        .where('id', '=', revisionId)
        .execute();
    } else {
      await scope.db
        .updateTable('guide_revision')
        .set({ state: 'withdrawn' })
        .where('municipality_id', '=', m)
        .where('id', '=', revisionId)
        .execute();
    }
    await recordChange(scope, {
      entryId: revision.entry_id,
      revisionId,
      lang: revision.lang,
      action: stepChange[step],
    });
    await scope.audit({ action: stepAction[step], ...audited(revisionId) });
    return { ok: true, entryId: revision.entry_id, lang: revision.lang };
  });
}

export async function settingsForEditor(
  db: Kysely<Database>,
  context: RequestContext,
): Promise<GuideSettings | null> {
  return withAccess(db, context, async (scope) => {
    scope.authorize('guide.edit', guide(context));
    return guideSettings(scope.db, scope.actor.municipalityId);
  });
}

export type SettingsField = keyof GuideSettings;
const settingsPhone = /^\+?[0-9][0-9 ()-]{1,38}$/;
const settingsEmail = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

export function validateSettings(
  input: Partial<Record<SettingsField, string | undefined>>,
): { ok: true; value: GuideSettings } | { ok: false; errors: SettingsField[] } {
  const value = {
    intakePhone: (input.intakePhone ?? '').trim(),
    afterHoursPhone: (input.afterHoursPhone ?? '').trim(),
    contactEmail: (input.contactEmail ?? '').trim(),
    contactPhone: (input.contactPhone ?? '').trim(),
  };
  const errors: SettingsField[] = [];
  for (const field of ['intakePhone', 'afterHoursPhone', 'contactPhone'] as const)
    if (!settingsPhone.test(value[field])) errors.push(field);
  if (value.contactEmail.length > 200 || !settingsEmail.test(value.contactEmail)) errors.push('contactEmail');
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

/**
 * The contact numbers on every guide page. They change rarely and take effect at once; the change
 * is audited and in the history (decision 0022).
 */
export async function saveSettings(
  db: Kysely<Database>,
  context: RequestContext,
  input: Partial<Record<SettingsField, string | undefined>>,
): Promise<{ ok: true } | { ok: false; errors: SettingsField[] }> {
  return withAccess(db, context, async (scope) => {
    scope.authorize('guide.publish', guide(context));
    const valid = validateSettings(input);
    if (!valid.ok) return valid;
    const before = await guideSettings(scope.db, scope.actor.municipalityId);
    const fields = (Object.keys(valid.value) as SettingsField[]).filter(
      (k) => before?.[k] !== valid.value[k],
    );
    if (fields.length === 0) return { ok: true };
    const row = {
      intake_phone: valid.value.intakePhone,
      after_hours_phone: valid.value.afterHoursPhone,
      contact_email: valid.value.contactEmail,
      contact_phone: valid.value.contactPhone,
      updated_by: scope.actor.userId,
      updated_at: new Date(),
    };
    await scope.db
      .insertInto('guide_setting')
      .values({ municipality_id: scope.actor.municipalityId, ...row })
      .onConflict((oc) => oc.column('municipality_id').doUpdateSet(row))
      .execute();
    await recordChange(scope, { entryId: null, revisionId: null, lang: null, action: 'settings', fields });
    await scope.audit({
      action: 'guide.publish',
      recordType: 'guideSettings',
      recordId: scope.actor.municipalityId,
    });
    return { ok: true };
  });
}
