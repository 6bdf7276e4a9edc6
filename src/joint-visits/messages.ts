import type { Lang } from '../platform/i18n/i18n.ts';
import type { FieldErrors } from '../platform/layout/forms.tsx';
import type { FieldError } from './domain.ts';
import { jointVisitsTexts } from './i18n/index.ts';

/** Field errors in the user's language, each naming its field, for the error summary and the fields. */
export function fieldErrors(errors: readonly FieldError[], lang: Lang): FieldErrors {
  const tx = jointVisitsTexts(lang);
  const out: FieldErrors = {};
  for (const e of errors) {
    if (out[e.field]) continue;
    const message =
      e.code === 'tooLong' || e.code === 'followUpTooLate'
        ? tx.errors[e.code](e.max ?? 0)
        : tx.errors[e.code];
    const label = (tx.fields as Record<string, string>)[e.field];
    out[e.field] = label ? `${label}: ${message}` : message;
  }
  return out;
}

/** A number of minutes as hours and minutes (days from 48 hours), in the user's language. */
export function formatMinutes(minutes: number, lang: Lang): string {
  const tx = jointVisitsTexts(lang);
  const m = Math.abs(minutes);
  if (m >= 48 * 60) return tx.durationDays(Math.floor(m / 1440), Math.floor((m % 1440) / 60));
  return tx.duration(Math.floor(m / 60), m % 60);
}
