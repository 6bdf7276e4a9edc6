import { caseContextOf } from '../../cases/domain.ts';
import { decide } from '../../platform/access/policy.ts';
import type { AccessScope } from '../../platform/access/scope.ts';
import {
  type CaseListQuery,
  type ListedCase,
  pageSize,
  sortCases,
  withNextSteps,
} from '../domain/case-list.ts';
import { type CaseRow, type CaseSelection, casesFor, rowLimit, workersOfUnit } from '../queries/cases.ts';

/** Which list: the user's own cases, the unit's overview (managers), or a search of every case they may see. */
export type CaseListMode = 'mine' | 'unit' | 'search';

export interface CaseListView {
  mode: CaseListMode;
  query: CaseListQuery;
  cases: ListedCase<CaseRow>[];
  total: number;
  /** More rows matched than a list reads: the filter should be narrower. */
  truncated: boolean;
  /** The unit's workers and their open caseloads, for a manager's worker filter. */
  workers: Awaited<ReturnType<typeof workersOfUnit>> | null;
}

/** A search shows at most twenty cases, like person search (decision 0042). */
export const searchLimit = 20;

const listAction = {
  mine: 'caseList.read',
  unit: 'caseList.readUnit',
  search: 'caseList.search',
} as const satisfies Record<CaseListMode, string>;

function selectionFor(scope: AccessScope, mode: CaseListMode): CaseSelection {
  const { role, userId, unitId } = scope.actor;
  if (mode === 'unit' || role === 'manager')
    return unitId ? { kind: 'unit', unitId } : { kind: 'responsible', userId };
  if (role === 'socialWorker') return { kind: 'responsible', userId };
  // Intake: its own unit's cases as "mine"; a search reaches every case, for the child's history.
  if (mode === 'mine' && unitId) return { kind: 'unit', unitId };
  return { kind: 'municipality' };
}

/**
 * A list of cases as a page shows it, in the page's scope: the list is authorised, each case on
 * it is one the user may open (`case.read`), and only the cases shown are audited.
 */
export async function readCaseList(
  scope: AccessScope,
  mode: CaseListMode,
  query: CaseListQuery,
  today: string,
): Promise<CaseListView> {
  const actor = scope.actor;
  const action = listAction[mode];
  scope.authorize(action, { type: 'caseList', municipalityId: actor.municipalityId, unitId: actor.unitId });
  const rows = query.text || mode !== 'search' ? await casesFor(scope, selectionFor(scope, mode), query) : [];
  const truncated = rows.length > rowLimit;
  const readable = rows.slice(0, rowLimit).filter(
    (row) =>
      decide(actor, 'case.read', {
        type: 'case',
        municipalityId: actor.municipalityId,
        case: caseContextOf(row),
      }).allowed,
  );
  const sorted = sortCases(withNextSteps(readable, today), query.sort, {
    managerFirst: actor.role === 'manager' && mode !== 'search',
  });
  const limit = mode === 'search' ? searchLimit : pageSize;
  const offset = mode === 'search' ? 0 : (query.page - 1) * pageSize;
  const shown = sorted.slice(offset, offset + limit);
  if (shown.length)
    await scope.audit(
      ...shown.map(({ c }) => ({ action, subjectPersonId: c.child_id, recordType: 'case', recordId: c.id })),
    );
  const workers =
    actor.role === 'manager' && actor.unitId && mode !== 'search'
      ? await workersOfUnit(scope, actor.unitId)
      : null;
  return { mode, query, cases: shown, total: sorted.length, truncated, workers };
}
