import type { Lang } from '../platform/i18n/i18n.ts';
import { messages } from '../platform/i18n/messages.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import type { StepError } from './domain.ts';
import { casesTexts } from './i18n/index.ts';

/** Step errors in the user's language, keyed by field ('_form' for a refusal of the whole step). */
export function stepErrors(errors: readonly StepError[], lang: Lang): FieldErrors {
  const t = messages(lang);
  const tx = casesTexts(lang);
  const result: FieldErrors = {};
  for (const error of errors) {
    if (error.field === '_form') {
      result._form = tx.refusals[error.code] ?? t.errors.badRequest;
      continue;
    }
    const c = tx.fieldErrors;
    result[error.field] ??=
      error.code === 'required'
        ? t.errors.field.required
        : error.code === 'tooLong'
          ? t.errors.field.tooLong(20_000)
          : error.code === 'tooShort'
            ? c.tooShort
            : error.code === 'dateInvalid'
              ? c.dateInvalid
              : error.code === 'dateInFuture'
                ? c.dateInFuture
                : error.code === 'dateNotLater'
                  ? c.dateNotLater
                  : t.errors.field.invalid;
  }
  return result;
}
