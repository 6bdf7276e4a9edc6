import type { Kysely } from 'kysely';
import { type RequestContext, withAccess } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';
import { loadSections } from '../../platform/features.ts';
import { type CaseDeadline, deadlinesOf } from '../domain.ts';
import {
  activeInterventionTypes,
  caseById,
  childSummary,
  childsVoicesOf,
  continuityCandidates,
  extensionsOf,
  historyOfChild,
  interventionsOfCase,
  investigationUnits,
  notesOf,
  reportsOfCase,
  userName,
} from '../queries.ts';
import type { CaseSection } from '../sections.ts';
import { authorizeLookup, caseAudit, caseResource } from './step.ts';

/** The case page's data; the sections other features put on it load in the same scope. */
export async function readCase(
  db: Kysely<Database>,
  context: RequestContext,
  id: string,
  sections: readonly CaseSection[] = [],
) {
  return withAccess(db, context, async (scope) => {
    const c = await caseById(scope, id);
    if (!c) {
      authorizeLookup(scope);
      return null;
    }
    scope.authorize('case.read', caseResource(c), { audit: caseAudit(c, 'case.read') });
    const [child, reports, extensions, voices, notes, interventions, history, responsibleName] =
      await Promise.all([
        childSummary(scope, c.child_id),
        reportsOfCase(scope, c.id),
        extensionsOf(scope, c.id),
        childsVoicesOf(scope, c.id),
        notesOf(scope, c.id),
        interventionsOfCase(scope, c.id),
        historyOfChild(scope, c.child_id),
        userName(scope, c.responsible_user_id),
      ]);
    const [interventionTypes, units, candidates] = await Promise.all([
      activeInterventionTypes(scope),
      investigationUnits(scope),
      c.phase === 'investigation' ? continuityCandidates(scope, c.child_id, c.unit_id) : Promise.resolve([]),
    ]);
    await scope.audit(caseAudit(c, 'case.read'));
    const deadlines: CaseDeadline[] = deadlinesOf(c, reports, extensions);
    return {
      case: c,
      child,
      reports,
      extensions,
      voices,
      notes,
      interventions,
      history,
      responsibleName,
      interventionTypes,
      units,
      candidates,
      deadlines,
      sections: await loadSections(scope, sections, c),
    };
  });
}

export type CaseView = NonNullable<Awaited<ReturnType<typeof readCase>>>;
