import type { CaseSection } from '../cases/sections.ts';
import type { HomeSection } from '../home/sections.ts';
import type { PersonSection } from '../people/sections.ts';
import { decide } from '../platform/access/policy.ts';
import type { AccessScope } from '../platform/access/scope.ts';
import type { WorklistSection } from '../worklists/sections.ts';
import { mayHaveSipWorklist, sipWorklistIn, type Worklist } from './service/lists.ts';
import { SipStartPanel } from './views/start-panel.tsx';
import { SipWorklistSection } from './views/worklist-section.tsx';

/** What the coordinated plans show on other features' pages (src/platform/features.ts). */

const mayStart = (scope: AccessScope, municipalityId: string) =>
  decide(scope.actor, 'sip.create', { type: 'sipRegister', municipalityId }).allowed;

/** Social services may start a plan for the child from the child's page. */
export const startPlanForPerson: PersonSection<{ childId: string }> = {
  id: 'sipStart',
  order: 45,
  load: async (scope, person) =>
    mayStart(scope, scope.actor.municipalityId) ? { childId: person.id } : null,
  render: (ctx, { childId }) => <SipStartPanel ctx={ctx} childId={childId} />,
};

/** …and from the child's case, to which the plan is then linked. */
export const startPlanFromCase: CaseSection<{ childId: string; caseId: string }> = {
  id: 'sipStart',
  order: 10,
  load: async (scope, c) =>
    mayStart(scope, c.municipality_id) ? { childId: c.child_id, caseId: c.id } : null,
  render: (ctx, { childId, caseId }) => <SipStartPanel ctx={ctx} childId={childId} caseId={caseId} />,
};

/** Follow-ups and actions due in plans, for social services and partners alike. */
export const plansDueAtHome: HomeSection<Worklist> = {
  id: 'sipDue',
  order: 20,
  placement: 'afterLinks',
  applies: mayHaveSipWorklist,
  load: (scope) => sipWorklistIn(scope),
  render: (ctx, worklist) => <SipWorklistSection ctx={ctx} worklist={worklist} />,
};

/** The same below the user's own deadlines on the worklist page. */
export const plansDueOnWorklist: WorklistSection<Worklist> = {
  id: 'sipDue',
  order: 10,
  load: async (scope, { which }) =>
    which === 'own' && mayHaveSipWorklist(scope.context) ? sipWorklistIn(scope) : null,
  render: (ctx, worklist) => <SipWorklistSection ctx={ctx} worklist={worklist} />,
};
