import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Action, type Actor, actions, decide, registeredRuleSets, registerRules } from '../../access.ts';
import { roles } from '../db/schema.ts';
import { languages } from '../i18n/i18n.ts';
import { denyReasonText, isConcealed } from './reasons.ts';

/**
 * The policy as composed from the features' rule sets (docs/decisions/0052): what holds whatever
 * rule sets there are. The role-by-action table itself is policy.test.ts.
 */

const actor = (role: Actor['role']): Actor => ({
  userId: `user-${role}`,
  municipalityId: 'm',
  role,
  unitId: 'unit-a',
  displayName: role,
  organisation: null,
  partnerKind: null,
  partnerOrganisationId: role === 'partnerProfessional' ? 'org' : null,
  administersOrganisation: true,
  secondFactorDone: true,
});

describe('the policy composed from rule sets', () => {
  it('has the platform’s rules first and every feature’s after them', () => {
    assert.deepEqual(
      registeredRuleSets().map((set) => set.name),
      [
        'platform',
        'cases',
        'guide',
        'partners',
        'sip',
        'documents',
        'workday',
        'joint-visits',
        'placements',
        'statistics',
        'workload',
        'good-practice',
        'action-plans',
        'forums',
        'retention',
        'statistics-reporting',
      ],
    );
    assert.equal(actions[0], 'person.search');
    assert.equal(new Set(actions).size, actions.length, 'no action twice');
  });

  it('refuses an action that no rule set registered, to every role and to the public', () => {
    const unknown = 'placement.read' as Action;
    for (const type of ['personRegister', 'case', 'sip'] as const) {
      const resource = { type, municipalityId: 'm' } as never;
      assert.deepEqual(decide(null, unknown, resource), { allowed: false, reason: 'notSignedIn' });
      for (const role of roles) assert.equal(decide(actor(role), unknown, resource).allowed, false, role);
    }
  });

  it('gives every deny reason of every rule set a text in every language', () => {
    for (const set of registeredRuleSets()) {
      if (!set.reasonTexts) continue;
      const reasons = Object.keys(set.reasonTexts('sv'));
      assert.ok(reasons.length > 0, set.name);
      for (const lang of languages) {
        assert.deepEqual(Object.keys(set.reasonTexts(lang)), reasons, `${set.name} ${lang}`);
        for (const reason of reasons) {
          const text = denyReasonText(reason as never, lang);
          assert.ok(text.trim().length > 0 && text !== denyReasonText('unheardOf' as never, lang), reason);
        }
      }
    }
    assert.equal(denyReasonText('notSignedIn', 'sv'), 'Du behöver logga in.');
    assert.equal(
      denyReasonText('consentWithdrawn', 'en'),
      'The consent has been withdrawn. The information can no longer be shared.',
    );
    assert.equal(denyReasonText('unheardOf' as never, 'sv'), 'Du har inte behörighet till detta.');
  });

  it('answers the refusals that would confirm a plan or an organisation exists as "not found"', () => {
    assert.equal(isConcealed('notParticipant'), true);
    assert.equal(isConcealed('otherOrganisation'), true);
    for (const reason of ['notSignedIn', 'roleNotPermitted', 'consentWithdrawn', 'otherUnit'] as const)
      assert.equal(isConcealed(reason), false, reason);
  });

  it('refuses a rule set that takes another’s action, grants what is not its own, or comes twice', () => {
    assert.throws(
      () => registerRules({ name: 'thief', actions: { 'sip.read': 'sip' }, grants: {} }),
      /already sip's/,
    );
    assert.throws(
      () => registerRules({ name: 'generous', actions: {}, grants: { statisticsReader: ['case.read'] } }),
      /not its own/,
    );
    assert.throws(() => registerRules({ name: 'sip', actions: {}, grants: {} }), /registered twice/);
    assert.equal(decide(actor('statisticsReader'), 'case.read', caseOf()).allowed, false);
  });
});

function caseOf() {
  return {
    type: 'case' as const,
    municipalityId: 'm',
    case: { unitIds: ['unit-a'], responsibleUserId: null, phase: 'investigation' as const },
  };
}
