import { personalNumberMessage } from '../people/messages.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { messages } from '../platform/i18n/messages.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import type { ConsentFieldError } from './domain/consent.ts';
import type { ContentFieldError } from './domain/content.ts';
import type { RequestFieldError } from './domain/request.ts';
import { sipTexts } from './i18n/index.ts';

/** Field errors of the plan's forms, in the user's language, keyed by the form field they belong to. */
export function contentErrors(errors: readonly ContentFieldError[], lang: Lang): FieldErrors {
  const t = messages(lang);
  const f = sipTexts(lang).fieldErrors;
  const result: FieldErrors = {};
  for (const e of errors) {
    switch (e.code) {
      case 'required':
        result[e.field] = t.errors.field.required;
        break;
      case 'tooLong':
        result[e.field] = t.errors.field.tooLong(e.max);
        break;
      case 'dateInvalid':
        result[e.field] = f.dateInvalid;
        break;
      case 'dateInPast':
        result[e.field] = f.dateInPast;
        break;
      case 'timeInvalid':
        result[e.field] = f.timeInvalid;
        break;
      case 'notParticipant':
        result[e.field] = f.notParticipant;
        break;
      case 'responsibleRequired':
        result[e.field] = f.responsibleRequired;
        break;
      case 'notConfirmed':
        result[e.field] = f.closeNotConfirmed;
        break;
      case 'invalid':
        result[e.field] = e.field === 'heldOn' ? f.heldInFuture : t.errors.field.invalid;
        break;
    }
  }
  return result;
}

export function consentErrors(errors: readonly ConsentFieldError[], lang: Lang): FieldErrors {
  const t = messages(lang);
  const f = sipTexts(lang).fieldErrors;
  const texts: Record<ConsentFieldError['code'], string> = {
    dateInvalid: f.dateInvalid,
    dateInFuture: f.dateInFuture,
    beforeGiven: f.beforeGiven,
    inPast: f.consentInPast,
    tooLong: f.consentTooLong,
    allGuardiansMustConsent: f.allGuardiansMustConsent,
    unknownGuardian: f.unknownGuardian,
    whoConsentedRequired: f.whoConsentedRequired,
    explainChildsView: f.explainChildsView,
    noOrganisation: f.noOrganisation,
    notParticipant: f.notParticipant,
    invalid: t.errors.field.invalid,
  };
  const result: FieldErrors = {};
  for (const e of errors) {
    // Note fields have their own length limits.
    result[e.field] =
      e.code === 'tooLong' && e.field !== 'validUntil'
        ? t.errors.field.tooLong(e.field === 'guardiansNote' ? 1000 : 2000)
        : texts[e.code];
  }
  return result;
}

export function requestErrors(errors: readonly RequestFieldError[], lang: Lang): FieldErrors {
  const t = messages(lang);
  const result: FieldErrors = {};
  for (const e of errors) {
    if (e.field === 'personalNumber') result[e.field] = personalNumberMessage(e.code, lang);
    else if (e.field === 'guardiansAgree') result[e.field] = sipTexts(lang).fieldErrors.guardiansMustAgree;
    else if (e.code === 'required') result[e.field] = t.errors.field.required;
    else result[e.field] = t.errors.field.tooLong(e.field === 'childName' ? 200 : 4000);
  }
  return result;
}
