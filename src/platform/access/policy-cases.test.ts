import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actions, type CaseContext, decide, type Resource } from '../../access.ts';
import { actor, home } from '../../testing/policy-actors.ts';
import { roles } from '../db/schema.ts';

describe('the access policy, case by case', () => {
  const caseActions = actions.filter((a) => a.startsWith('case.') || a.startsWith('caseNote.'));
  const caseOf = (context: Partial<CaseContext>): Resource => ({
    type: 'case',
    municipalityId: home,
    case: { unitIds: ['unit-a'], responsibleUserId: 'someone-else', phase: 'investigation', ...context },
  });

  it('lets a social worker reach only the cases they are responsible for', () => {
    const worker = actor('socialWorker');
    for (const action of ['case.read', 'case.update', 'case.close', 'caseNote.write'] as const) {
      assert.deepEqual(decide(worker, action, caseOf({})), { allowed: false, reason: 'notAssigned' }, action);
      assert.equal(
        decide(worker, action, caseOf({ responsibleUserId: worker.userId })).allowed,
        true,
        action,
      );
    }
    const report: Resource = {
      type: 'report',
      municipalityId: home,
      case: { unitIds: ['unit-a'], responsibleUserId: null, phase: 'new' },
    };
    assert.deepEqual(decide(worker, 'report.read', report), { allowed: false, reason: 'notAssigned' });
  });

  it("lets a manager reach only the cases of their own unit, never another unit's", () => {
    const manager = actor('manager');
    for (const action of caseActions) {
      assert.deepEqual(
        decide(manager, action, caseOf({ unitIds: ['unit-b'] })),
        { allowed: false, reason: 'otherUnit' },
        action,
      );
      assert.equal(decide(manager, action, caseOf({ unitIds: ['unit-b', 'unit-a'] })).allowed, true, action);
    }
    const noUnit = actor('manager', { unitId: null });
    assert.equal(decide(noUnit, 'case.read', caseOf({})).allowed, false);
  });

  it('lets intake workers read every case but change one only before an investigation is opened', () => {
    const intake = actor('intakeWorker');
    assert.equal(decide(intake, 'case.read', caseOf({ phase: 'closed', unitIds: ['x'] })).allowed, true);
    for (const action of ['case.update', 'case.decideInitialAssessment', 'caseNote.write'] as const) {
      assert.equal(decide(intake, action, caseOf({ phase: 'initialAssessment' })).allowed, true, action);
      for (const phase of ['investigation', 'closed'] as const)
        assert.deepEqual(decide(intake, action, caseOf({ phase })), { allowed: false, reason: 'wrongPhase' });
    }
  });

  it('keeps decisions under delegation with the managers', () => {
    for (const role of roles) {
      for (const action of ['case.decide', 'case.extend', 'case.assign'] as const) {
        const decision = decide(actor(role), action, caseOf({ responsibleUserId: `user-${role}` }));
        assert.equal(decision.allowed, role === 'manager', `${role} ${action}`);
      }
    }
  });

  it("shows the children behind a unit's figures to that unit's manager only, never to the statistics reader", () => {
    const unit = (unitId: string): Resource => ({ type: 'statisticsUnit', municipalityId: home, unitId });
    assert.equal(decide(actor('manager'), 'statistics.drillDown', unit('unit-a')).allowed, true);
    assert.deepEqual(decide(actor('manager'), 'statistics.drillDown', unit('unit-b')), {
      allowed: false,
      reason: 'otherUnit',
    });
    assert.deepEqual(decide(actor('manager', { unitId: null }), 'statistics.drillDown', unit('unit-a')), {
      allowed: false,
      reason: 'otherUnit',
    });
    assert.deepEqual(decide(actor('statisticsReader'), 'statistics.drillDown', unit('unit-a')), {
      allowed: false,
      reason: 'roleNotPermitted',
    });
  });

  it("shows a unit's worklist to that unit's manager only", () => {
    const manager = actor('manager');
    const list = (unitId: string | null): Resource => ({ type: 'worklist', municipalityId: home, unitId });
    assert.equal(decide(manager, 'worklist.readUnit', list('unit-a')).allowed, true);
    assert.deepEqual(decide(manager, 'worklist.readUnit', list('unit-b')), {
      allowed: false,
      reason: 'otherUnit',
    });
    assert.deepEqual(decide(manager, 'worklist.readUnit', list(null)), {
      allowed: false,
      reason: 'otherUnit',
    });
  });

  it("keeps each user's notifications and calendar to that user, and a unit's cases to its manager", () => {
    for (const role of ['intakeWorker', 'socialWorker', 'manager'] as const) {
      for (const action of ['notification.read', 'calendar.read', 'calendar.manage'] as const) {
        const someoneElse: Resource = { type: 'ownWorkday', municipalityId: home, userId: 'user-other' };
        assert.deepEqual(decide(actor(role), action, someoneElse), {
          allowed: false,
          reason: 'notOwnWorkday',
        });
      }
    }
    const unitList = (unitId: string | null): Resource => ({
      type: 'caseList',
      municipalityId: home,
      unitId,
    });
    assert.deepEqual(decide(actor('manager'), 'caseList.readUnit', unitList('unit-b')), {
      allowed: false,
      reason: 'otherUnit',
    });
    assert.deepEqual(decide(actor('manager', { unitId: null }), 'caseList.readUnit', unitList(null)), {
      allowed: false,
      reason: 'otherUnit',
    });
  });
});
