import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ConsentFacts,
  defaultFollowUpOn,
  type FrameInput,
  measuresOf,
  median,
  parseTime,
  policeSummaryOf,
  swedishClock,
  swedishInstant,
  unitFiguresOf,
  type VisitForSummary,
  validateConsent,
  validateFrame,
  validateRecord,
} from './domain.ts';

const police = '11111111-1111-4111-8111-111111111111';
const now = new Date('2026-12-01T12:00:00Z');
const frame: FrameInput = {
  policeOrganisationId: police,
  policeReference: '5000-K123456-26',
  incidentDate: '2026-11-30',
  incidentTime: '21:10',
  visitDate: '2026-11-30',
  visitTime: '22.05',
  place: 'Familjens bostad, Storgatan 1',
  socialServicesParticipants: 'Ada Lind, socialsekreterare',
  policeParticipants: 'Per Olsson, ungdomspolis',
};
const check = (input: FrameInput) => validateFrame(input, { now, policeOrganisationIds: [police] });
const codes = (r: { ok: boolean; errors?: { field: string; code: string }[] }) =>
  r.ok ? [] : (r.errors ?? []).map((e) => `${e.field}:${e.code}`);

const noConsent: ConsentFacts = { givenAt: null, kinds: null, withdrawnAt: null };
const summaryConsent: ConsentFacts = { givenAt: now, kinds: ['summary'], withdrawnAt: null };

describe('times on the Swedish clock', () => {
  it('reads 21:30, 21.30, 9:30 and 9.30, and refuses the rest', () => {
    assert.equal(parseTime('21:30'), '21:30');
    assert.equal(parseTime('21.30'), '21:30');
    assert.equal(parseTime('9:30'), '09:30');
    assert.equal(parseTime(' 9.30 '), '09:30');
    for (const bad of ['24:00', '9', '930', '12:60', 'kl 9', '']) assert.equal(parseTime(bad), null, bad);
  });

  it('turns a Swedish date and time into the instant, summer and winter', () => {
    assert.equal(swedishInstant('2026-12-01', '21:30').toISOString(), '2026-12-01T20:30:00.000Z');
    assert.equal(swedishInstant('2026-07-01', '09:00').toISOString(), '2026-07-01T07:00:00.000Z');
    // The autumn hour that occurs twice: the first of them.
    assert.equal(swedishInstant('2026-10-25', '02:30').toISOString(), '2026-10-25T00:30:00.000Z');
    assert.deepEqual(swedishClock(new Date('2026-12-31T23:30:00Z')), { date: '2027-01-01', time: '00:30' });
  });
});

describe('the frame of a visit', () => {
  it('accepts a visit right after the incident and sets the follow-up 14 days on', () => {
    const r = check(frame);
    assert.ok(r.ok, JSON.stringify(codes(r)));
    assert.equal(r.value.incidentAt.toISOString(), '2026-11-30T20:10:00.000Z');
    assert.equal(r.value.visitAt.toISOString(), '2026-11-30T21:05:00.000Z');
    assert.equal(r.value.followUpOn, '2026-12-14');
  });

  it('refuses a visit before the incident, and times in the future', () => {
    assert.deepEqual(codes(check({ ...frame, visitTime: '21:00' })), ['visitDate:visitBeforeIncident']);
    assert.deepEqual(codes(check({ ...frame, visitDate: '2026-12-02' })), ['visitDate:inFuture']);
    assert.deepEqual(codes(check({ ...frame, incidentDate: '2026-12-02', visitDate: '2026-12-02' })), [
      'incidentDate:inFuture',
      'visitDate:inFuture',
    ]);
    // The same minute is fine: they went out at once.
    assert.ok(check({ ...frame, visitTime: '21:10' }).ok);
  });

  it('refuses an incident more than a month before the visit', () => {
    assert.deepEqual(codes(check({ ...frame, incidentDate: '2026-10-01' })), ['incidentDate:incidentTooOld']);
  });

  it('names every missing or malformed field, and an unknown police organisation', () => {
    assert.deepEqual(codes(check({})), [
      'policeOrganisationId:required',
      'policeReference:required',
      'incidentDate:required',
      'incidentTime:required',
      'visitDate:required',
      'visitTime:required',
      'place:required',
      'socialServicesParticipants:required',
      'policeParticipants:required',
    ]);
    assert.deepEqual(
      codes(
        check({
          ...frame,
          policeOrganisationId: '22222222-2222-4222-8222-222222222222',
          incidentDate: '2026-02-30',
          visitTime: '25:00',
          policeReference: 'x'.repeat(61),
        }),
      ),
      [
        'policeOrganisationId:invalidChoice',
        'policeReference:tooLong',
        'incidentDate:invalidDate',
        'visitTime:invalidTime',
      ],
    );
  });

  it('takes a follow-up date from the visit on, at most 90 days after it', () => {
    assert.equal(
      (check({ ...frame, followUpOn: '2026-11-30' }) as { value: { followUpOn: string } }).value.followUpOn,
      '2026-11-30',
    );
    assert.deepEqual(codes(check({ ...frame, followUpOn: '2026-11-29' })), [
      'followUpOn:followUpBeforeVisit',
    ]);
    assert.deepEqual(codes(check({ ...frame, followUpOn: '2027-03-01' })), ['followUpOn:followUpTooLate']);
    assert.deepEqual(codes(check({ ...frame, followUpOn: '2026-13-01' })), ['followUpOn:invalidDate']);
  });
});

describe('the follow-up date', () => {
  it('is 14 days after the visit, or the next working day', () => {
    assert.equal(defaultFollowUpOn('2026-11-30'), '2026-12-14');
    // 14 days after 2026-12-12 is Saturday 26 December, after Christmas: Monday 28 December.
    assert.equal(defaultFollowUpOn('2026-12-12'), '2026-12-28');
    // 14 days after 2026-12-19 is Saturday 2 January; Monday 4 January is the next working day.
    assert.equal(defaultFollowUpOn('2026-12-19'), '2027-01-04');
  });
});

describe('consent before anything is noted for the police', () => {
  it('refuses a summary for the police without a consent in force', () => {
    assert.deepEqual(codes(validateRecord({ policeSummary: 'Familjen tar emot stöd.' }, noConsent)), [
      'policeSummary:consentFirst',
    ]);
    const withdrawn: ConsentFacts = { ...summaryConsent, withdrawnAt: now };
    assert.deepEqual(codes(validateRecord({ policeSummary: 'Något' }, withdrawn)), [
      'policeSummary:consentFirst',
    ]);
    const supportOnly: ConsentFacts = { ...summaryConsent, kinds: ['support'] };
    assert.deepEqual(codes(validateRecord({ policeSummary: 'Något' }, supportOnly)), [
      'policeSummary:summaryNotCovered',
    ]);
  });

  it('lets social services note its own findings before any consent', () => {
    const r = validateRecord(
      {
        childMetAlone: 'no',
        childNotMetAloneReason: 'Barnet sov och vi ville inte väcka det.',
        childsAccount: '',
        riskFactors: 'Våld mellan de vuxna.',
        protectiveFactors: 'Mormor bor nära.',
        protectionOutcome: 'noImmediateProtection',
        supportOffered: 'Samtal på Familjecentrum.',
        supportResponse: 'accepted',
      },
      noConsent,
    );
    assert.ok(r.ok);
    assert.equal(r.value.childMetAlone, false);
    assert.equal(r.value.policeSummary, null);
  });

  it('writes the summary once the consent covers it', () => {
    const r = validateRecord({ policeSummary: ' Familjen tackade ja till stöd. ' }, summaryConsent);
    assert.ok(r.ok);
    assert.equal(r.value.policeSummary, 'Familjen tackade ja till stöd.');
  });

  it('asks why the child was not met alone, and for the family’s answer to the support offered', () => {
    assert.deepEqual(codes(validateRecord({ childMetAlone: 'no' }, noConsent)), [
      'childNotMetAloneReason:reasonRequired',
    ]);
    assert.deepEqual(codes(validateRecord({ supportOffered: 'Föräldrastöd' }, noConsent)), [
      'supportResponse:required',
    ]);
    assert.deepEqual(codes(validateRecord({ childMetAlone: 'maybe', protectionOutcome: 'x' }, noConsent)), [
      'childMetAlone:invalidChoice',
      'protectionOutcome:invalidChoice',
    ]);
    const met = validateRecord({ childMetAlone: 'yes', childNotMetAloneReason: 'kvar' }, noConsent);
    assert.ok(met.ok);
    assert.equal(met.value.childNotMetAloneReason, null);
  });

  it('validates the consent itself: who gave it, and only known parts', () => {
    assert.deepEqual(codes(validateConsent({})), ['consentGivenBy:required']);
    assert.deepEqual(codes(validateConsent({ consentGivenBy: 'Mamma', consentKinds: ['childsAccount'] })), [
      'consentKinds:invalidChoice',
    ]);
    const r = validateConsent({
      consentGivenBy: 'Mamma och pappa',
      consentKinds: ['followUp', 'summary', 'summary'],
    });
    assert.ok(r.ok);
    assert.deepEqual(r.value.kinds, ['summary', 'followUp']);
  });
});

describe('what the police see', () => {
  const visit: VisitForSummary = {
    id: 'v1',
    police_reference: '5000-K1',
    incident_at: new Date('2026-11-30T20:10:00Z'),
    visit_at: new Date('2026-11-30T21:05:00Z'),
    place: 'Hemma',
    social_services_participants: 'Ada',
    police_participants: 'Per',
    police_summary: 'Familjen tar emot stöd.',
    support_offered: 'Familjecentrum',
    support_response: 'accepted',
    follow_up_on: '2026-12-14',
    consent_given_at: null,
    consent_kinds: null,
    consent_withdrawn_at: null,
  };

  it('is nothing without consent, and nothing once it is withdrawn', () => {
    assert.equal(policeSummaryOf(visit), null);
    assert.equal(
      policeSummaryOf({
        ...visit,
        consent_given_at: now,
        consent_kinds: ['summary'],
        consent_withdrawn_at: now,
      }),
      null,
    );
  });

  it('is the frame and only the parts the consent names', () => {
    const frameOnly = policeSummaryOf({ ...visit, consent_given_at: now, consent_kinds: [] });
    assert.ok(frameOnly);
    assert.deepEqual(Object.keys(frameOnly).sort(), [
      'id',
      'incidentAt',
      'place',
      'policeParticipants',
      'policeReference',
      'socialServicesParticipants',
      'visitAt',
    ]);
    const all = policeSummaryOf({
      ...visit,
      consent_given_at: now,
      consent_kinds: ['summary', 'support', 'followUp'],
    });
    assert.equal(all?.summary, 'Familjen tar emot stöd.');
    assert.deepEqual(all?.support, { offered: 'Familjecentrum', response: 'accepted' });
    assert.equal(all?.followUpOn, '2026-12-14');
  });
});

describe('what is measured', () => {
  it('counts minutes from incident to visit and from report to contact, negative when the visit came first', () => {
    const m = measuresOf(
      { incident_at: new Date('2026-11-30T20:10:00Z'), visit_at: new Date('2026-11-30T21:05:00Z') },
      new Date('2026-12-01T07:00:00Z'),
    );
    assert.deepEqual(m, { incidentToVisit: 55, reportToContact: -595 });
  });

  it('gives the unit’s medians, with a visit before the report as contact at once', () => {
    const row = (incident: string, visit: string, report: string, accepted = false) => ({
      incident_at: new Date(incident),
      visit_at: new Date(visit),
      report_received_at: new Date(report),
      consent_given_at: accepted ? now : null,
      support_response: accepted ? ('accepted' as const) : null,
    });
    const figures = unitFiguresOf([
      row('2026-11-01T10:00:00Z', '2026-11-01T11:00:00Z', '2026-11-01T12:00:00Z', true),
      row('2026-11-02T10:00:00Z', '2026-11-02T13:00:00Z', '2026-11-02T09:00:00Z'),
      row('2026-11-03T10:00:00Z', '2026-11-03T10:30:00Z', '2026-11-03T08:30:00Z'),
    ]);
    assert.deepEqual(figures, {
      visits: 3,
      medianIncidentToVisit: 60,
      medianReportToContact: 120,
      contactBeforeReport: 1,
      withConsent: 1,
      supportAccepted: 1,
    });
    assert.equal(unitFiguresOf([]).medianIncidentToVisit, null);
    assert.equal(median([1, 2, 3, 10]), 3);
  });
});
