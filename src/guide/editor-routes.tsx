import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AccessDenied, ensureAllowed } from '../platform/access/scope.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { Id, Line, OptionalText as text } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { messages } from '../platform/i18n/messages.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import { pageContext } from '../platform/layout/page-context.ts';
import { type RevisionError, textLimits } from './domain.ts';
import { EntryEditorPage } from './editor-views/entry-page.tsx';
import { EditorListPage } from './editor-views/list-page.tsx';
import { formValues, RevisionFormPage } from './editor-views/revision-page.tsx';
import { SettingsPage } from './editor-views/settings-page.tsx';
import { guideEditorTexts } from './i18n/editor/index.ts';
import { isGuideLanguage } from './languages.ts';
import type { GuideLanguage } from './schema.ts';
import {
  createEntry,
  editorOverview,
  entryForEditor,
  type SettingsField,
  saveRevision,
  saveSettings,
  settingsForEditor,
  takeStep,
} from './service.ts';

const list = Type.Optional(Type.Array(Line(40), { maxItems: 30 }));
const html = { 200: Type.String() };
const pageOptions = { preHandler: requireSignedInPage };
const entryParams = Type.Object({ id: Id });
const langParams = Type.Object({ id: Id, lang: Line(20) });

// Limits at the edge are generous so that a too-long text gets its own message from validation.
export const revisionBody = Type.Object({
  title: text(5000),
  summary: text(20000),
  forWhom: text(20000),
  howToGet: text(20000),
  hours: text(5000),
  level: text(40),
  organisationKind: text(40),
  provider: text(5000),
  ageFrom: text(10),
  ageTo: text(10),
  situations: list,
  access: text(40),
  languages: list,
  interpreter: text(5),
  phone: text(200),
  email: text(1000),
  website: text(2000),
  address: text(2000),
  _csrf: text(200),
});

const settingsBody = Type.Object({
  intakePhone: text(200),
  afterHoursPhone: text(200),
  contactEmail: text(1000),
  contactPhone: text(200),
  _csrf: text(200),
});

function revisionErrors(errors: RevisionError[], lang: Lang): FieldErrors {
  const t = messages(lang);
  const g = guideEditorTexts(lang);
  const result: FieldErrors = {};
  for (const { field, code } of errors) {
    if (code === 'required') result[field] = t.errors.field.required;
    else if (code === 'tooLong')
      result[field] = t.errors.field.tooLong(field in textLimits ? textLimits[field as 'title'].max : 300);
    else if (field === 'phone') result[field] = g.phoneInvalid;
    else if (field === 'email') result[field] = g.emailInvalid;
    else if (field === 'website') result[field] = g.websiteInvalid;
    else if (field === 'ageFrom' || field === 'ageTo') result[field] = g.ageInvalid;
    else result[field] = t.errors.field.invalid;
  }
  return result;
}

const guideResource = (request: FastifyRequest) => ({
  type: 'guide' as const,
  municipalityId: request.actor?.municipalityId ?? '',
});

/** The editors' pages: entries, translations, review and publication (decision 0022). */
export async function guideEditorRoutes(app: App): Promise<void> {
  app.get(
    '/guide-editor',
    { ...pageOptions, schema: { querystring: Type.Object({ lang: text(5) }), response: html } },
    async (request, reply) => {
      const overview = await editorOverview(app.db, accessContext(request));
      return sendPage(reply, <EditorListPage ctx={pageContext(request)} {...overview} />);
    },
  );

  app.get(
    '/guide-editor/entries/new',
    { ...pageOptions, schema: { querystring: Type.Object({ lang: text(5) }), response: html } },
    async (request, reply) => {
      ensureAllowed(request.actor, 'guide.edit', guideResource(request));
      return sendPage(
        reply,
        <RevisionFormPage
          ctx={pageContext(request)}
          entryId={null}
          lang="sv"
          values={{ languages: ['sv'] }}
        />,
      );
    },
  );

  app.post(
    '/guide-editor/entries',
    { ...pageOptions, schema: { body: revisionBody } },
    async (request, reply) => {
      const outcome = await createEntry(app.db, accessContext(request), request.body);
      if (outcome.ok) return reply.redirect(`/guide-editor/entries/${outcome.entryId}?notice=saved`, 303);
      const ctx = pageContext(request);
      const errors = 'errors' in outcome ? revisionErrors(outcome.errors, ctx.lang) : {};
      return sendPage(
        reply,
        <RevisionFormPage ctx={ctx} entryId={null} lang="sv" values={request.body} errors={errors} />,
        400,
      );
    },
  );

  const notices = ['saved', 'unchanged', 'review', 'publish', 'withdraw'] as const;
  app.get(
    '/guide-editor/entries/:id',
    {
      ...pageOptions,
      schema: {
        params: entryParams,
        querystring: Type.Object({ notice: text(40), lang: text(5) }),
        response: html,
      },
    },
    async (request, reply) => {
      const entry = await entryForEditor(app.db, accessContext(request), request.params.id);
      if (!entry) throw notFound();
      const g = guideEditorTexts(request.lang);
      const notice = notices.find((n) => n === request.query.notice);
      const noticeText = notice
        ? {
            saved: g.saved,
            unchanged: g.unchanged,
            review: g.reviewedNotice,
            publish: g.publishedNotice,
            withdraw: g.withdrawnNotice,
          }[notice]
        : undefined;
      return sendPage(
        reply,
        <EntryEditorPage
          ctx={pageContext(request)}
          entryId={request.params.id}
          {...entry}
          notice={noticeText}
        />,
      );
    },
  );

  app.get(
    '/guide-editor/entries/:id/:lang/edit',
    {
      ...pageOptions,
      schema: { params: langParams, querystring: Type.Object({ lang: text(5) }), response: html },
    },
    async (request, reply) => {
      const lang = request.params.lang;
      if (!isGuideLanguage(lang)) throw notFound();
      const entry = await entryForEditor(app.db, accessContext(request), request.params.id);
      if (!entry) throw notFound();
      return sendPage(reply, revisionForm(request, request.params.id, lang, entry.revisions));
    },
  );

  function revisionForm(
    request: FastifyRequest,
    entryId: string,
    lang: GuideLanguage,
    revisions: NonNullable<Awaited<ReturnType<typeof entryForEditor>>>['revisions'],
    values?: Record<string, unknown>,
    errors?: FieldErrors,
  ) {
    const ofLang = revisions.filter((r) => r.lang === lang);
    const base =
      ofLang.find((r) => r.state === 'draft' || r.state === 'reviewed') ??
      ofLang.find((r) => r.state === 'published');
    const sv = revisions.filter((r) => r.lang === 'sv');
    const source = lang === 'sv' ? undefined : (sv.find((r) => r.state === 'published') ?? sv[0]);
    const stale = !!(source && base?.source_revision_id && base.source_revision_id !== source.id);
    return (
      <RevisionFormPage
        ctx={pageContext(request)}
        entryId={entryId}
        lang={lang}
        values={values ?? formValues(base)}
        errors={errors}
        source={source}
        stale={stale}
      />
    );
  }

  app.post(
    '/guide-editor/entries/:id/:lang/edit',
    { ...pageOptions, schema: { params: langParams, body: revisionBody } },
    async (request, reply) => {
      const { id, lang } = request.params;
      if (!isGuideLanguage(lang)) throw notFound();
      const outcome = await saveRevision(app.db, accessContext(request), id, lang, request.body);
      if (outcome.ok)
        return reply.redirect(
          `/guide-editor/entries/${id}?notice=${outcome.changed ? 'saved' : 'unchanged'}#lang-${lang}`,
          303,
        );
      if ('notFound' in outcome) throw notFound();
      const entry = await entryForEditor(app.db, accessContext(request), id);
      if (!entry) throw notFound();
      const errors = 'errors' in outcome ? revisionErrors(outcome.errors, request.lang) : {};
      return sendPage(reply, revisionForm(request, id, lang, entry.revisions, request.body, errors), 400);
    },
  );

  app.post(
    '/guide-editor/revisions/:revisionId/:step',
    {
      ...pageOptions,
      schema: {
        params: Type.Object({
          revisionId: Id,
          step: Type.Union([Type.Literal('review'), Type.Literal('publish'), Type.Literal('withdraw')]),
        }),
        body: Type.Object({ _csrf: text(200) }),
      },
    },
    async (request, reply) => {
      const { revisionId, step } = request.params;
      const g = guideEditorTexts(request.lang);
      try {
        const outcome = await takeStep(app.db, accessContext(request), revisionId, step);
        if (outcome.ok)
          return reply.redirect(
            `/guide-editor/entries/${outcome.entryId}?notice=${step}#lang-${outcome.lang}`,
            303,
          );
        if (outcome.reason === 'notFound') throw notFound();
        // The revision exists: show its entry with the reason the step was refused.
        const revision = await app.db
          .selectFrom('guide_revision')
          .select('entry_id')
          .where('municipality_id', '=', request.actor!.municipalityId)
          .where('id', '=', revisionId)
          .executeTakeFirstOrThrow();
        return entryPageWithError(
          request,
          revision.entry_id,
          outcome.reason === 'wrongState' ? g.wrongState : g.swedishFirst,
          409,
        );
      } catch (error) {
        if (error instanceof AccessDenied && error.reason === 'ownChange') {
          const revision = await app.db
            .selectFrom('guide_revision')
            .select('entry_id')
            .where('municipality_id', '=', request.actor!.municipalityId)
            .where('id', '=', revisionId)
            .executeTakeFirstOrThrow();
          return entryPageWithError(request, revision.entry_id, g.ownChange, 403);
        }
        throw error;
      }

      async function entryPageWithError(
        request: FastifyRequest,
        entryId: string,
        message: string,
        status: number,
      ) {
        const entry = await entryForEditor(app.db, accessContext(request), entryId);
        if (!entry) throw notFound();
        return sendPage(
          reply,
          <EntryEditorPage ctx={pageContext(request)} entryId={entryId} {...entry} error={message} />,
          status,
        );
      }
    },
  );

  app.get(
    '/guide-editor/settings',
    {
      ...pageOptions,
      schema: { querystring: Type.Object({ notice: text(40), lang: text(5) }), response: html },
    },
    async (request, reply) => {
      const settings = await settingsForEditor(app.db, accessContext(request));
      const { settingsChanges } = await editorOverview(app.db, accessContext(request));
      return sendPage(
        reply,
        <SettingsPage
          ctx={pageContext(request)}
          values={settings ?? {}}
          changes={settingsChanges}
          notice={request.query.notice === 'saved' ? guideEditorTexts(request.lang).settingsSaved : undefined}
        />,
      );
    },
  );

  app.post(
    '/guide-editor/settings',
    { ...pageOptions, schema: { body: settingsBody } },
    async (request, reply) => {
      const outcome = await saveSettings(app.db, accessContext(request), request.body);
      if (outcome.ok) return reply.redirect('/guide-editor/settings?notice=saved', 303);
      const g = guideEditorTexts(request.lang);
      const errors: FieldErrors = {};
      for (const field of outcome.errors as SettingsField[])
        errors[field] = field === 'contactEmail' ? g.emailInvalid : g.phoneInvalid;
      const { settingsChanges } = await editorOverview(app.db, accessContext(request));
      return sendPage(
        reply,
        <SettingsPage
          ctx={pageContext(request)}
          values={request.body}
          errors={errors}
          changes={settingsChanges}
        />,
        400,
      );
    },
  );
}
