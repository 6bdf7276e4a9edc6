import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  answerBy,
  appealabilityOf,
  type CaseDocumentFacts,
  caseReference,
  choiceKey,
  documentChoices,
  validateDispatch,
} from './domain.ts';

describe('which decisions in a child’s case can be appealed (35 kap. 1 § SoL 2025:400)', () => {
  const base = { application: 'none' as const, decidedOn: '2026-03-10' };

  it('a decision not to open an investigation cannot be appealed', () => {
    assert.deepEqual(appealabilityOf({ ...base, kind: 'noInvestigation' }), {
      appealable: false,
      reason: 'initialAssessment',
    });
  });

  it('a decision to open an investigation cannot be appealed', () => {
    assert.equal(appealabilityOf({ ...base, kind: 'openInvestigation' }).appealable, false);
  });

  it('interventions decided after an investigation can be appealed to förvaltningsrätten within three weeks', () => {
    const a = appealabilityOf({ ...base, kind: 'investigation', outcome: 'interventions' });
    assert.ok(a.appealable);
    assert.equal(a.court, 'förvaltningsrätten');
    assert.equal(a.weeks, 3);
    assert.equal(a.ground, '35 kap. 1 § 1 socialtjänstlagen (2025:400)');
    assert.match(a.procedure, /14 kap\. 10 § socialtjänstlagen \(2025:400\)/);
    assert.match(a.procedure, /33, 43 och 44 §§ förvaltningslagen/);
  });

  it('an intervention granted in full as applied for cannot be appealed (förvaltningslagen 42 §)', () => {
    const a = appealabilityOf({
      ...base,
      kind: 'investigation',
      outcome: 'interventions',
      application: 'grantedInFull',
    });
    assert.deepEqual(a, { appealable: false, reason: 'grantedInFull' });
  });

  it('an application partly granted or refused can be appealed, with or without interventions', () => {
    for (const outcome of ['interventions', 'noIntervention'] as const)
      assert.ok(
        appealabilityOf({ ...base, kind: 'investigation', outcome, application: 'partlyOrRefused' })
          .appealable,
      );
  });

  it('an investigation closed without intervention and without an application cannot be appealed', () => {
    assert.deepEqual(appealabilityOf({ ...base, kind: 'investigation', outcome: 'noIntervention' }), {
      appealable: false,
      reason: 'noInterventionWithoutApplication',
    });
  });

  it('a decision before 1 July 2025 cites SoL (2001:453), one from that day SoL (2025:400)', () => {
    const on = (decidedOn: string) =>
      appealabilityOf({ ...base, decidedOn, kind: 'investigation', outcome: 'interventions' });
    const before = on('2025-06-30');
    const from = on('2025-07-01');
    assert.ok(before.appealable && from.appealable);
    assert.equal(before.ground, '16 kap. 3 § socialtjänstlagen (2001:453)');
    assert.equal(from.ground, '35 kap. 1 § 1 socialtjänstlagen (2025:400)');
  });
});

describe('the documents of a case and the record of sending', () => {
  const c: CaseDocumentFacts = {
    id: 'a1b2c3d4-0000-4000-8000-000000000000',
    opened_on: '2026-01-05',
    initial_decision: 'openInvestigation',
    initial_decided_on: '2026-01-12',
    investigation_opened_on: '2026-01-12',
    conclusion_text: 'Behov av stöd.',
    concluded_on: '2026-04-01',
    party_communicated_on: '2026-04-02',
    decided_on: '2026-04-20',
  };
  const guardian = { id: 'g1', given_name: 'Maria', family_name: 'Ek', birth_date: '1985-02-01' };
  const child = { id: 'c1', given_name: 'Alva', family_name: 'Ek', birth_date: '2011-04-10' };
  const reporter = {
    id: 'r1',
    reference: 'ABCD-2345',
    reporter_kind: 'professional' as const,
    reporter_name: 'Lena Rektorsson',
    reporter_organisation: 'Sjövikskolan',
  };
  const anonymous = { ...reporter, id: 'r2', reporter_kind: 'anonymous' as const, reporter_name: null };

  it('the case reference is the year opened and the start of the id', () => {
    assert.equal(caseReference(c), 'BoU 2026-A1B2C3D4');
  });

  it('a party answers a communication within two weeks, moved to the next working day', () => {
    assert.equal(answerBy('2026-03-02'), '2026-03-16'); // a Monday two weeks on
    // 4 April 2026 is a Saturday, 5 April Easter Sunday and 6 April Easter Monday.
    assert.equal(answerBy('2026-03-21'), '2026-04-07');
  });

  it('letters go to each guardian and to the child from the day the child is 15', () => {
    const choices = documentChoices(c, { child, guardians: [guardian] }, [reporter, anonymous], '2026-05-01');
    const of = (kind: string) => choices.filter((x) => x.kind === kind).map((x) => x.recipient);
    // Alva turns 15 on 10 April 2026: not yet at the communication, but at the decision.
    assert.deepEqual(of('partyCommunication'), ['person:g1']);
    assert.deepEqual(of('decision'), ['person:g1', 'person:c1']);
    assert.deepEqual(of('feedback'), ['report:r1'], 'only a professional reporter gets feedback');
    assert.deepEqual(of('noInvestigation'), [], 'the investigation was opened');
  });

  it('a case without a decision has no decision letter', () => {
    const choices = documentChoices(
      { ...c, decided_on: null },
      { child, guardians: [guardian] },
      [],
      '2026-05-01',
    );
    assert.ok(!choices.some((x) => x.kind === 'decision'));
  });

  it('a record of sending needs a document of the case, a way and a day from the document to today', () => {
    const choices = documentChoices(c, { child, guardians: [guardian] }, [reporter], '2026-05-01');
    const decision = choiceKey({ kind: 'decision', recipient: 'person:g1' });
    const ok = validateDispatch(
      { document: decision, method: 'letter', sentOn: '2026-04-21' },
      choices,
      '2026-05-01',
    );
    assert.ok(ok.ok);
    const codes = (input: Parameters<typeof validateDispatch>[0]) => {
      const r = validateDispatch(input, choices, '2026-05-01');
      return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
    };
    assert.deepEqual(codes({}), ['document:chooseDocument', 'method:chooseMethod', 'sentOn:dateInvalid']);
    assert.deepEqual(codes({ document: 'decision|person:someone', method: 'fax', sentOn: '2026-02-30' }), [
      'document:chooseDocument',
      'method:chooseMethod',
      'sentOn:dateInvalid',
    ]);
    assert.deepEqual(codes({ document: decision, method: 'letter', sentOn: '2026-05-02' }), [
      'sentOn:dateInFuture',
    ]);
    assert.deepEqual(codes({ document: decision, method: 'letter', sentOn: '2026-04-19' }), [
      'sentOn:beforeDocument',
    ]);
    assert.deepEqual(
      codes({ document: decision, method: 'secureEmail', sentOn: '2026-04-20', note: 'x'.repeat(1001) }),
      ['note:tooLong'],
    );
  });
});
