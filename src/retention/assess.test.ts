import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatePersonalNumber } from '../people/personal-number.ts';
import { assessRetention } from './assess.ts';
import type { CaseFacts, FileRecord, PlacementFacts, RetentionAssessment, RetentionInput } from './model.ts';

// A fictional child born on the 7th (not in the research sample), in the demo municipality.
const bornOn = '2010-03-07';

function person(birthDate = bornOn, opts: { coordination?: boolean } = {}) {
  return {
    personalNumber: generatePersonalNumber(birthDate, 238, opts),
    birthDate: null,
    registeredOn: '2018-01-10',
  };
}

function closedCase(id: string, overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    id,
    kind: 'childWelfare',
    openedOn: '2020-09-01',
    initialDecision: 'noInvestigation',
    investigationOpenedOn: null,
    closedOn: '2020-09-14',
    ...overrides,
  };
}

function record(
  recordType: string,
  recordId: string,
  enteredOn: string,
  caseId: string | null = null,
): FileRecord {
  return { recordType, recordId, caseId, placementId: null, enteredOn };
}

/** A report in 2020 that led to no investigation: the case's last entry is 14 September 2020. */
function input(today: string, overrides: Partial<RetentionInput> = {}): RetentionInput {
  return {
    today,
    municipalityCode: '9901',
    person: person(),
    cases: [closedCase('c1')],
    placements: [],
    interventions: [],
    records: [record('report', 'r1', '2020-09-01', 'c1'), record('case', 'c1', '2020-09-14', 'c1')],
    ...overrides,
  };
}

const verdictOf = (a: RetentionAssessment, recordId: string) =>
  a.records.find((r) => r.recordId === recordId)!;
/** How long a record is kept, or 'culled'. */
const untilOf = (a: RetentionAssessment, recordId: string) => {
  const v = verdictOf(a, recordId);
  return v.verdict === 'keep' ? v.until : 'culled';
};
const ongoingOf = (a: RetentionAssessment) => (a.file.state === 'active' ? a.file.ongoing : null);
const rulesOf = (a: RetentionAssessment, recordId: string) =>
  verdictOf(a, recordId).rules.map((r) => r.ruleId);

describe('five years after the last entry (16 kap. 1 § SoL)', () => {
  it('keeps everything the day before five years have passed, and says until when', () => {
    const a = assessRetention(input('2025-09-13'));
    assert.deepEqual(a.file, {
      state: 'active',
      lastEntryOn: '2020-09-14',
      dueOn: '2025-09-14',
      ongoing: [],
    });
    for (const r of a.records)
      assert.deepEqual([r.verdict, r.verdict === 'keep' && r.until], ['keep', '2025-09-14']);
    assert.deepEqual(rulesOf(a, 'r1'), ['fiveYearsAfterLastEntry']);
    assert.equal(a.person.verdict, 'keep');
  });

  it('culls everything on the day five years have passed, to be done by the end of the next year', () => {
    const a = assessRetention(input('2025-09-14'));
    assert.deepEqual(a.file, {
      state: 'due',
      lastEntryOn: '2020-09-14',
      dueOn: '2025-09-14',
      completeBy: '2026-12-31',
      overdue: false,
    });
    const report = verdictOf(a, 'r1');
    assert.equal(report.verdict, 'cull');
    assert.ok(
      report.verdict === 'cull' && report.dueSince === '2025-09-14' && report.completeBy === '2026-12-31',
    );
    assert.deepEqual(report.rules, [
      { ruleId: 'fiveYearsAfterLastEntry', references: ['SoL (2025:400) 16 kap. 1 § första stycket'] },
      { ruleId: 'completionYear', references: ['SoL (2025:400) 16 kap. 1 § tredje stycket'] },
    ]);
    assert.equal(a.person.verdict, 'cull');
    assert.deepEqual(a.review, []);
  });

  it('counts from the latest entry in the whole file, not per record', () => {
    const a = assessRetention(
      input('2026-03-01', { records: [...input('x').records, record('caseNote', 'n1', '2021-03-02', 'c1')] }),
    );
    assert.equal(a.file.state, 'active');
    assert.equal(a.file.dueOn, '2026-03-02');
    assert.equal(verdictOf(a, 'r1').verdict, 'keep');
    assert.equal(a.person.verdict, 'keep');
  });

  it('culls a register entry with nothing else five years after it was made or last changed', () => {
    const registered = (registeredOn: string) =>
      input('2026-02-01', { person: { ...person(), registeredOn }, cases: [], records: [] });
    assert.equal(assessRetention(registered('2021-02-01')).person.verdict, 'cull');
    assert.equal(assessRetention(registered('2021-02-02')).person.verdict, 'keep');
    assert.deepEqual(assessRetention(registered('2021-02-02')).records, []);
  });

  it('is overdue after the end of the calendar year after the duty arose', () => {
    assert.equal(assessRetention(input('2026-12-31')).file.state === 'due', true);
    const onLastDay = assessRetention(input('2026-12-31'));
    const after = assessRetention(input('2027-01-01'));
    assert.ok(onLastDay.file.state === 'due' && !onLastDay.file.overdue);
    assert.ok(after.file.state === 'due' && after.file.overdue);
    assert.ok(
      verdictOf(after, 'r1').verdict === 'cull' && (verdictOf(after, 'r1') as { overdue: boolean }).overdue,
    );
  });

  it('waits until 1 March when the last entry was on a leap day', () => {
    const leap = (today: string) =>
      assessRetention(
        input(today, {
          cases: [closedCase('c1', { openedOn: '2024-02-20', closedOn: '2024-02-29' })],
          records: [record('case', 'c1', '2024-02-29', 'c1')],
        }),
      );
    assert.equal(leap('2029-02-28').file.state, 'active');
    assert.equal(leap('2029-02-28').file.dueOn, '2029-03-01');
    assert.equal(leap('2029-03-01').file.state, 'due');
  });

  it('names 16 kap. 2 a § second paragraph as the reason a case without investigation goes, from 15 January 2026', () => {
    assert.deepEqual(rulesOf(assessRetention(input('2026-01-15')), 'c1'), [
      'fiveYearsAfterLastEntry',
      'completionYear',
      'noInvestigationOpened',
    ]);
    assert.deepEqual(rulesOf(assessRetention(input('2026-01-14')), 'c1'), [
      'fiveYearsAfterLastEntry',
      'completionYear',
    ]);
  });
});

describe('nothing is culled while something recorded is ongoing (16 kap. 1 § first paragraph, second sentence)', () => {
  it('keeps a file with an open case without a date, however old its entries', () => {
    const a = assessRetention(input('2030-01-01', { cases: [closedCase('c1', { closedOn: null })] }));
    assert.deepEqual(a.file, {
      state: 'active',
      lastEntryOn: '2020-09-14',
      dueOn: null,
      ongoing: [{ type: 'case', id: 'c1' }],
    });
    assert.deepEqual(verdictOf(a, 'r1'), {
      recordType: 'report',
      recordId: 'r1',
      verdict: 'keep',
      until: 'open',
      rules: [
        {
          ruleId: 'ongoingCircumstance',
          references: [
            'SoL (2025:400) 16 kap. 1 § första stycket andra meningen',
            'SoL (2025:400) 16 kap. 1 § andra stycket',
          ],
        },
      ],
    });
  });

  it('keeps it while an intervention or a placement has not ended, and counts their end as an entry', () => {
    const running = input('2030-01-01', {
      interventions: [{ id: 'i1', caseId: 'c1', startedOn: '2020-10-01', endedOn: null }],
    });
    assert.deepEqual(ongoingOf(assessRetention(running)), [{ type: 'intervention', id: 'i1' }]);
    const ended = input('2030-01-01', {
      interventions: [{ id: 'i1', caseId: 'c1', startedOn: '2020-10-01', endedOn: '2025-06-30' }],
    });
    assert.equal(assessRetention(ended).file.dueOn, '2030-06-30');
  });
});

const placement = (overrides: Partial<PlacementFacts> = {}): PlacementFacts => ({
  id: 'pl1',
  caseId: 'c2',
  placementType: 'familyHome',
  startedOn: '2019-05-01',
  endedOn: '2019-12-20',
  ...overrides,
});

/** An early report without investigation (c1), then an investigation that placed the child (c2). */
function placedChildFile(today: string, p: Partial<PlacementFacts> = {}, birthDate = bornOn): RetentionInput {
  return input(today, {
    person: person(birthDate),
    cases: [
      closedCase('c1', { openedOn: '2018-01-10', closedOn: '2018-01-20' }),
      closedCase('c2', {
        openedOn: '2019-02-01',
        initialDecision: 'openInvestigation',
        investigationOpenedOn: '2019-02-10',
        closedOn: '2019-04-20',
      }),
    ],
    placements: [placement(p)],
    records: [
      record('report', 'r1', '2018-01-10', 'c1'),
      record('case', 'c1', '2018-01-20', 'c1'),
      record('report', 'r2', '2019-02-01', 'c2'),
      record('case', 'c2', '2019-04-20', 'c2'),
      { ...record('caseNote', 'n2', '2019-12-20'), placementId: 'pl1' },
    ],
  });
}

describe('a child placed out of home (16 kap. 2 § 3)', () => {
  it('keeps for ever what belongs to the placement and the case that led to it, and culls the rest', () => {
    const a = assessRetention(placedChildFile('2026-02-01'));
    assert.equal(a.file.state, 'due');
    for (const id of ['r2', 'c2', 'n2']) {
      const v = verdictOf(a, id);
      assert.ok(v.verdict === 'keep' && v.until === 'permanent', id);
      assert.ok(rulesOf(a, id).includes('placedChild'), id);
    }
    for (const id of ['r1', 'c1']) assert.equal(verdictOf(a, id).verdict, 'cull', id);
    assert.deepEqual(a.person, {
      verdict: 'archive',
      rules: [{ ruleId: 'identifiesKeptRecords', references: [] }],
    });
  });

  it('cites the definition of a child and the emergency home and residential care provisions', () => {
    const rule = verdictOf(assessRetention(placedChildFile('2026-02-01')), 'c2').rules.find(
      (r) => r.ruleId === 'placedChild',
    )!;
    assert.deepEqual(rule.references, [
      'SoL (2025:400) 16 kap. 2 § 3',
      'SoL (2025:400) 3 kap. 1 § andra stycket',
      'SoL (2025:400) 22 kap. 4 §',
      'SoF (2025:468) 1 kap. 5 §',
    ]);
  });

  it('keeps an emergency home, a special youth home and a private home alike', () => {
    for (const placementType of ['emergencyHome', 'specialYouthHome', 'otherPrivateHome'] as const)
      assert.equal(
        verdictOf(assessRetention(placedChildFile('2026-02-01', { placementType })), 'c2').verdict,
        'keep',
      );
  });

  it('does not keep care in the own home, nor a placement that was never carried out', () => {
    for (const p of [{ placementType: 'ownHome' as const }, { startedOn: null, endedOn: null }]) {
      const a = assessRetention(placedChildFile('2026-02-01', p));
      assert.equal(verdictOf(a, 'c2').verdict, 'cull', JSON.stringify(p));
      assert.equal(a.person.verdict, 'cull');
    }
  });

  it('does not keep a placement that began on the 18th birthday: the person was no longer a child', () => {
    const eighteen = (startedOn: string) => placedChildFile('2026-02-01', { startedOn }, '2001-05-01');
    assert.equal(verdictOf(assessRetention(eighteen('2019-05-01')), 'c2').verdict, 'cull');
    assert.equal(verdictOf(assessRetention(eighteen('2019-04-30')), 'c2').verdict, 'keep');
  });

  it('keeps while the placement goes on, even long after the last entry', () => {
    const a = assessRetention(placedChildFile('2026-02-01', { endedOn: null }));
    assert.deepEqual(ongoingOf(a), [{ type: 'placement', id: 'pl1' }]);
  });
});

/** An investigation of a child born `birthDate`, opened and closed on the dates given. */
function investigationFile(
  today: string,
  dates: { opened: string; closed: string },
  birthDate = '2010-06-20',
) {
  return input(today, {
    person: person(birthDate),
    cases: [
      closedCase('c1', {
        openedOn: dates.opened,
        initialDecision: 'openInvestigation',
        investigationOpenedOn: dates.opened,
        closedOn: dates.closed,
      }),
    ],
    records: [record('report', 'r1', dates.opened, 'c1'), record('case', 'c1', dates.closed, 'c1')],
  });
}

describe('an investigation of a child is kept until the person is 30 (16 kap. 2 a §, from 15 January 2026)', () => {
  const dates = { opened: '2026-02-01', closed: '2026-05-01' };

  it('keeps it after the file is due, until the 30th birthday', () => {
    const a = assessRetention(investigationFile('2040-06-19', dates));
    assert.equal(a.file.state, 'due');
    assert.deepEqual(verdictOf(a, 'c1'), {
      recordType: 'case',
      recordId: 'c1',
      verdict: 'keep',
      until: '2040-06-20',
      rules: [{ ruleId: 'childInvestigation', references: ['SoL (2025:400) 16 kap. 2 a § första stycket'] }],
    });
    assert.equal(verdictOf(a, 'r1').verdict, 'keep', 'the report that opened the case belongs to it');
    assert.equal(a.person.verdict, 'archive');
  });

  it('culls it on the 30th birthday, with the birthday as the day the duty arose', () => {
    const v = verdictOf(assessRetention(investigationFile('2040-06-20', dates)), 'c1');
    assert.ok(v.verdict === 'cull');
    assert.equal(v.dueSince, '2040-06-20');
    assert.equal(v.completeBy, '2041-12-31');
    assert.deepEqual(
      v.rules.map((r) => r.ruleId),
      ['fiveYearsAfterLastEntry', 'completionYear', 'childInvestigation'],
    );
  });

  it('reads a 30th birthday on a leap day as 1 March', () => {
    const leap = (today: string) =>
      untilOf(assessRetention(investigationFile(today, dates, '2008-02-29')), 'c1');
    assert.equal(leap('2038-02-28'), '2038-03-01');
    assert.equal(leap('2038-03-01'), 'culled');
  });

  it('does not apply to a case closed before 15 January 2026, and says so', () => {
    const closedOn14th = investigationFile('2031-01-14', { opened: '2025-11-01', closed: '2026-01-14' });
    const v = verdictOf(assessRetention(closedOn14th), 'c1');
    assert.equal(v.verdict, 'cull');
    assert.ok(v.rules.some((r) => r.ruleId === 'closedBeforeChildInvestigationRule'));
    assert.deepEqual(v.rules.at(-1)!.references, [
      'SoL (2025:400) övergångsbestämmelserna till SFS 2025:1501 punkt 2',
    ]);
  });

  it('applies to a case still open on 15 January 2026, also one opened under the old act', () => {
    const closedOn15th = investigationFile('2031-01-15', { opened: '2025-06-01', closed: '2026-01-15' });
    const v = verdictOf(assessRetention(closedOn15th), 'c1');
    assert.ok(v.verdict === 'keep' && v.until === '2040-06-20');
  });

  it('does not apply before 15 January 2026', () => {
    const old = investigationFile('2026-01-14', { opened: '2020-06-01', closed: '2020-09-01' });
    assert.deepEqual(rulesOf(assessRetention(old), 'c1'), ['fiveYearsAfterLastEntry', 'completionYear']);
  });

  it('does not apply to an investigation opened after the 18th birthday', () => {
    const adult = investigationFile('2040-01-01', { opened: '2028-06-20', closed: '2028-09-01' });
    assert.equal(verdictOf(assessRetention(adult), 'c1').verdict, 'cull');
    const child = investigationFile('2040-01-01', { opened: '2028-06-19', closed: '2028-09-01' });
    assert.equal(verdictOf(assessRetention(child), 'c1').verdict, 'keep');
  });

  it('keeps and asks for review when the date of birth is unknown', () => {
    const unknown = {
      ...investigationFile('2040-01-01', dates),
      person: { personalNumber: null, birthDate: null, registeredOn: '2018-01-10' },
    };
    const a = assessRetention(unknown);
    const v = verdictOf(a, 'c1');
    assert.ok(v.verdict === 'keep' && v.until === 'open');
    assert.ok(rulesOf(a, 'c1').includes('birthDateUnknown'));
    assert.deepEqual(a.review, ['birthDateUnknown']);
    assert.equal(a.birthDate, null);
  });
});

describe('the research sample (16 kap. 4 § SoL, 13 kap. 1 § SoF)', () => {
  it('keeps the whole file of a person born on the 5th, 15th or 25th', () => {
    for (const birthDate of ['2010-03-05', '2010-03-15', '2010-03-25']) {
      const a = assessRetention(input('2026-02-01', { person: person(birthDate) }));
      assert.equal(a.file.state, 'due');
      for (const r of a.records) assert.ok(r.verdict === 'keep' && r.until === 'permanent', birthDate);
      assert.deepEqual(verdictOf(a, 'r1').rules, [
        {
          ruleId: 'researchBirthDay',
          references: ['SoL (2025:400) 16 kap. 4 §', 'SoF (2025:468) 13 kap. 1 § andra meningen'],
        },
      ]);
    }
  });

  it('reads the day of a coordination number less 60: day 65 is the 5th, day 66 the 6th', () => {
    const on5th = assessRetention(
      input('2026-02-01', { person: person('2010-03-05', { coordination: true }) }),
    );
    assert.equal(on5th.birthDate, '2010-03-05');
    assert.ok(on5th.records.every((r) => r.verdict === 'keep'));
    const on6th = assessRetention(
      input('2026-02-01', { person: person('2010-03-06', { coordination: true }) }),
    );
    assert.ok(on6th.records.every((r) => r.verdict === 'cull'));
  });

  it('keeps every file in Linköping, Gotland, Sundsvall and Göteborg, and not in Mölndal', () => {
    for (const code of ['0580', '0980', '2281', '1480']) {
      const a = assessRetention(input('2026-02-01', { municipalityCode: code }));
      assert.ok(
        a.records.every((r) => r.verdict === 'keep' && r.until === 'permanent'),
        code,
      );
      assert.deepEqual(rulesOf(a, 'r1'), ['researchMunicipality'], code);
    }
    assert.ok(
      assessRetention(input('2026-02-01', { municipalityCode: '1481' })).records.every(
        (r) => r.verdict === 'cull',
      ),
    );
  });

  it("keeps a file whose person's date of birth is unknown, for review, unless the municipality keeps all", () => {
    const unknown = { personalNumber: null, birthDate: null, registeredOn: '2018-01-10' };
    const a = assessRetention(input('2026-02-01', { person: unknown }));
    assert.ok(a.records.every((r) => r.verdict === 'keep' && r.until === 'open'));
    assert.deepEqual(a.review, ['birthDateUnknown']);
    const inSample = assessRetention(input('2026-02-01', { person: unknown, municipalityCode: '0580' }));
    assert.deepEqual(inSample.review, []);
  });

  it("uses the register's date of birth when there is no identity number", () => {
    const a = assessRetention(
      input('2026-02-01', {
        person: { personalNumber: null, birthDate: '2011-08-25', registeredOn: '2018-01-10' },
      }),
    );
    assert.equal(a.birthDate, '2011-08-25');
    assert.ok(a.records.every((r) => r.verdict === 'keep' && r.until === 'permanent'));
  });
});

describe('the other exceptions of 16 kap. SoL', () => {
  const matter = (kind: CaseFacts['kind'], extra: Partial<CaseFacts> = {}) =>
    input('2026-02-01', { cases: [closedCase('c1', { kind, initialDecision: null, ...extra })] });

  it('keeps parentage and adoption investigations for ever (2 § 1 and 2)', () => {
    assert.deepEqual(rulesOf(assessRetention(matter('parentage')), 'c1'), ['parentageInvestigation']);
    assert.deepEqual(rulesOf(assessRetention(matter('adoption')), 'c1'), ['adoptionInvestigation']);
    assert.equal(assessRetention(matter('adoption')).person.verdict, 'archive');
  });

  it('keeps an approved custody agreement until the child is 18, and an unapproved one not at all (3 §)', () => {
    const approved = assessRetention(matter('custodyAgreement', { agreementApprovedOn: '2020-09-14' }));
    const v = verdictOf(approved, 'c1');
    assert.ok(v.verdict === 'keep' && v.until === '2028-03-07');
    assert.equal(verdictOf(assessRetention(matter('custodyAgreement')), 'c1').verdict, 'cull');
    const grownUp = {
      ...matter('custodyAgreement', { agreementApprovedOn: '2020-09-14' }),
      today: '2028-03-07',
    };
    assert.equal(verdictOf(assessRetention(grownUp), 'c1').verdict, 'cull');
  });

  it('keeps what a private provider handed over for preservation (5 §, 17 kap. 4–5 §§)', () => {
    const handed = { ...record('document', 'd1', '2020-09-14'), handedOverForPreservation: true };
    const a = assessRetention(input('2026-02-01', { records: [...input('x').records, handed] }));
    assert.deepEqual(rulesOf(a, 'd1'), ['handedOverForPreservation']);
    assert.equal(verdictOf(a, 'r1').verdict, 'cull');
  });
});

describe('bad data keeps the file and refuses nonsense', () => {
  it('keeps everything and asks for review when a date lies after today', () => {
    const a = assessRetention(
      input('2026-02-01', { records: [record('caseNote', 'n1', '2026-02-02', 'c1')] }),
    );
    assert.deepEqual(a.review, ['dateAfterToday']);
    assert.deepEqual(rulesOf(a, 'n1'), ['dateAfterToday']);
    assert.equal(a.person.verdict, 'keep');
  });

  it('refuses a record pointing at a case or placement it was not given, which would lose their exceptions', () => {
    assert.throws(() => assessRetention(input('2026-02-01', { cases: [] })), /Unknown case c1/);
    const orphan = { ...record('caseNote', 'n1', '2020-09-14'), placementId: 'pl9' };
    assert.throws(() => assessRetention(input('2026-02-01', { records: [orphan] })), /Unknown placement pl9/);
  });

  it('refuses a non-date and a day before SoL (2025:400)', () => {
    assert.throws(() => assessRetention(input('2026-02-30')), RangeError);
    assert.throws(() => assessRetention(input('2025-06-30')), /2025-07-01/);
    const badEntry = [record('caseNote', 'n1', '2020-13-01', 'c1')];
    assert.throws(() => assessRetention(input('2026-02-01', { records: badEntry })), /Not a date/);
  });
});
