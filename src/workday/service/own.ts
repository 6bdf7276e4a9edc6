import type { AccessScope } from '../../platform/access/scope.ts';

/** The signed-in user's own notifications and calendar, as the policy's resource. */
export const ownWorkday = (scope: AccessScope) => ({
  type: 'ownWorkday' as const,
  municipalityId: scope.actor.municipalityId,
  userId: scope.actor.userId,
});
