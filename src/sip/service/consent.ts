import { guardiansOf } from '../../people/queries.ts';
import type { AccessScope, RequestContext } from '../../platform/access/scope.ts';
import { conflict } from '../../platform/http/errors.ts';
import {
  type ConsentFieldError,
  type ConsentInput,
  consentState,
  type ValidConsent,
  validateConsent,
} from '../domain/consent.ts';
import type { ContentFieldError } from '../domain/content.ts';
import { statusAllows } from '../domain/lifecycle.ts';
import { sipTexts } from '../i18n/index.ts';
import { socialServicesOrganisation } from '../queries/facts.ts';
import { childOf, currentConsentOf, participantsOf } from '../queries/plan.ts';
import { type Db, onSip, subjectOf, wrongStatus } from './scope.ts';

/** The guardians registered for the plan's child: whose consent the plan needs. */
export async function consentForm(db: Db, context: RequestContext, id: string) {
  return onSip(db, context, id, 'sip.recordConsent', async (scope, facts) => {
    if (!statusAllows.recordConsent(facts.sip.status)) throw wrongStatus();
    const [child, guardians, participants, consent] = await Promise.all([
      childOf(scope, facts.sip.child_id),
      facts.sip.child_id ? guardiansOf(scope, facts.sip.child_id) : Promise.resolve([]),
      participantsOf(scope, id),
      currentConsentOf(scope, id),
    ]);
    await scope.audit({ action: 'sip.read', ...subjectOf(facts), reason: 'consentForm' });
    return { child, guardians, participants, consent };
  });
}

/**
 * Records the family's consent as a new version; the one before it stops counting at once. The
 * plan's social services is always covered: it holds the plan.
 */
export async function recordConsent(
  db: Db,
  context: RequestContext,
  id: string,
  input: ConsentInput,
): Promise<{ ok: true } | { ok: false; errors: ConsentFieldError[] }> {
  return onSip(db, context, id, 'sip.recordConsent', async (scope, facts, today) => {
    if (!statusAllows.recordConsent(facts.sip.status)) throw wrongStatus();
    const guardians = facts.sip.child_id ? await guardiansOf(scope, facts.sip.child_id) : [];
    const socialServices = await socialServicesOrganisation(scope);
    const valid = validateConsent(
      { ...input, organisationIds: [socialServices.id, ...(input.organisationIds ?? [])] },
      {
        today,
        registeredGuardianIds: guardians.map((g) => g.id),
        participantOrganisationIds: facts.participantOrganisationIds,
      },
    );
    if (!valid.ok) return valid;
    const v = valid.value;
    const consent = await insertConsentVersion(scope, id, v);
    await scope.audit(
      { action: 'sip.recordConsent', ...subjectOf(facts), reason: v.informationKinds.join(',') },
      ...v.guardianIds.map((g) => ({
        action: 'sip.recordConsent',
        subjectPersonId: g,
        recordType: 'sipConsent',
        recordId: consent.id,
      })),
    );
    return { ok: true };
  });
}

/**
 * The family withdraws its consent: from this moment no partner sees the plan (OSL 25:1, 26:1).
 * Social services records it, or a party the family told: a withdrawal only ever narrows access.
 */
export async function withdrawConsent(
  db: Db,
  context: RequestContext,
  id: string,
  note: string,
): Promise<{ ok: true } | { ok: false; errors: ContentFieldError[] }> {
  return onSip(db, context, id, 'sip.withdrawConsent', async (scope, facts) => {
    if (!facts.consentId || facts.consent?.withdrawn)
      throw conflict((lang) => sipTexts(lang).noConsentToWithdraw);
    const text = note.replace(/\s+/g, ' ').trim();
    if (!text) return { ok: false, errors: [{ field: 'withdrawalNote', code: 'required' }] };
    if (text.length > 1000)
      return { ok: false, errors: [{ field: 'withdrawalNote', code: 'tooLong', max: 1000 }] };
    await scope.db
      .updateTable('sip_consent')
      .set({ withdrawn_at: new Date(), withdrawn_by: scope.actor.userId, withdrawal_note: text })
      .where('municipality_id', '=', scope.actor.municipalityId)
      .where('id', '=', facts.consentId)
      .execute();
    // The note is free text about the family: it stays in the consent (culled with the file) and
    // the event only names that record (decision 0081 rule 2; the trail is never culled).
    await scope.audit({
      action: 'sip.withdrawConsent',
      ...subjectOf(facts),
      recordType: 'sipConsent',
      recordId: facts.consentId,
      reason: null,
    });
    return { ok: true };
  });
}

/**
 * The family agrees that a party invited after the consent was recorded may take part too: the
 * consent is extended to it as a new version, everything else as it was, so the coordinator does
 * not record the whole consent again (decision 0069). Only a consent in force can be extended.
 */
export async function extendConsent(
  db: Db,
  context: RequestContext,
  id: string,
  organisationId: string,
): Promise<{ ok: true } | { ok: false; errors: ConsentFieldError[] }> {
  return onSip(db, context, id, 'sip.recordConsent', async (scope, facts, today) => {
    if (!statusAllows.recordConsent(facts.sip.status)) throw wrongStatus();
    const current = await currentConsentOf(scope, id);
    if (!current || consentState(facts.consent, today) !== 'valid')
      throw conflict((lang) => sipTexts(lang).noConsentToExtend);
    if (!facts.participantOrganisationIds.includes(organisationId))
      return { ok: false, errors: [{ field: 'organisationIds', code: 'notParticipant' }] };
    if (current.organisationIds.includes(organisationId)) return { ok: true };
    const consent = await insertConsentVersion(scope, id, {
      givenOn: current.given_on,
      validUntil: current.valid_until,
      informationKinds: current.information_kinds,
      childsView: current.childs_view,
      childsViewNote: current.childs_view_note,
      guardiansNote: current.guardians_note,
      guardianIds: current.guardians.map((g) => g.id),
      organisationIds: [...current.organisationIds, organisationId],
    });
    await scope.audit({
      action: 'sip.recordConsent',
      ...subjectOf(facts),
      recordType: 'sipConsent',
      recordId: consent.id,
      reason: 'consentExtended',
    });
    return { ok: true };
  });
}

/**
 * A new version of the plan's consent, with its guardians and organisations; the one in force
 * before it stops counting at once (superseded in the same transaction).
 */
async function insertConsentVersion(
  scope: AccessScope,
  sipId: string,
  v: Pick<
    ValidConsent,
    | 'givenOn'
    | 'validUntil'
    | 'informationKinds'
    | 'childsView'
    | 'childsViewNote'
    | 'guardiansNote'
    | 'guardianIds'
    | 'organisationIds'
  >,
): Promise<{ id: string }> {
  const municipalityId = scope.actor.municipalityId;
  await scope.db
    .updateTable('sip_consent')
    .set({ superseded_at: new Date() })
    .where('municipality_id', '=', municipalityId)
    .where('sip_id', '=', sipId)
    .where('superseded_at', 'is', null)
    .execute();
  const consent = await scope.db
    .insertInto('sip_consent')
    .values({
      municipality_id: municipalityId,
      sip_id: sipId,
      given_on: v.givenOn,
      valid_until: v.validUntil,
      information_kinds: v.informationKinds,
      childs_view: v.childsView,
      childs_view_note: v.childsViewNote,
      guardians_note: v.guardiansNote,
      recorded_by: scope.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (v.guardianIds.length)
    await scope.db
      .insertInto('sip_consent_guardian')
      .values(
        v.guardianIds.map((guardian_id) => ({
          municipality_id: municipalityId,
          consent_id: consent.id,
          guardian_id,
        })),
      )
      .execute();
  await scope.db
    .insertInto('sip_consent_organisation')
    .values(
      v.organisationIds.map((organisation_id) => ({
        municipality_id: municipalityId,
        consent_id: consent.id,
        organisation_id,
      })),
    )
    .execute();
  return consent;
}
