import { type PersonalNumberError, parsePersonalNumber } from '../../people/personal-number.ts';
import { clean } from './plan.ts';

export type RequestFieldError =
  | { field: 'childName'; code: 'required' | 'tooLong' }
  | { field: 'personalNumber'; code: PersonalNumberError }
  | { field: 'reason'; code: 'required' | 'tooLong' }
  | { field: 'guardiansAgree'; code: 'required' };

/**
 * A partner asks social services to start a plan. Asking passes information to social services,
 * so the guardians must know and agree; without that, a concern is a report, not a request.
 */
export function validateRequest(
  input: {
    childName?: string | undefined;
    personalNumber?: string | undefined;
    reason?: string | undefined;
    guardiansAgree?: string | undefined;
  },
  today: string,
):
  | { ok: true; value: { childName: string; personalNumber: string; reason: string } }
  | { ok: false; errors: RequestFieldError[] } {
  const errors: RequestFieldError[] = [];
  const childName = clean(input.childName);
  if (!childName) errors.push({ field: 'childName', code: 'required' });
  else if (childName.length > 200) errors.push({ field: 'childName', code: 'tooLong' });
  const parsed = parsePersonalNumber(clean(input.personalNumber), today);
  if (!parsed.ok) errors.push({ field: 'personalNumber', code: parsed.error });
  const reason = clean(input.reason);
  if (!reason) errors.push({ field: 'reason', code: 'required' });
  else if (reason.length > 4000) errors.push({ field: 'reason', code: 'tooLong' });
  if (input.guardiansAgree !== 'on') errors.push({ field: 'guardiansAgree', code: 'required' });
  if (errors.length || !parsed.ok) return { ok: false, errors };
  return { ok: true, value: { childName, personalNumber: parsed.value.normalized, reason } };
}
