import { personalNumberMessage } from '../people/messages.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import type { Messages } from '../platform/i18n/messages.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import type { ReportFieldError } from './domain.ts';
import { reportsTexts } from './i18n/index.ts';

/** Validation errors of a report in the user's language, keyed by field. */
export function reportFieldErrors(errors: ReportFieldError[], t: Messages, lang: Lang): FieldErrors {
  const result: FieldErrors = {};
  for (const error of errors) result[error.field] ??= messageFor(error, t, lang);
  return result;
}

function messageFor(error: ReportFieldError, t: Messages, lang: Lang): string {
  const r = reportsTexts(lang).errors;
  switch (error.code) {
    case 'required':
      return t.errors.field.required;
    case 'tooLong':
      return t.errors.field.tooLong(error.max ?? 0);
    case 'tooShort':
      return r.tooShort(error.max ?? 0);
    case 'invalid':
      return t.errors.field.invalid;
    case 'brokenText':
      return r.brokenText;
    case 'invisibleCharacters':
      return t.errors.invisibleCharacters;
    case 'markup':
      return r.markup;
    case 'needChild':
      return r.needChild;
    case 'needContact':
      return r.needContact;
    case 'emailInvalid':
      return r.emailInvalid;
    case 'phoneInvalid':
      return r.phoneInvalid;
    case 'birthDateInvalid':
      return r.birthDateInvalid;
    default:
      return personalNumberMessage(error.code, lang);
  }
}
