import { textsFor } from '../platform/i18n/i18n.ts';

/**
 * How the log review names this feature's codes in the audit trail (src/log-review/labels.ts;
 * decision 0068): the actions, refusal reasons and record types its events carry that its
 * other texts do not already name.
 */
export const actionPlansAuditWords = textsFor({
  sv: {
    actions: {
      'plan.read': 'Läste en handlingsplan',
      'plan.write': 'Ändrade en handlingsplan',
      'plan.updateMeasure': 'Ändrade status för en åtgärd',
    } as Record<string, string>,
    reasons: {
      notTakingPart: 'Organisationen deltar inte i planen',
      notTheOwner: 'Inte den ansvariga organisationen',
    } as Record<string, string>,
    recordTypes: {
      actionPlan: 'Handlingsplan',
      measure: 'Åtgärd',
      indicator: 'Indikator',
      indicatorValue: 'Indikatorvärde',
      nationalMatter: 'Fråga till nationell nivå',
    } as Record<string, string>,
  },
  en: {
    actions: {
      'plan.read': 'Read an action plan',
      'plan.write': 'Changed an action plan',
      'plan.updateMeasure': 'Changed the status of a measure',
    } as Record<string, string>,
    reasons: {
      notTakingPart: 'The organisation does not take part in the plan',
      notTheOwner: 'Not the responsible organisation',
    } as Record<string, string>,
    recordTypes: {
      actionPlan: 'Action plan',
      measure: 'Measure',
      indicator: 'Indicator',
      indicatorValue: 'Indicator value',
      nationalMatter: 'Matter for the national level',
    } as Record<string, string>,
  },
});
