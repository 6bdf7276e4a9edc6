import { formatDateTime } from '../../platform/dates.ts';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { guideEditorTexts } from '../i18n/editor/index.ts';
import type { ChangeRow, RevisionSummary } from '../queries.ts';
import { type GuideLanguage, guideLanguages } from '../schema.ts';
import { History } from './history.tsx';
import { LanguageName } from './language-name.tsx';

export interface EditorEntryRow {
  entryId: string;
  title: string;
  perLang: Partial<Record<GuideLanguage, { published?: RevisionSummary; open?: RevisionSummary }>>;
}

export function editorRows(revisions: RevisionSummary[]): EditorEntryRow[] {
  const rows = new Map<string, EditorEntryRow>();
  for (const r of revisions) {
    const row = rows.get(r.entry_id) ?? { entryId: r.entry_id, title: '', perLang: {} };
    const slot = row.perLang[r.lang] ?? {};
    row.perLang[r.lang] = slot;
    if (r.state === 'published') slot.published = r;
    else slot.open = r;
    if (r.lang === 'sv' && (!row.title || r.state !== 'published')) row.title = r.title;
    rows.set(r.entry_id, row);
  }
  const collator = new Intl.Collator('sv');
  return [...rows.values()].sort((a, b) => collator.compare(a.title, b.title));
}

export function EditorListPage({
  ctx,
  revisions,
  settingsChanges,
  municipalityCode,
}: {
  ctx: PageContext;
  revisions: RevisionSummary[];
  settingsChanges: ChangeRow[];
  municipalityCode: string;
}) {
  const g = guideEditorTexts(ctx.lang);
  const rows = editorRows(revisions);
  const waiting = revisions.filter((r) => r.state === 'draft' || r.state === 'reviewed');
  const titleOf = (entryId: string) => rows.find((r) => r.entryId === entryId)?.title ?? '';
  return (
    <Layout ctx={ctx} title={g.title}>
      <h1>{g.title}</h1>
      <p class="lead">{g.intro}</p>
      <ul class="button-row plain">
        <li>
          <a class="button" href="/guide-editor/entries/new">
            {g.newEntry}
          </a>
        </li>
        <li>
          <a class="button button--secondary" href="/guide-editor/settings">
            {g.settings}
          </a>
        </li>
        <li>
          <a class="button button--secondary" href={`/guide/${ctx.lang}?m=${municipalityCode}`}>
            {g.viewPublic}
          </a>
        </li>
      </ul>
      <h2>{g.waiting}</h2>
      {waiting.length === 0 ? (
        <p>{g.nothingWaiting}</p>
      ) : (
        <ul class="plain-list">
          {waiting.map((r) => (
            <li key={r.id}>
              <a href={`/guide-editor/entries/${r.entry_id}#lang-${r.lang}`}>{titleOf(r.entry_id)}</a> –{' '}
              <LanguageName lang={r.lang} />: {g.states[r.state as 'draft']} (
              {g.editedBy(r.editor_name, formatDateTime(r.edited_at))})
            </li>
          ))}
        </ul>
      )}
      <h2>{g.entry}</h2>
      {rows.length === 0 ? <p>{g.noEntries}</p> : null}
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{g.entry}</th>
              <th scope="col">{g.states.published}</th>
              <th scope="col">{g.open}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const published = guideLanguages.filter((l) => row.perLang[l]?.published);
              const open = guideLanguages.filter((l) => row.perLang[l]?.open);
              return (
                <tr key={row.entryId}>
                  <td>
                    <a href={`/guide-editor/entries/${row.entryId}`}>{row.title}</a>
                  </td>
                  <td>
                    {published.length ? (
                      <ul class="comma-list">
                        {published.map((l) => (
                          <li key={l}>
                            <LanguageName lang={l} />
                          </li>
                        ))}
                      </ul>
                    ) : (
                      g.states.missing
                    )}
                  </td>
                  <td>
                    <ul class="comma-list">
                      {open.map((l) => (
                        <li key={l}>
                          <LanguageName lang={l} /> ({g.states[row.perLang[l]!.open!.state as 'draft']})
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {settingsChanges.length ? (
        <>
          <h2>{g.settings}</h2>
          <History ctx={ctx} changes={settingsChanges} />
        </>
      ) : null}
    </Layout>
  );
}
