import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Role, roles } from '../db/schema.ts';
import { type Action, type Actor, actions, decide, type Resource, requiresSecondFactor } from './policy.ts';

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
    case 'guide.edit':
    case 'guide.review':
    case 'guide.publish':
      return { type: 'guide', municipalityId, lastEditedBy: 'someone-else' };
  }
}

// The whole matrix, written out so a change of rights shows up as a change of this table.
// Y = allowed in the user's own municipality.
const expected: Record<Role, Partial<Record<Action, 'Y'>>> = {
  administrator: { 'unit.manage': 'Y', 'user.manage': 'Y' },
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
  },
  manager: {
    'person.search': 'Y',
    'person.read': 'Y',
    'person.readProtectedDetails': 'Y',
    'auditLog.review': 'Y',
    'statistics.read': 'Y',
  },
  partnerProfessional: {},
  statisticsReader: { 'statistics.read': 'Y' },
  guideEditor: { 'guide.edit': 'Y', 'guide.review': 'Y', 'guide.publish': 'Y' },
};

const reason = 'Behöver adressen för hembesök enligt beslut.';

describe('the access policy, role by action', () => {
  for (const role of roles) {
    for (const action of actions) {
      const allowed = expected[role][action] === 'Y';
      it(`${role} ${allowed ? 'may' : 'may not'} ${action} in their own municipality`, () => {
        const decision = decide(actor(role), action, resourceFor(action), { reason });
        assert.equal(decision.allowed, allowed, JSON.stringify(decision));
        if (!allowed) assert.equal(decision.reason, 'roleNotPermitted');
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

  it('lets no editor review their own change to the guide (four eyes)', () => {
    const editor = actor('guideEditor');
    const own = { type: 'guide' as const, municipalityId: home, lastEditedBy: editor.userId };
    assert.deepEqual(decide(editor, 'guide.review', own), { allowed: false, reason: 'ownChange' });
    assert.equal(decide(editor, 'guide.edit', own).allowed, true, 'may go on editing');
    assert.equal(decide(editor, 'guide.publish', own).allowed, true, 'publishes what another reviewed');
  });

  it('requires a second factor of guide editors, who handle no personal data but public texts', () => {
    const editor = actor('guideEditor', { secondFactorDone: false });
    assert.deepEqual(decide(editor, 'guide.edit', resourceFor('guide.edit')), {
      allowed: false,
      reason: 'secondFactorRequired',
    });
  });

  it('gives guide editors nothing of the people register or the log', () => {
    const editor = actor('guideEditor');
    for (const action of ['person.search', 'person.read', 'auditLog.review', 'user.manage'] as const)
      assert.equal(decide(editor, action, resourceFor(action), { reason }).allowed, false, action);
  });

  it('gives partner professionals no access at all to the social services file', () => {
    for (const kind of ['school', 'healthCare', 'dentalCare', 'police'] as const) {
      const partner = actor('partnerProfessional', { partnerKind: kind });
      for (const action of actions)
        assert.equal(decide(partner, action, resourceFor(action), { reason }).allowed, false);
    }
  });
});
