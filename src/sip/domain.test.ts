import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../deadlines/calendar.ts';
import { generatePersonalNumber } from '../people/personal-number.ts';
import type { ConsentContext } from './access.ts';
import { consentCovers, consentState, validateConsent } from './domain/consent.ts';
import { clockTime, validateAction, validateFrame, validateGoal } from './domain/content.ts';
import { agreementBlockers, everyoneAgreed, validateClose, validateFollowUp } from './domain/lifecycle.ts';
import { dueState, sipLegalReference } from './domain/plan.ts';
import { validateRequest } from './domain/request.ts';

const today = '2026-03-10';
const consent: ConsentContext = {
  givenOn: '2026-03-01',
  validUntil: '2026-09-30',
  withdrawn: false,
  organisationIds: ['social', 'school', 'bup'],
  informationKinds: ['plan', 'needs'],
};

describe('consent in force, day by day', () => {
  it('holds from the day it is given through its last day, not a day longer', () => {
    assert.equal(consentState(consent, '2026-02-28'), 'notYetValid');
    assert.equal(consentState(consent, '2026-03-01'), 'valid');
    assert.equal(consentState(consent, '2026-09-30'), 'valid');
    assert.equal(consentState(consent, '2026-10-01'), 'expired');
  });

  it('ends at once when withdrawn, whatever its dates say', () => {
    assert.equal(consentState({ ...consent, withdrawn: true }, today), 'withdrawn');
    assert.equal(consentCovers({ ...consent, withdrawn: true }, 'school', 'plan', today), false);
  });

  it('covers only the organisations and the kinds of information it names', () => {
    assert.equal(consentCovers(consent, 'school', 'plan', today), true);
    assert.equal(consentCovers(consent, 'school', 'needs', today), true);
    assert.equal(consentCovers(consent, 'school', 'contactDetails', today), false);
    assert.equal(consentCovers(consent, 'police', 'plan', today), false);
    assert.equal(consentState(null, today), 'none');
  });
});

describe('recording a consent', () => {
  const context = {
    today,
    registeredGuardianIds: ['mother', 'father'],
    participantOrganisationIds: ['social', 'school'],
  };
  const valid = {
    givenOn: today,
    validUntil: '2026-12-31',
    guardianIds: ['mother', 'father'],
    childsView: 'agrees',
    organisationIds: ['social', 'school'],
    informationKinds: ['needs'],
  };

  it('accepts a complete consent and always includes the plan itself', () => {
    const result = validateConsent(valid, context);
    assert.ok(result.ok);
    assert.deepEqual(result.value.informationKinds, ['plan', 'needs']);
  });

  it('needs every registered guardian, and refuses people who are not the guardians', () => {
    const one = validateConsent({ ...valid, guardianIds: ['mother'] }, context);
    assert.deepEqual(one.ok ? [] : one.errors, [{ field: 'guardianIds', code: 'allGuardiansMustConsent' }]);
    const stranger = validateConsent({ ...valid, guardianIds: ['mother', 'father', 'neighbour'] }, context);
    assert.deepEqual(stranger.ok ? [] : stranger.errors, [{ field: 'guardianIds', code: 'unknownGuardian' }]);
  });

  it('asks who consented when the child has no registered guardian', () => {
    const noGuardians = { ...context, registeredGuardianIds: [] };
    const missing = validateConsent({ ...valid, guardianIds: [] }, noGuardians);
    assert.deepEqual(missing.ok ? [] : missing.errors, [
      { field: 'guardiansNote', code: 'whoConsentedRequired' },
    ]);
    const noted = validateConsent(
      { ...valid, guardianIds: [], guardiansNote: 'God man Anna Berg, tel.' },
      noGuardians,
    );
    assert.ok(noted.ok);
  });

  it('asks why when the child disagrees or was not asked, and refuses an unknown view', () => {
    for (const childsView of ['disagrees', 'notAsked']) {
      const result = validateConsent({ ...valid, childsView }, context);
      assert.deepEqual(result.ok ? [] : result.errors, [
        { field: 'childsViewNote', code: 'explainChildsView' },
      ]);
    }
    const unknown = validateConsent({ ...valid, childsView: 'maybe' }, context);
    assert.deepEqual(unknown.ok ? [] : unknown.errors, [{ field: 'childsView', code: 'invalid' }]);
  });

  it('refuses dates that make no sense: in the future, ending before it starts, already over, too long', () => {
    const errorsOf = (input: object) => {
      const result = validateConsent({ ...valid, ...input }, context);
      return result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`);
    };
    assert.deepEqual(errorsOf({ givenOn: '2026-03-11' }), ['givenOn:dateInFuture']);
    assert.deepEqual(errorsOf({ givenOn: '2026-02-30' }), ['givenOn:dateInvalid']);
    assert.deepEqual(errorsOf({ givenOn: '2026-03-01', validUntil: '2026-02-28' }), [
      'validUntil:beforeGiven',
    ]);
    assert.deepEqual(errorsOf({ givenOn: '2026-01-01', validUntil: '2026-03-09' }), ['validUntil:inPast']);
    assert.deepEqual(errorsOf({ validUntil: '2028-03-11' }), ['validUntil:tooLong']);
    assert.deepEqual(errorsOf({ validUntil: '2028-03-10' }), []);
  });

  it('ends a consent given on 29 February two years later on 28 February', () => {
    const leap = { ...context, today: '2024-02-29' };
    const ok = validateConsent({ ...valid, givenOn: '2024-02-29', validUntil: '2026-02-28' }, leap);
    assert.ok(ok.ok);
    const tooLong = validateConsent({ ...valid, givenOn: '2024-02-29', validUntil: '2026-03-01' }, leap);
    assert.equal(tooLong.ok, false);
  });

  it('names only organisations that take part, and at least one', () => {
    const outside = validateConsent({ ...valid, organisationIds: ['police'] }, context);
    assert.deepEqual(outside.ok ? [] : outside.errors, [
      { field: 'organisationIds', code: 'notParticipant' },
    ]);
    const none = validateConsent({ ...valid, organisationIds: [] }, context);
    assert.deepEqual(none.ok ? [] : none.errors, [{ field: 'organisationIds', code: 'noOrganisation' }]);
    const badKind = validateConsent({ ...valid, informationKinds: ['everything'] }, context);
    assert.deepEqual(badKind.ok ? [] : badKind.errors, [{ field: 'informationKinds', code: 'invalid' }]);
  });
});

describe('what the plan must hold before the parties agree (SoL 2025:400 10 kap. 8 §)', () => {
  const complete = {
    socialServicesId: 'social',
    participantOrganisationIds: ['social', 'school', 'bup'],
    consent,
    needs: 1,
    goals: 1,
    actions: 2,
    leadOrganisationId: 'social',
    followUpOn: '2026-05-01',
    today,
  };

  it('has nothing missing when the plan is complete', () => {
    assert.deepEqual(agreementBlockers(complete), []);
  });

  it('names each missing piece', () => {
    assert.deepEqual(
      agreementBlockers({
        ...complete,
        participantOrganisationIds: ['social'],
        consent: null,
        needs: 0,
        goals: 0,
        actions: 0,
        leadOrganisationId: null,
        followUpOn: null,
      }),
      ['noPartner', 'noConsent', 'noNeeds', 'noGoals', 'noActions', 'noLeadOrganisation', 'noFollowUpDate'],
    );
  });

  it('needs a consent that names every party, and a follow-up date still ahead', () => {
    assert.deepEqual(
      agreementBlockers({ ...complete, participantOrganisationIds: ['social', 'school', 'police'] }),
      ['consentNotCoveringParticipants'],
    );
    assert.deepEqual(agreementBlockers({ ...complete, followUpOn: '2026-03-09' }), ['noFollowUpDate']);
    assert.deepEqual(agreementBlockers({ ...complete, consent: { ...consent, withdrawn: true } }), [
      'noConsent',
    ]);
  });

  it('counts an agreement only for the version of the plan that was agreed to', () => {
    assert.equal(everyoneAgreed([{ agreed_version: 3 }, { agreed_version: 3 }], 3), true);
    assert.equal(everyoneAgreed([{ agreed_version: 3 }, { agreed_version: 2 }], 3), false);
    assert.equal(everyoneAgreed([{ agreed_version: 3 }, { agreed_version: null }], 3), false);
    assert.equal(everyoneAgreed([], 1), false);
  });
});

describe('the content of the plan', () => {
  const context = { today, participantOrganisationIds: ['social', 'school'], goalIds: ['goal-1'] };

  it('takes an action for a party or for someone else, never both and never neither', () => {
    const party = validateAction(
      { description: 'Samtal varje vecka', responsible: 'school', dueOn: '2026-04-01', goalId: 'goal-1' },
      context,
    );
    assert.ok(party.ok);
    assert.equal(party.value.responsibleOrganisationId, 'school');
    assert.equal(party.value.responsibleOther, null);
    const other = validateAction(
      {
        description: 'Följer med till BUP',
        responsible: 'other',
        responsibleOther: 'Mamma',
        dueOn: '2026-04-01',
      },
      context,
    );
    assert.ok(other.ok);
    assert.equal(other.value.responsibleOther, 'Mamma');
    const errorsOf = (input: object) => {
      const r = validateAction({ description: 'X', dueOn: '2026-04-01', ...input }, context);
      return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
    };
    assert.deepEqual(errorsOf({}), ['responsible:responsibleRequired']);
    assert.deepEqual(errorsOf({ responsible: 'other' }), ['responsibleOther:required']);
    assert.deepEqual(errorsOf({ responsible: 'police' }), ['responsible:notParticipant']);
    assert.deepEqual(errorsOf({ responsible: 'school', goalId: 'goal-of-another-plan' }), ['goalId:invalid']);
    assert.deepEqual(errorsOf({ responsible: 'school', dueOn: '2026-03-09' }), ['dueOn:dateInPast']);
    assert.deepEqual(errorsOf({ responsible: 'school', dueOn: '1 april' }), ['dueOn:dateInvalid']);
  });

  it("ties goals to the three shared goal areas, in the child's own words too", () => {
    const ok = validateGoal({
      area: 'successInSchool',
      goal: 'Går i skolan varje dag',
      childsWords: 'Jag vill ha kompisar',
    });
    assert.ok(ok.ok);
    const bad = validateGoal({ area: 'happiness', goal: '' });
    assert.deepEqual(bad.ok ? [] : bad.errors.map((e) => e.field), ['goalArea', 'goal']);
  });

  it('lets the lead organisation be only a party to the plan, and the follow-up date not be past', () => {
    const result = validateFrame(
      { leadOrganisationId: 'police', followUpOn: '2026-03-01', meetingTime: '25:00' },
      { today, participantOrganisationIds: ['social', 'school'] },
    );
    assert.deepEqual(result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`), [
      'leadOrganisationId:notParticipant',
      'meetingTime:timeInvalid',
      'followUpOn:dateInPast',
    ]);
  });

  it('takes a meeting time written with a period or a colon, with or without a leading zero', () => {
    for (const typed of ['9.30', '09.30', '9:30', '09:30', ' 9.30 '])
      assert.equal(clockTime(typed), '09:30', typed);
    assert.equal(clockTime('23.59'), '23:59');
    assert.equal(clockTime('0.05'), '00:05');
    for (const typed of ['24.00', '9.60', '9,30', '930', '9.3', '9:30:00', 'nio', ''])
      assert.equal(clockTime(typed), null, typed);
    const frame = validateFrame({ meetingTime: '13.15' }, { today, participantOrganisationIds: [] });
    assert.ok(frame.ok && frame.value.meetingTime === '13:15');
  });

  it("records a follow-up only with every action's status and the next follow-up ahead", () => {
    const context = { today, actionIds: ['a1', 'a2'] };
    const ok = validateFollowUp(
      {
        heldOn: today,
        nextFollowUpOn: '2026-06-01',
        statuses: { a1: { status: 'done' }, a2: { status: 'ongoing', note: 'Fortsätter' } },
      },
      context,
    );
    assert.ok(ok.ok);
    const missing = validateFollowUp(
      { heldOn: '2026-03-11', nextFollowUpOn: today, statuses: { a1: { status: 'finished' } } },
      context,
    );
    assert.deepEqual(missing.ok ? [] : missing.errors.map((e) => `${e.field}:${e.code}`), [
      'heldOn:invalid',
      'nextFollowUpOn:dateInPast',
      'status-a1:invalid',
      'status-a2:invalid',
    ]);
  });

  it('closes with a reason, a note when the reason is "other", and never as "declined" by hand', () => {
    assert.ok(validateClose({ reason: 'goalsMet', confirm: 'on' }).ok);
    // Closing cannot be undone: never without the confirmation.
    assert.equal(validateClose({ reason: 'goalsMet' }).ok, false);
    assert.equal(validateClose({ reason: 'other', confirm: 'on' }).ok, false);
    assert.ok(validateClose({ reason: 'other', note: 'Familjen har flyttat utomlands', confirm: 'on' }).ok);
    assert.equal(validateClose({ reason: 'declined' }).ok, false);
    assert.equal(validateClose({ reason: 'bored' }).ok, false);
  });
});

describe("a partner's request for a plan", () => {
  const number = generatePersonalNumber('2014-05-06', 123);
  it("needs the child, a reason and the guardians' agreement to ask", () => {
    const ok = validateRequest(
      { childName: 'Ebba Ek', personalNumber: number, reason: 'Hög frånvaro', guardiansAgree: 'on' },
      today,
    );
    assert.ok(ok.ok);
    const refused = validateRequest({ childName: '', personalNumber: '20140506-0000', reason: '' }, today);
    assert.deepEqual(refused.ok ? [] : refused.errors.map((e) => e.field), [
      'childName',
      'personalNumber',
      'reason',
      'guardiansAgree',
    ]);
  });
});

describe('dates of the plan', () => {
  it('shows the law in force on the day: the old act until 30 June 2025', () => {
    assert.match(
      sipLegalReference('2025-06-30').socialServices,
      /2 kap\. 7 § socialtjänstlagen \(2001:453\)/,
    );
    assert.equal(
      sipLegalReference('2025-07-01').socialServices,
      '10 kap. 8–9 §§ socialtjänstlagen (2025:400)',
    );
    assert.match(sipLegalReference('2025-07-01').healthCare, /16 kap\. 4 §/);
  });

  it('sorts what is due into overdue, today, within two weeks and later', () => {
    assert.equal(dueState('2026-03-09', today), 'overdue');
    assert.equal(dueState(today, today), 'today');
    assert.equal(dueState(addDays(today, 14), today), 'soon');
    assert.equal(dueState(addDays(today, 15), today), 'later');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  });
});
