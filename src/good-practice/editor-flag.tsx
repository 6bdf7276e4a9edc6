import { Type } from 'typebox';
import { withAccess } from '../platform/access/scope.ts';
import type { Role } from '../platform/db/schema.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { notFound } from '../platform/http/errors.ts';
import { requireSignedInPage } from '../platform/http/guards.ts';
import { sendPage } from '../platform/http/render.ts';
import { Id, OptionalLine as line, OptionalText as text } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { textsFor } from '../platform/i18n/i18n.ts';
import { CsrfField, Notice } from '../platform/layout/forms.tsx';
import { Layout } from '../platform/layout/Layout.tsx';
import { type PageContext, pageContext } from '../platform/layout/page-context.ts';
import { withLang } from './views/shared.tsx';

/**
 * The administrator's page for the good-examples editor flag (docs/decisions/0105, 0109): who
 * of the municipality's staff reviews examples and moderates comments. The administrator manages
 * accounts (`user.manage`) and reads no example here; setting or clearing the flag is audited as
 * `user.goodPracticeEditor`. Only roles that may write examples can be editors.
 */

export const editorFlagRoles: readonly Role[] = [
  'manager',
  'socialWorker',
  'intakeWorker',
  'partnerProfessional',
  'guideEditor',
];

export const editorFlagTexts = textsFor({
  sv: {
    nav: 'Redaktörer för goda exempel',
    title: 'Redaktörer för goda exempel',
    intro:
      'En redaktör granskar andra organisationers goda exempel innan de publiceras och godkänner kommentarer. Den som skrivit ett exempel granskar aldrig sitt eget.',
    name: 'Namn',
    organisation: 'Organisation',
    editor: 'Redaktör',
    yes: 'Ja',
    no: 'Nej',
    make: (name: string) => `Gör ${name} till redaktör`,
    clear: (name: string) => `Ta bort ${name} som redaktör`,
    none: 'Inga användare kan bli redaktörer.',
    saved: 'Ändringen är sparad.',
    socialServices: 'Socialtjänsten',
    auditAction: 'Ändrade vem som är redaktör för goda exempel',
  },
  en: {
    nav: 'Good-example editors',
    title: 'Editors of good examples',
    intro:
      "An editor reviews other organisations' good examples before they are published and approves comments. Whoever wrote an example never reviews it.",
    name: 'Name',
    organisation: 'Organisation',
    editor: 'Editor',
    yes: 'Yes',
    no: 'No',
    make: (name: string) => `Make ${name} an editor`,
    clear: (name: string) => `Remove ${name} as editor`,
    none: 'No users can become editors.',
    saved: 'The change is saved.',
    socialServices: 'Social services',
    auditAction: 'Changed who edits good examples',
  },
});

const administration = (municipalityId: string) => ({ type: 'administration' as const, municipalityId });

interface EditorRow {
  id: string;
  displayName: string;
  organisation: string | null;
  editor: boolean;
}

/** A table that scrolls sideways on a narrow screen, reachable with the keyboard. */
function TableWrap({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <section class="table-wrap" tabindex={0} aria-label={label}>
      {children}
    </section>
  );
}

function EditorsPage({
  ctx,
  users,
  notice,
}: {
  ctx: PageContext;
  users: EditorRow[];
  notice?: string | undefined;
}) {
  const x = editorFlagTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={x.title}>
      <h1>{x.title}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <p>{x.intro}</p>
      {users.length === 0 ? (
        <p>{x.none}</p>
      ) : (
        <TableWrap label={x.title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{x.name}</th>
                <th scope="col">{x.organisation}</th>
                <th scope="col">{x.editor}</th>
                <th scope="col">
                  <span class="visually-hidden">{x.editor}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.displayName}</th>
                  <td>{u.organisation ?? x.socialServices}</td>
                  <td>{u.editor ? x.yes : x.no}</td>
                  <td>
                    <form
                      method="post"
                      action={withLang(`/examples/editors/${u.id}`, ctx.lang)}
                      class="inline-form"
                    >
                      <CsrfField token={ctx.csrf} />
                      <input type="hidden" name="editor" value={u.editor ? 'no' : 'yes'} />
                      <button type="submit" class="button button--secondary button--small">
                        {u.editor ? x.clear(u.displayName) : x.make(u.displayName)}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Layout>
  );
}

export async function editorFlagRoutes(app: App): Promise<void> {
  const page = { preHandler: requireSignedInPage };
  const html = { 200: Type.String() };

  app.get(
    '/examples/editors',
    { ...page, schema: { querystring: Type.Object({ lang: line(5), done: line(20) }), response: html } },
    async (request, reply) => {
      const users = await withAccess(app.db, accessContext(request), async (scope) => {
        scope.authorize('user.manage', administration(scope.actor.municipalityId));
        return scope.db
          .selectFrom('user_account as u')
          .leftJoin('partner_organisation as o', 'o.id', 'u.partner_organisation_id')
          .select([
            'u.id',
            'u.display_name as displayName',
            'o.name as organisation',
            'u.good_practice_editor as editor',
          ])
          .where('u.municipality_id', '=', scope.actor.municipalityId)
          .where('u.active', '=', true)
          .where('u.role', 'in', editorFlagRoles)
          .orderBy('u.display_name')
          .execute();
      });
      const ctx = pageContext(request);
      const notice = request.query.done === 'saved' ? editorFlagTexts(ctx.lang).saved : undefined;
      return sendPage(reply, <EditorsPage ctx={ctx} users={users} notice={notice} />);
    },
  );

  app.post(
    '/examples/editors/:userId',
    {
      ...page,
      schema: {
        params: Type.Object({ userId: Id }),
        querystring: Type.Object({ lang: line(5) }),
        body: Type.Object({
          editor: Type.Union([Type.Literal('yes'), Type.Literal('no')]),
          _csrf: text(200),
        }),
      },
    },
    async (request, reply) => {
      await withAccess(app.db, accessContext(request), async (scope) => {
        scope.authorize('user.manage', administration(scope.actor.municipalityId));
        const changed = await scope.db
          .updateTable('user_account')
          .set({ good_practice_editor: request.body.editor === 'yes' })
          .where('id', '=', request.params.userId)
          .where('municipality_id', '=', scope.actor.municipalityId)
          .where('active', '=', true)
          .where('role', 'in', editorFlagRoles)
          .returning('id')
          .executeTakeFirst();
        // Another municipality's user, an administrator or an unknown id: nothing to change here.
        if (!changed) throw notFound();
        await scope.audit({
          action: 'user.goodPracticeEditor',
          recordType: 'user',
          recordId: changed.id,
          reason: request.body.editor === 'yes' ? 'set' : 'cleared',
        });
      });
      return reply.redirect(withLang('/examples/editors?done=saved', pageContext(request).lang), 303);
    },
  );
}
