import type { Action, Actor, RuleSet } from '../platform/access/policy.ts';
import { casesTexts } from './i18n/index.ts';
import type { CasePhase } from './schema.ts';

/**
 * The child's case file in the access policy: concern reports (filed by anyone, handled by
 * intake), the case from initial assessment to closure, its notes, and the worklists of its
 * deadlines (docs/decisions/0014). Registered by src/access.ts.
 */

/**
 * What the policy needs to know about a case (or the case a report belongs to) to decide who
 * may see it: the units that hold it, its responsible social worker, and how far it has come.
 * A report not yet linked to a child is in phase 'new' and held by the intake unit.
 */
export interface CaseContext {
  unitIds: readonly string[];
  responsibleUserId: string | null;
  phase: CasePhase | 'new';
}

const caseActions = {
  // The public may file a report and ask how far it has come: see publicActions.
  'report.submit': 'reportIntake',
  'report.checkStatus': 'reportIntake',
  'report.list': 'reportRegister',
  'report.read': 'report',
  'report.process': 'report',
  'case.read': 'case',
  'case.update': 'case',
  'case.decideInitialAssessment': 'case',
  'case.assign': 'case',
  'case.extend': 'case',
  'case.decide': 'case',
  'case.close': 'case',
  'caseNote.write': 'case',
  'worklist.read': 'worklist',
  'worklist.readUnit': 'worklist',
  'caseSettings.manage': 'administration',
} as const;
type CaseActions = typeof caseActions;

declare module '../platform/access/policy.ts' {
  interface PolicyActions extends CaseActions {}
  interface PolicyResources {
    reportIntake: Record<never, never>;
    reportRegister: Record<never, never>;
    report: { case: CaseContext };
    case: { case: CaseContext };
    worklist: { unitId: string | null };
  }
  interface PolicyDenyReasons {
    notAssigned: true;
    otherUnit: true;
    wrongPhase: true;
  }
}

/**
 * Who may touch a case: intake workers (all cases, for the child's history; they write only
 * before an investigation is opened), the responsible social worker, and the managers of a unit
 * that holds it. Nobody else, whatever their role (OSL 26:1).
 */
export function caseRefusal(actor: Actor, action: Action, context: CaseContext) {
  switch (actor.role) {
    case 'intakeWorker': {
      const reading = action === 'case.read' || action === 'report.read';
      const reportLevel = action === 'report.process';
      if (reading || reportLevel) return null;
      return context.phase === 'new' || context.phase === 'initialAssessment' ? null : 'wrongPhase';
    }
    case 'socialWorker':
      return context.responsibleUserId === actor.userId ? null : 'notAssigned';
    case 'manager':
      return actor.unitId && context.unitIds.includes(actor.unitId) ? null : 'otherUnit';
    default:
      return 'roleNotPermitted';
  }
}

// Decisions under delegated authority (the investigation's decision, extensions of a time limit,
// distributing investigations) are the managers': see docs/decisions/0014.
export const caseRules: RuleSet = {
  name: 'cases',
  actions: caseActions,
  // Anyone may file a concern report, signed in or not, in any municipality (SoL: anyone may
  // report; professionals must). The receipt's reference is all that comes back.
  publicActions: ['report.submit', 'report.checkStatus'],
  grants: {
    administrator: ['caseSettings.manage'],
    intakeWorker: [
      'report.list',
      'report.read',
      'report.process',
      'case.read',
      'case.update',
      'case.decideInitialAssessment',
      'caseNote.write',
      'worklist.read',
    ],
    socialWorker: [
      'report.read',
      'report.process',
      'case.read',
      'case.update',
      'case.close',
      'caseNote.write',
      'worklist.read',
    ],
    manager: [
      'report.list',
      'report.read',
      'report.process',
      'case.read',
      'case.update',
      'case.decideInitialAssessment',
      'case.assign',
      'case.extend',
      'case.decide',
      'case.close',
      'caseNote.write',
      'worklist.read',
      'worklist.readUnit',
    ],
  },
  refusal(actor, action, resource) {
    if (resource.type === 'case' || resource.type === 'report')
      return caseRefusal(actor, action, resource.case);
    if (action === 'worklist.readUnit' && resource.type === 'worklist') {
      if (!actor.unitId || resource.unitId !== actor.unitId) return 'otherUnit';
    }
    return null;
  },
  reasonTexts: (lang) => casesTexts(lang).denyReasons,
};
