import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  TextField,
} from '../../platform/layout/forms.tsx';
import { Layout } from '../../platform/layout/Layout.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { guideEditorTexts } from '../i18n/editor/index.ts';
import type { ChangeRow, GuideSettings } from '../queries.ts';
import { History } from './history.tsx';

export function SettingsPage({
  ctx,
  values,
  errors = {},
  changes,
  notice,
}: {
  ctx: PageContext;
  values: Partial<GuideSettings>;
  errors?: FieldErrors;
  changes: ChangeRow[];
  notice?: string | undefined;
}) {
  const g = guideEditorTexts(ctx.lang);
  return (
    <Layout ctx={ctx} title={g.settingsTitle}>
      <p>
        <a href="/guide-editor">{g.title}</a>
      </p>
      <h1>{g.settingsTitle}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary t={ctx.t} errors={errors} />
      <p>{g.settingsIntro}</p>
      <form method="post" action="/guide-editor/settings" novalidate>
        <CsrfField token={ctx.csrf} />
        {(['intakePhone', 'afterHoursPhone', 'contactPhone'] as const).map((f) => (
          <TextField
            key={f}
            name={f}
            label={g.fields[f]!}
            value={values[f]}
            error={errors[f]}
            width="medium"
          />
        ))}
        <TextField
          name="contactEmail"
          label={g.fields.contactEmail!}
          type="email"
          value={values.contactEmail}
          error={errors.contactEmail}
        />
        <button type="submit" class="button">
          {ctx.t.save}
        </button>
      </form>
      <h2>{g.history}</h2>
      <History ctx={ctx} changes={changes} />
    </Layout>
  );
}
