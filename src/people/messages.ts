import type { Lang } from '../platform/i18n/i18n.ts';
import type { Messages } from '../platform/i18n/messages.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import type { PersonFieldError } from './domain.ts';
import { peopleTexts } from './i18n/index.ts';
import { type PersonalNumberError, personalNumberErrorMessages } from './personal-number.ts';

export function personalNumberMessage(code: PersonalNumberError, lang: Lang): string {
  return personalNumberErrorMessages[code][lang];
}

/** Field errors from validation, in the user's language, keyed by field name. */
export function personFieldErrors(errors: PersonFieldError[], t: Messages, lang: Lang): FieldErrors {
  const result: FieldErrors = {};
  for (const error of errors) {
    result[error.field] = messageFor(error, t, lang);
  }
  return result;
}

function messageFor(error: PersonFieldError, t: Messages, lang: Lang): string {
  const tx = peopleTexts(lang);
  switch (error.code) {
    case 'needNumberOrBirthDate':
      return tx.needNumberOrBirthDate;
    case 'birthDateInvalid':
      return tx.birthDateInvalid;
    case 'postalCodeInvalid':
      return tx.postalCodeInvalid;
    case 'countryInvalid':
      return tx.countryOfBirthInvalid;
    case 'required':
      return t.errors.field.required;
    case 'tooLong':
      return t.errors.field.tooLong(error.field === 'streetAddress' ? 200 : 100);
    case 'invalid':
      return t.errors.field.invalid;
    default:
      return personalNumberMessage(error.code, lang);
  }
}
