import { textsFor } from '../platform/i18n/i18n.ts';

/**
 * How the log review names this feature's codes in the audit trail (src/log-review/labels.ts;
 * decision 0068): the actions, refusal reasons and record types its events carry that its
 * other texts do not already name.
 */
export const placementAuditWords = textsFor({
  sv: {
    actions: {
      'placement.recordContact': 'Registrerade kontakt med det placerade barnet',
      'placement.recordConsideration': 'Registrerade ett övervägande av placeringen',
      'home.list': 'Såg registret över hem',
      'home.manage': 'Ändrade i registret över hem',
    } as Record<string, string>,
    reasons: {
      notDesignated: 'Inte utsedd eller ansvarig för placeringen',
      notHomeFinding: 'Hör inte till familjehemsenheten',
    } as Record<string, string>,
    recordTypes: {
      placement: 'Placering',
      placementHome: 'Hem för placering',
      ivoList: 'Lista till IVO',
      unaccompaniedMinor: 'Ensamkommande barn',
    } as Record<string, string>,
  },
  en: {
    actions: {
      'placement.recordContact': 'Recorded contact with the placed child',
      'placement.recordConsideration': 'Recorded a reconsideration of the placement',
      'home.list': 'Saw the register of homes',
      'home.manage': 'Changed the register of homes',
    } as Record<string, string>,
    reasons: {
      notDesignated: 'Not designated or responsible for the placement',
      notHomeFinding: 'Not in the family home unit',
    } as Record<string, string>,
    recordTypes: {
      placement: 'Placement',
      placementHome: 'Home for placements',
      ivoList: 'List to IVO',
      unaccompaniedMinor: 'Unaccompanied minor',
    } as Record<string, string>,
  },
});
