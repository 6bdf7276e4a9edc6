import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Role, roles } from '../db/schema.ts';
import {
  type Action,
  type Actor,
  actions,
  type DenyReason,
  decide,
  type Resource,
  requiresSecondFactor,
} from './policy.ts';

const home = 'municipality-a';
const other = 'municipality-b';

function actor(role: Role, overrides: Partial<Actor> = {}): Actor {
  return {
    userId: `user-${role}`,
    municipalityId: home,
    role,
    unitId: null,
    displayName: role,
    organisation: null,
    partnerKind: role === 'partnerProfessional' ? 'school' : null,
    partnerOrganisationId: role === 'partnerProfessional' ? 'org-school' : null,
    secondFactorDone: true,
    ...overrides,
  };
}

function resourceFor(action: Action, municipalityId = home): Resource {
  switch (action) {
    case 'person.search':
    case 'person.create':
      return { type: 'personRegister', municipalityId };
    case 'person.read':
    case 'person.update':
    case 'person.readProtectedDetails':
      return { type: 'person', municipalityId, protectedIdentity: 'protectedRegistration' };
    case 'auditLog.review':
      return { type: 'auditLog', municipalityId };
    case 'unit.manage':
    case 'user.manage':
      return { type: 'administration', municipalityId };
    case 'statistics.read':
      return { type: 'statistics', municipalityId };
    case 'partnerOrganisation.manage':
      return { type: 'administration', municipalityId };
    case 'partnerOrganisation.manageUsers':
      return { type: 'partnerOrganisation', municipalityId, organisationId: 'org-school' };
    case 'sip.list':
    case 'sip.create':
    case 'sip.request':
      return { type: 'sipRegister', municipalityId };
    case 'sip.accept':
    case 'sip.read':
    case 'sip.update':
    case 'sip.recordConsent':
    case 'sip.withdrawConsent':
    case 'sip.agree':
    case 'sip.reportActionStatus':
    case 'sip.followUp':
    case 'sip.close':
      return { type: 'sip', municipalityId, sip: openSip, informationKind: 'plan' };
  }
}

/** A plan the matrix's social worker coordinates, with the school as a consenting party. */
const openSip = {
  status: 'active',
  coordinatorUserId: 'user-socialWorker',
  participantOrganisationIds: ['org-social-services', 'org-school'],
  requestedByOrganisationId: null,
  consent: {
    givenOn: '2026-01-10',
    validUntil: '2026-12-31',
    withdrawn: false,
    organisationIds: ['org-social-services', 'org-school'],
    informationKinds: ['plan', 'needs', 'contactDetails'],
  },
  asOf: '2026-03-01',
} as const;

const socialServicesSip = {
  'sip.list': 'Y',
  'sip.create': 'Y',
  'sip.accept': 'Y',
  'sip.read': 'Y',
  'sip.update': 'Y',
  'sip.recordConsent': 'Y',
  'sip.withdrawConsent': 'Y',
  'sip.agree': 'Y',
  'sip.reportActionStatus': 'Y',
  'sip.followUp': 'Y',
  'sip.close': 'Y',
} as const;

// The whole matrix, written out so a change of rights shows up as a change of this table.
// Y = allowed in the user's own municipality; a deny reason = granted to the role but refused here.
const expected: Record<Role, Partial<Record<Action, 'Y' | DenyReason>>> = {
  administrator: {
    'unit.manage': 'Y',
    'user.manage': 'Y',
    'partnerOrganisation.manage': 'Y',
    'partnerOrganisation.manageUsers': 'Y',
  },
  intakeWorker: {
    'person.search': 'Y',
    'person.read': 'Y',
    'person.create': 'Y',
    'person.update': 'Y',
    'person.readProtectedDetails': 'Y',
  },
  socialWorker: {
    'person.search': 'Y',
    'person.read': 'Y',
    'person.create': 'Y',
    'person.update': 'Y',
    'person.readProtectedDetails': 'Y',
    ...socialServicesSip,
  },
  manager: {
    'person.search': 'Y',
    'person.read': 'Y',
    'person.readProtectedDetails': 'Y',
    'auditLog.review': 'Y',
    'statistics.read': 'Y',
    ...socialServicesSip,
  },
  partnerProfessional: {
    'sip.request': 'Y',
    'sip.read': 'Y',
    'sip.agree': 'Y',
    'sip.withdrawConsent': 'Y',
    'sip.reportActionStatus': 'Y',
    'partnerOrganisation.manageUsers': 'notOrganisationAdministrator',
  },
  statisticsReader: { 'statistics.read': 'Y' },
};

const reason = 'Behöver adressen för hembesök enligt beslut.';

describe('the access policy, role by action', () => {
  for (const role of roles) {
    for (const action of actions) {
      const cell = expected[role][action];
      const allowed = cell === 'Y';
      it(`${role} ${allowed ? 'may' : 'may not'} ${action} in their own municipality`, () => {
        const decision = decide(actor(role), action, resourceFor(action), { reason });
        assert.equal(decision.allowed, allowed, JSON.stringify(decision));
        if (!allowed) assert.equal(decision.reason, cell ?? 'roleNotPermitted');
      });
      it(`${role} may never ${action} in another municipality`, () => {
        const decision = decide(actor(role), action, resourceFor(action, other), { reason });
        assert.deepEqual(decision, { allowed: false, reason: 'otherMunicipality' });
      });
    }
  }
});

describe('the access policy, beyond the matrix', () => {
  it('refuses everything to an anonymous visitor', () => {
    for (const action of actions) {
      assert.deepEqual(decide(null, action, resourceFor(action)), { allowed: false, reason: 'notSignedIn' });
    }
  });

  it('refuses personal data until the second factor is done', () => {
    const halfLoggedIn = actor('socialWorker', { secondFactorDone: false });
    assert.deepEqual(decide(halfLoggedIn, 'person.read', resourceFor('person.read')), {
      allowed: false,
      reason: 'secondFactorRequired',
    });
  });

  it('requires a second factor of every role except the statistics reader', () => {
    for (const role of roles) assert.equal(requiresSecondFactor(role), role !== 'statisticsReader', role);
  });

  it('lets a statistics reader without a second factor read statistics only', () => {
    const reader = actor('statisticsReader', { secondFactorDone: false });
    assert.equal(decide(reader, 'statistics.read', resourceFor('statistics.read')).allowed, true);
    assert.equal(decide(reader, 'person.read', resourceFor('person.read')).allowed, false);
  });

  it('demands a reason of at least ten characters before showing protected whereabouts', () => {
    const worker = actor('socialWorker');
    const resource = resourceFor('person.readProtectedDetails');
    for (const given of [undefined, '', '   ', 'kort skäl']) {
      assert.deepEqual(decide(worker, 'person.readProtectedDetails', resource, { reason: given }), {
        allowed: false,
        reason: 'reasonRequired',
      });
    }
    assert.equal(decide(worker, 'person.readProtectedDetails', resource, { reason }).allowed, true);
  });

  it('refuses an action applied to the wrong kind of resource', () => {
    const decision = decide(actor('manager'), 'person.read', { type: 'auditLog', municipalityId: home });
    assert.deepEqual(decision, { allowed: false, reason: 'wrongResource' });
  });

  it('gives partner professionals no access at all to the social services file', () => {
    for (const kind of ['school', 'healthCare', 'dentalCare', 'police'] as const) {
      const partner = actor('partnerProfessional', { partnerKind: kind });
      for (const action of actions) {
        if (action.startsWith('sip.') || action.startsWith('partnerOrganisation.')) continue;
        assert.equal(decide(partner, action, resourceFor(action), { reason }).allowed, false);
      }
    }
  });
});
