import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type UnaccompaniedRecord, unaccompaniedRefusals, unaccompaniedTasks } from './unaccompanied.ts';

function record(more: Partial<UnaccompaniedRecord> = {}): UnaccompaniedRecord {
  return {
    childId: 'child-u',
    birthDate: '2010-02-28',
    arrivedOn: '2025-10-01',
    assignedOn: '2025-10-03',
    appointedGuardian: {
      name: 'Gode Man Test',
      appointedBy: 'Överförmyndarnämnden i Sjövik',
      appointedOn: '2025-10-10',
      contact: '070-000 00 00',
    },
    residencePermitOn: null,
    specialCustodian: { appliedOn: null, notAppliedReason: null, appointedOn: null },
    healthExaminationDoneOn: '2025-11-02',
    schoolStartedOn: '2025-10-20',
    transitionPlannedOn: null,
    ...more,
  };
}
const tasks = (r: UnaccompaniedRecord, today: string) => unaccompaniedTasks(r, today).map((t) => t.task);

describe('an unaccompanied minor', () => {
  it('with a god man, school and health examination, and no permit yet, has nothing open', () => {
    assert.deepEqual(tasks(record(), '2026-01-15'), []);
  });
  it('without a god man is flagged from arrival', () => {
    assert.deepEqual(unaccompaniedTasks(record({ appointedGuardian: null }), '2026-01-15'), [
      { task: 'appointedGuardianMissing', since: '2025-10-01' },
    ]);
  });
  it('a residence permit opens the application for a specially appointed custodian, due at once', () => {
    const [task] = unaccompaniedTasks(record({ residencePermitOn: '2026-01-12' }), '2026-01-15');
    assert.equal(task?.task, 'specialCustodianApplication');
    assert.ok(task?.task === 'specialCustodianApplication');
    assert.equal(task.duty.dueOn, '2026-01-12');
    assert.equal(task.duty.referenceText, 'Lag (2005:429) om god man för ensamkommande barn 10 §');
  });
  it('once applied it waits for the court; special reasons not to apply close it; the appointment ends it', () => {
    const applied = { appliedOn: '2026-01-20', notAppliedReason: null, appointedOn: null };
    assert.deepEqual(
      tasks(record({ residencePermitOn: '2026-01-12', specialCustodian: applied }), '2026-02-01'),
      ['specialCustodianPending'],
    );
    const reasons = { appliedOn: null, notAppliedReason: 'turns18Soon' as const, appointedOn: null };
    assert.deepEqual(
      tasks(record({ residencePermitOn: '2026-01-12', specialCustodian: reasons }), '2026-02-01'),
      [],
    );
    const appointed = { ...applied, appointedOn: '2026-03-01' };
    assert.deepEqual(
      tasks(
        record({ residencePermitOn: '2026-01-12', specialCustodian: appointed, appointedGuardian: null }),
        '2026-03-02',
      ),
      [],
    );
  });
  it('tracks the health examination and school until recorded', () => {
    assert.deepEqual(tasks(record({ healthExaminationDoneOn: null, schoolStartedOn: null }), '2025-10-05'), [
      'healthExamination',
      'schoolStart',
    ]);
  });
  it('plans turning 18 from six months before the birthday, the municipality’s setting', () => {
    // Born 28 February 2010: 18 on 28 February 2028, the plan due 28 August 2027.
    assert.deepEqual(tasks(record(), '2027-08-27'), []);
    assert.deepEqual(unaccompaniedTasks(record(), '2027-08-28'), [
      { task: 'transitionAt18', dueOn: '2027-08-28', turns18On: '2028-02-28' },
    ]);
    assert.deepEqual(tasks(record(), '2027-05-01').length, 0);
    assert.deepEqual(
      unaccompaniedTasks(record(), '2027-05-01', 12).map((t) => t.task),
      ['transitionAt18'],
    );
    assert.deepEqual(tasks(record({ transitionPlannedOn: '2027-09-01' }), '2027-10-01'), []);
  });
  it('has no tasks once 18', () => {
    assert.deepEqual(tasks(record({ appointedGuardian: null }), '2028-02-28'), []);
  });
});

describe('the record refuses', () => {
  const codes = (r: UnaccompaniedRecord) =>
    unaccompaniedRefusals(r, '2026-03-01').map((x) => `${x.code}@${x.at}`);
  it('dates before the arrival, in the future or not dates', () => {
    assert.deepEqual(codes(record({ assignedOn: '2025-09-30' })), ['beforeArrival@assignedOn']);
    assert.deepEqual(codes(record({ schoolStartedOn: '2026-03-02' })), ['dateInFuture@schoolStartedOn']);
    assert.deepEqual(codes(record({ residencePermitOn: '2026-02-29' })), ['dateInvalid@residencePermitOn']);
  });
  it('an application before the permit, an appointment before the application', () => {
    const custodian = { appliedOn: '2026-01-10', notAppliedReason: null, appointedOn: '2026-01-09' };
    assert.deepEqual(codes(record({ residencePermitOn: '2026-01-12', specialCustodian: custodian })), [
      'appliedBeforePermit@specialCustodian.appliedOn',
      'appointedBeforeApplication@specialCustodian.appointedOn',
    ]);
  });
  it('"other" special reasons without saying which', () => {
    const custodian = {
      appliedOn: null,
      notAppliedReason: 'other' as const,
      notAppliedText: ' ',
      appointedOn: null,
    };
    assert.deepEqual(codes(record({ residencePermitOn: '2026-01-12', specialCustodian: custodian })), [
      'reasonTextMissing@specialCustodian.notAppliedText',
    ]);
  });
});
