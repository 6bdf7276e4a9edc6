import { addMonths, isIsoDate } from '../../deadlines/calendar.ts';
import { type ConsentContext, consentRefusal } from '../access.ts';
import { type ChildsView, childsViews, type SipInformationKind, sipInformationKinds } from '../schema.ts';
import { clean, unique } from './plan.ts';

export type ConsentState = 'none' | 'valid' | 'withdrawn' | 'expired' | 'notYetValid';

export function consentState(consent: ConsentContext | null, today: string): ConsentState {
  if (!consent) return 'none';
  if (consent.withdrawn) return 'withdrawn';
  if (today < consent.givenOn) return 'notYetValid';
  if (today > consent.validUntil) return 'expired';
  return 'valid';
}

/** Whether this organisation may see this kind of information in the plan today. */
export function consentCovers(
  consent: ConsentContext | null,
  organisationId: string,
  kind: SipInformationKind,
  today: string,
): boolean {
  return consentRefusal(consent, organisationId, kind, today) === null;
}

export interface ConsentInput {
  givenOn?: string | undefined;
  validUntil?: string | undefined;
  guardianIds?: string[] | undefined;
  guardiansNote?: string | undefined;
  childsView?: string | undefined;
  childsViewNote?: string | undefined;
  organisationIds?: string[] | undefined;
  informationKinds?: string[] | undefined;
}

export interface ValidConsent {
  givenOn: string;
  validUntil: string;
  guardianIds: string[];
  guardiansNote: string;
  childsView: ChildsView;
  childsViewNote: string;
  organisationIds: string[];
  informationKinds: SipInformationKind[];
}

export type ConsentFieldError =
  | { field: 'givenOn'; code: 'dateInvalid' | 'dateInFuture' }
  | { field: 'validUntil'; code: 'dateInvalid' | 'beforeGiven' | 'inPast' | 'tooLong' }
  | { field: 'guardianIds'; code: 'allGuardiansMustConsent' | 'unknownGuardian' }
  | { field: 'guardiansNote'; code: 'whoConsentedRequired' | 'tooLong' }
  | { field: 'childsView'; code: 'invalid' }
  | { field: 'childsViewNote'; code: 'explainChildsView' | 'tooLong' }
  | { field: 'organisationIds'; code: 'noOrganisation' | 'notParticipant' }
  | { field: 'informationKinds'; code: 'invalid' };

/** A consent lasts at most this long; a plan is followed up well within it (docs/decisions/0032). */
export const maxConsentYears = 2;

/**
 * Checks a consent as the coordinator records it. Every registered guardian must have consented
 * (joint custody: the guardians decide together, FB 6 kap. 13 §); a child without a registered
 * guardian needs a note saying who consented. The child's own view is recorded, with a note when
 * the child disagrees or was not asked (why: age, maturity).
 */
export function validateConsent(
  input: ConsentInput,
  context: {
    today: string;
    registeredGuardianIds: readonly string[];
    participantOrganisationIds: readonly string[];
  },
): { ok: true; value: ValidConsent } | { ok: false; errors: ConsentFieldError[] } {
  const errors: ConsentFieldError[] = [];
  const givenOn = (input.givenOn ?? '').trim();
  if (!isIsoDate(givenOn)) errors.push({ field: 'givenOn', code: 'dateInvalid' });
  else if (givenOn > context.today) errors.push({ field: 'givenOn', code: 'dateInFuture' });
  const validUntil = (input.validUntil ?? '').trim();
  if (!isIsoDate(validUntil)) errors.push({ field: 'validUntil', code: 'dateInvalid' });
  else if (isIsoDate(givenOn) && validUntil < givenOn)
    errors.push({ field: 'validUntil', code: 'beforeGiven' });
  else if (validUntil < context.today) errors.push({ field: 'validUntil', code: 'inPast' });
  else if (isIsoDate(givenOn) && validUntil > addMonths(givenOn, 12 * maxConsentYears))
    errors.push({ field: 'validUntil', code: 'tooLong' });

  const guardianIds = unique(input.guardianIds ?? []);
  if (guardianIds.some((id) => !context.registeredGuardianIds.includes(id)))
    errors.push({ field: 'guardianIds', code: 'unknownGuardian' });
  else if (context.registeredGuardianIds.some((id) => !guardianIds.includes(id)))
    errors.push({ field: 'guardianIds', code: 'allGuardiansMustConsent' });
  const guardiansNote = clean(input.guardiansNote);
  if (guardiansNote.length > 1000) errors.push({ field: 'guardiansNote', code: 'tooLong' });
  else if (context.registeredGuardianIds.length === 0 && !guardiansNote)
    errors.push({ field: 'guardiansNote', code: 'whoConsentedRequired' });

  const childsView = input.childsView as ChildsView;
  if (!childsViews.includes(childsView)) errors.push({ field: 'childsView', code: 'invalid' });
  const childsViewNote = clean(input.childsViewNote);
  if (childsViewNote.length > 2000) errors.push({ field: 'childsViewNote', code: 'tooLong' });
  else if ((childsView === 'disagrees' || childsView === 'notAsked') && !childsViewNote)
    errors.push({ field: 'childsViewNote', code: 'explainChildsView' });

  const organisationIds = unique(input.organisationIds ?? []);
  if (organisationIds.length === 0) errors.push({ field: 'organisationIds', code: 'noOrganisation' });
  else if (organisationIds.some((id) => !context.participantOrganisationIds.includes(id)))
    errors.push({ field: 'organisationIds', code: 'notParticipant' });

  const kinds = unique(['plan', ...(input.informationKinds ?? [])]);
  if (kinds.some((k) => !(sipInformationKinds as readonly string[]).includes(k)))
    errors.push({ field: 'informationKinds', code: 'invalid' });

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      givenOn,
      validUntil,
      guardianIds,
      guardiansNote,
      childsView,
      childsViewNote,
      organisationIds,
      informationKinds: kinds as SipInformationKind[],
    },
  };
}
