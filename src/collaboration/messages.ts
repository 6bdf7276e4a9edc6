import type { Lang } from '../platform/i18n/i18n.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import type { FieldError, FieldWarning } from './form.ts';
import { collaborationTexts } from './i18n/index.ts';

/**
 * A form's refusals as the page shows them, one message per field (the first), in the user's
 * language. A feature's own codes come from `own`; an identity number says why and that individual
 * cases belong in a SIP (docs/decisions/0101), with the phone-number hint.
 */
export function fieldErrorTexts<C extends string>(
  errors: readonly FieldError<C>[],
  lang: Lang,
  own: (code: C) => string | undefined = () => undefined,
): FieldErrors {
  const t = collaborationTexts(lang);
  const result: FieldErrors = {};
  for (const error of errors) {
    if (result[error.field]) continue;
    const common = t.field as Record<string, string | ((max: number) => string)>;
    const text = common[error.code];
    let message =
      typeof text === 'function' ? text(error.max ?? 0) : (text ?? own(error.code as C) ?? t.field.invalid);
    if (error.code === 'personalIdentityNumber' || error.code === 'coordinationNumber')
      message = `${message} ${t.phoneHint}`;
    result[error.field] = message;
  }
  return result;
}

/** The guard's warnings as lines for the writer to check. */
export function warningTexts(warnings: readonly FieldWarning[], lang: Lang): string[] {
  const t = collaborationTexts(lang);
  return [...new Set(warnings.map((w) => t.warnings[w.code](w.name ?? '')))];
}
