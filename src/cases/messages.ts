import type { Lang } from '../platform/i18n/i18n.ts';
import { messages } from '../platform/i18n/messages.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import type { StepError } from './domain.ts';
import { casesTexts } from './i18n/index.ts';

/** What can be wrong with one field of a step (the other errors refuse the whole step). */
type FieldCode = Extract<StepError, { code: 'required' }>['code'];

/** Step errors in the user's language, keyed by field ('_form' for a refusal of the whole step). */
export function stepErrors(errors: readonly StepError[], lang: Lang): FieldErrors {
  const t = messages(lang);
  const tx = casesTexts(lang);
  // One text per code: a new code is a compile error here until it has its text.
  const fieldTexts: Record<FieldCode, string> = {
    required: t.errors.field.required,
    tooLong: t.errors.field.tooLong(20_000),
    tooShort: tx.fieldErrors.tooShort,
    invalid: t.errors.field.invalid,
    dateInvalid: tx.fieldErrors.dateInvalid,
    dateInFuture: tx.fieldErrors.dateInFuture,
    dateNotLater: tx.fieldErrors.dateNotLater,
    notConfirmed: tx.fieldErrors.notConfirmed,
  };
  const result: FieldErrors = {};
  for (const error of errors) {
    if (error.field === '_form') {
      result._form = tx.refusals[error.code] ?? t.errors.badRequest;
      continue;
    }
    // A field's error is never a refusal ('_form' is the refusals' field).
    result[error.field] ??= fieldTexts[error.code as FieldCode];
  }
  return result;
}
