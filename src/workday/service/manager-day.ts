import type { AccessScope } from '../../platform/access/scope.ts';
import { type ListedCase, parseCaseListQuery, withNextSteps } from '../domain/case-list.ts';
import { type CaseRow, casesFor } from '../queries/cases.ts';

export interface ManagerDay {
  /** Investigations concluded and communicated: only the manager's decision is left. */
  waiting: ListedCase<CaseRow>[];
  /** Investigations nobody is responsible for yet. */
  unassigned: ListedCase<CaseRow>[];
}

/** The manager's start page: what waits for them in their unit, audited as a look at the unit's list. */
export async function readManagerDay(scope: AccessScope, today: string): Promise<ManagerDay | null> {
  const { unitId, municipalityId } = scope.actor;
  if (!unitId) return null;
  scope.authorize('caseList.readUnit', { type: 'caseList', municipalityId, unitId });
  const parsed = parseCaseListQuery({ phase: 'investigation' }, today);
  if (!parsed.ok) return null;
  const listed = withNextSteps(await casesFor(scope, { kind: 'unit', unitId }, parsed.query), today);
  const byDeadline = (a: ListedCase<CaseRow>, b: ListedCase<CaseRow>) =>
    (a.deadline?.deadline.dueDate ?? '9999').localeCompare(b.deadline?.deadline.dueDate ?? '9999');
  const waiting = listed.filter((x) => x.nextStep === 'decision').sort(byDeadline);
  const unassigned = listed.filter((x) => x.nextStep === 'assign').sort(byDeadline);
  const shown = [...waiting, ...unassigned];
  if (shown.length)
    await scope.audit(
      ...shown.map(({ c }) => ({
        action: 'caseList.readUnit',
        subjectPersonId: c.child_id,
        recordType: 'case',
        recordId: c.id,
      })),
    );
  return { waiting, unassigned };
}
