import type { Messages } from '../platform/i18n/messages.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import type { StepError } from './domain.ts';

/** Step errors in the user's language, keyed by field ('_form' for a refusal of the whole step). */
export function stepErrors(errors: readonly StepError[], t: Messages): FieldErrors {
  const result: FieldErrors = {};
  for (const error of errors) {
    if (error.field === '_form') {
      result._form = t.cases.refusals[error.code] ?? t.errors.badRequest;
      continue;
    }
    const c = t.cases.fieldErrors;
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
