import { type FieldErrors, TextArea, TextField } from '../../platform/layout/forms.tsx';
import type { PageContext } from '../../platform/layout/page-context.ts';
import { reportsTexts } from '../../reports/i18n/index.ts';
import { type CasesTexts, casesTexts } from '../i18n/index.ts';
import type { CaseView } from '../service/read.ts';
import { Form, Submit, str, type Values } from './shared.tsx';

export function ExtensionForm({
  ctx,
  base,
  intro,
  errors,
  values,
}: {
  ctx: PageContext;
  base: string;
  intro: string;
  errors: FieldErrors;
  values: Values;
}) {
  const c = casesTexts(ctx.lang);
  return (
    <section class="panel" aria-labelledby="extend-heading">
      <h2 id="extend-heading">{c.extendTitle}</h2>
      <p>{intro}</p>
      <Form ctx={ctx} action={`${base}/extension`}>
        <TextField
          name="extendedTo"
          label={c.extendedTo}
          hint={reportsTexts(ctx.lang).childBirthDateHint}
          value={str(values.extendedTo)}
          error={errors.extendedTo}
          width="medium"
          maxLength={10}
        />
        <TextArea
          name="extensionReason"
          label={c.extensionReason}
          value={str(values.extensionReason)}
          error={errors.extensionReason}
          rows={3}
        />
        <Submit label={c.extend} />
      </Form>
    </section>
  );
}

export function ExtensionRecords({ c, view }: { c: CasesTexts; view: CaseView }) {
  if (view.extensions.length === 0) return null;
  return (
    <ul class="plain-list">
      {view.extensions.map((e) => (
        <li key={e.id}>
          {c.rules[e.rule_id]}: {c.extensionRecord(e.extended_to, e.decided_by_name, e.reason)}
        </li>
      ))}
    </ul>
  );
}
