import type { Actor, CaseContext } from '../access.ts';
import type { Role } from '../platform/db/schema.ts';

/** The actors and the case the policy tests ask about (policy.test.ts, policy-cases.test.ts). */
export const home = 'municipality-a';
export const other = 'municipality-b';

export function actor(role: Role, overrides: Partial<Actor> = {}): Actor {
  return {
    userId: `user-${role}`,
    municipalityId: home,
    role,
    unitId: 'unit-a',
    displayName: role,
    organisation: null,
    partnerKind: role === 'partnerProfessional' ? 'school' : null,
    partnerOrganisationId: role === 'partnerProfessional' ? 'org-school' : null,
    secondFactorDone: true,
    ...overrides,
  };
}

/** A case the actor in the matrix stands in the right relation to: their unit, assigned to them. */
export const ownCase = (role: Role, phase: CaseContext['phase'] = 'initialAssessment'): CaseContext => ({
  unitIds: ['unit-a'],
  responsibleUserId: `user-${role}`,
  phase,
});
