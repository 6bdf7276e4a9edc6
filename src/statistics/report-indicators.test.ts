import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportRow } from './inputs.ts';
import { parsePeriodKey } from './periods.ts';
import { ageBandOf, reportSourceOf, reportsByAgeAndSex, reportsBySource } from './report-indicators.ts';
import { anyReport } from './test-factories.ts';

const aReport = (o: Partial<ReportRow> = {}) =>
  anyReport({ receivedOn: '2026-02-10', childBirthDate: '2016-02-10', ...o });

const scope = { period: parsePeriodKey('2026-02')!, today: '2026-03-01', unitId: null };

describe('reports by source', () => {
  it('groups professionals by organisation and keeps private and anonymous reporters apart', () => {
    assert.equal(reportSourceOf({ reporterKind: 'professional', organisationKind: 'police' }), 'police');
    assert.equal(
      reportSourceOf({ reporterKind: 'professional', organisationKind: 'other' }),
      'otherProfessional',
    );
    assert.equal(
      reportSourceOf({ reporterKind: 'professional', organisationKind: null }),
      'otherProfessional',
    );
    assert.equal(reportSourceOf({ reporterKind: 'anonymous', organisationKind: 'school' }), 'anonymous');
    const f = reportsBySource(
      [
        aReport(),
        aReport(),
        aReport({ organisationKind: 'healthCare' }),
        aReport({ reporterKind: 'private', organisationKind: null }),
        aReport({ receivedOn: '2026-03-01' }),
      ],
      scope,
    );
    assert.equal(f.cells.school, 2);
    assert.equal(f.cells.healthCare, 1);
    assert.equal(f.cells.private, 1);
    assert.equal(f.cells.police, 0, 'a group with no reports is a zero, not missing');
    assert.equal(f.cells.received, 4);
    assert.deepEqual(f.lines, [
      {
        members: [
          'school',
          'healthCare',
          'dentalCare',
          'police',
          'otherProfessional',
          'private',
          'anonymous',
        ],
        total: 'received',
      },
    ]);
  });
});

describe('reports by the child’s age and sex', () => {
  it('takes the age on the day the report came in', () => {
    assert.equal(ageBandOf('2020-02-11', '2026-02-10'), 'age0to5');
    assert.equal(ageBandOf('2020-02-10', '2026-02-10'), 'age6to12', 'six on the birthday');
    assert.equal(ageBandOf('2008-02-11', '2026-02-10'), 'age13to17');
    assert.equal(ageBandOf('2008-02-10', '2026-02-10'), 'age18plus');
    assert.equal(ageBandOf(null, '2026-02-10'), 'ageUnknown');
    assert.equal(
      ageBandOf('2027-01-01', '2026-02-10'),
      'ageUnknown',
      'a birth date after the report is not an age',
    );
  });

  it('gives a table with both margins and the total', () => {
    const f = reportsByAgeAndSex(
      [
        aReport({ childBirthDate: '2022-01-01', childSex: 'male' }),
        aReport({ childBirthDate: '2012-01-01', childSex: 'female' }),
        aReport({ childBirthDate: '2012-01-01', childSex: 'male' }),
        aReport({ childBirthDate: null, childSex: 'unknown' }),
      ],
      scope,
    );
    assert.equal(f.cells['age0to5|male'], 1);
    assert.equal(f.cells['age13to17|*'], 2);
    assert.equal(f.cells['*|male'], 2);
    assert.equal(f.cells.received, 4);
    assert.equal(f.rows['*|male']!.length, 2);
    assert.equal(f.lines.filter((l) => l.total === 'received').length, 2, 'the total closes both margins');
  });
});
