import type { Resource } from '../../platform/access/policy.ts';
import type { AccessScope } from '../../platform/access/scope.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { type LoadedPlacement, placementContextOf } from '../queries/facts.ts';

/** A placement as the policy sees it, and as the audit trail records it. */
export const placementResource = (p: LoadedPlacement): Resource => ({
  type: 'placement',
  municipalityId: p.row.municipality_id,
  placement: placementContextOf(p),
});

export const placementAudit = (p: LoadedPlacement, action: string, reason?: string): AuditEntry => ({
  action,
  subjectPersonId: p.row.child_id,
  recordType: 'placement',
  recordId: p.row.id,
  ...(reason ? { reason } : {}),
});

/** Each child shown in a list of placements has been seen (decision 0075). */
export const seenPlacements = (list: readonly LoadedPlacement[]): AuditEntry[] =>
  list.map((p) => placementAudit(p, 'placement.list'));

/** Not found: still a decision by the policy (may this user look for placements at all?). */
export function authorizeLookup(scope: AccessScope): void {
  scope.authorize('placement.list', {
    type: 'placementRegister',
    municipalityId: scope.actor.municipalityId,
    unitId: null,
  });
}

/** Field errors as codes: the routes turn them into texts in the user's language. */
export type FieldCodes = Record<string, string>;
export type Outcome<T = Record<never, never>> = ({ ok: true } & T) | { ok: false; errors: FieldCodes };

export const failed = (errors: FieldCodes): { ok: false; errors: FieldCodes } => ({ ok: false, errors });
