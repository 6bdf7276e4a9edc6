import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSetupArgs, defaultUnits } from './domain.ts';

const base = { municipality: 'Sjövik', code: '9901', admin: 'Admin' };

describe('setup arguments', () => {
  it('takes name, code and administrator, with the default units', () => {
    const checked = checkSetupArgs(base);
    assert.ok(checked.ok);
    assert.equal(checked.input.admin, 'admin');
    assert.equal(checked.input.adminName, 'Administratör');
    assert.deepEqual(checked.input.units, defaultUnits);
  });

  it('refuses what is missing or malformed, naming the argument', () => {
    const problem = (args: Record<string, unknown>) => {
      const checked = checkSetupArgs({ ...base, ...args });
      return checked.ok ? null : checked.problem;
    };
    assert.match(problem({ municipality: undefined }) ?? '', /--municipality is required/);
    assert.match(problem({ municipality: 'x'.repeat(201) }) ?? '', /--municipality/);
    assert.match(problem({ municipality: 'A<script>' }) ?? '', /--municipality/);
    for (const code of ['180', '01800', 'abcd', ' ', undefined])
      assert.match(problem({ code }) ?? '', /--code must be the four-digit/);
    for (const admin of ['ab', 'with space', 'åsa', 'x'.repeat(65), undefined])
      assert.match(problem({ admin }) ?? '', /--admin must be/);
    assert.match(problem({ 'admin-email': 'not an address' }) ?? '', /--admin-email/);
    assert.match(problem({ unit: ['Mottagningen:nowhere'] }) ?? '', /the kind must be one of/);
    assert.match(problem({ unit: ['Mottagningen:intake'] }) ?? '', /of kind administration/);
    assert.match(problem({ unit: ['A:administration', 'A:intake'] }) ?? '', /named twice/);
  });

  it('takes named units in the order given', () => {
    const checked = checkSetupArgs({ ...base, unit: ['IFO stab:administration', 'Mottagning: Barn:intake'] });
    assert.ok(checked.ok);
    assert.deepEqual(checked.input.units, [
      { name: 'IFO stab', kind: 'administration' },
      { name: 'Mottagning: Barn', kind: 'intake' },
    ]);
  });
});
