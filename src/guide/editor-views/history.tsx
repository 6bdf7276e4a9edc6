import { formatDateTime } from '../../platform/dates.ts';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { guideEditorTexts } from '../i18n/editor/index.ts';
import type { ChangeRow } from '../queries.ts';
import { LanguageName } from './language-name.tsx';

export function History({ ctx, changes }: { ctx: PageContext; changes: ChangeRow[] }) {
  const g = guideEditorTexts(ctx.lang);
  if (changes.length === 0) return <p>{g.noHistory}</p>;
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{g.when}</th>
            <th scope="col">{g.who}</th>
            <th scope="col">{g.language}</th>
            <th scope="col">{g.what}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.id}>
              <td>{formatDateTime(c.occurred_at)}</td>
              <td>{c.actor_name}</td>
              <td>{c.lang ? <LanguageName lang={c.lang} /> : '–'}</td>
              <td>
                {g.actions[c.action]}
                {c.revision_no ? ` (${g.version(c.revision_no).toLowerCase()})` : ''}
                {c.fields.length ? `: ${c.fields.map((f) => g.fields[f] ?? f).join(', ')}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
