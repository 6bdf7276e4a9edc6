import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextGuard } from '../collaboration/form.ts';
import type { IndicatorValue } from '../collaboration/indicators.ts';
import {
  aggregateIndicator,
  mattersAcrossMunicipalities,
  type SuppressRow,
  workAcrossMunicipalities,
} from './overview.ts';
import {
  planSnapshot,
  snapshotDigest,
  tasksFromNextSteps,
  validateFollowUp,
  validateVisit,
  visitStepRefusal,
} from './visits.ts';

const guard: TextGuard = { today: '2026-11-25', confirmed: false };
const errors = (r: { ok: boolean; errors?: { field: string; code: string }[] }) =>
  r.ok ? [] : (r.errors ?? []).map((e) => [e.field, e.code]);

describe('a follow-up visit', () => {
  const visit = {
    visitedOn: '2026-11-24',
    place: 'Östersunds rådhus',
    visitors: [
      { userId: 'coordinator', name: 'Anna Samordnare', organisation: 'Nationell samordnare' },
      { name: 'Kjerstin Bergman', organisation: 'SKR' },
    ],
    attendees: [
      { name: 'Sara Lind', role: 'Socialchef', organisationId: 'social' },
      { role: 'Lärare, socionomprogrammet', organisationName: 'Mittuniversitetet' },
      { role: '', name: '' },
    ],
  };
  const context = { guard, organisationIds: ['social', 'bup'] };

  it('names its visitors and who came from which organisation (officials: no warnings)', () => {
    const result = validateVisit(visit, context);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.value.attendees.length, 2);
    assert.deepEqual(result.warnings, []);
  });

  it('needs a visitor, and an organisation for every attendee', () => {
    assert.deepEqual(errors(validateVisit({ ...visit, visitors: [] }, context)), [['visitors', 'noVisitor']]);
    assert.deepEqual(errors(validateVisit({ ...visit, attendees: [{ role: 'Rektor' }] }, context)), [
      ['attendees.0', 'organisationRequired'],
    ]);
    assert.deepEqual(
      errors(validateVisit({ ...visit, attendees: [{ role: 'Polis', organisationId: 'police' }] }, context)),
      [['attendees.0.organisationId', 'notAMember']],
    );
  });

  const followUp = {
    findings: [
      { measureId: 'm1', assessment: 'progressing', finding: 'Bokpaketen skickas; hembesöken har börjat.' },
      { measureId: 'm2', assessment: 'delayed', finding: 'Introduktionsprogrammet är försenat.' },
    ],
    nextSteps: [
      {
        description: 'Utvärdera bokpaketen med biblioteket',
        measureId: 'm1',
        ownerOrganisationId: 'social',
        ownerRole: 'Enhetschef',
        dueOn: '2027-06-30',
      },
      {
        description: 'Bjud in BUP till nästa möte',
        ownerOrganisationId: 'bup',
        ownerRole: 'Verksamhetschef',
        dueOn: '2027-01-31',
      },
    ],
  };
  const followUpContext = {
    guard,
    visitedOn: '2026-11-24',
    measureIds: ['m1', 'm2'],
    organisationIds: ['social', 'bup'],
  };

  it('records findings per measure and next steps that become dated tasks for their owners', () => {
    const result = validateFollowUp(followUp, followUpContext);
    assert.ok(result.ok, JSON.stringify(result));
    const tasks = tasksFromNextSteps('visit1', result.value);
    assert.deepEqual(
      tasks.map((t) => [t.visitId, t.ownerOrganisationId, t.dueOn, t.measureId, t.status]),
      [
        ['visit1', 'social', '2027-06-30', 'm1', 'open'],
        ['visit1', 'bup', '2027-01-31', null, 'open'],
      ],
    );
  });

  it('refuses a finding on a measure not in the plan or twice, and a step due on the visit day', () => {
    const result = validateFollowUp(
      {
        findings: [
          { measureId: 'm1', assessment: 'done' },
          { measureId: 'm1', assessment: 'done' },
          { measureId: 'm9', assessment: 'excellent' },
        ],
        nextSteps: [{ description: 'x', ownerOrganisationId: 'police', ownerRole: 'r', dueOn: '2026-11-24' }],
      },
      followUpContext,
    );
    assert.deepEqual(errors(result), [
      ['findings.1.measureId', 'measureTwice'],
      ['findings.2.measureId', 'unknownMeasure'],
      ['findings.2.assessment', 'invalid'],
      ['nextSteps.0.ownerOrganisationId', 'notAMember'],
      ['nextSteps.0.dueOn', 'dateBeforeStart'],
    ]);
  });

  it('is held on or after its day; only a visitor writes and finishes the report', () => {
    const planned = {
      status: 'planned' as const,
      visitedOn: '2026-11-24',
      visitorUserIds: ['coordinator'],
      report: '',
    };
    assert.equal(visitStepRefusal('hold', planned, 'coordinator', '2026-11-23'), 'notYetVisited');
    assert.equal(visitStepRefusal('hold', planned, 'coordinator', '2026-11-24'), null);
    const held = { ...planned, status: 'held' as const };
    assert.equal(visitStepRefusal('writeReport', held, 'municipalityUser', '2026-11-25'), 'notAVisitor');
    assert.equal(visitStepRefusal('finishReport', held, 'coordinator', '2026-11-25'), 'reportEmpty');
    assert.equal(
      visitStepRefusal('finishReport', { ...held, report: 'Rapport' }, 'coordinator', '2026-11-25'),
      null,
    );
    const reported = { ...held, status: 'reported' as const };
    assert.equal(visitStepRefusal('editFollowUp', reported, 'coordinator', '2026-11-25'), 'wrongStatus');
  });
});

describe("the plan's snapshot at the visit", () => {
  const indicator: IndicatorValue = {
    name: 'Förhandsbedömningar inom 14 dagar',
    definition: 'Andel',
    unit: 'percent',
    direction: 'increase',
    baseline: { value: 62, on: '2025-12-31' },
    target: { value: 90, by: '2027-12-31' },
    source: { kind: 'samtak', indicatorId: 'initialAssessmentWithin14Days' },
  };
  const plan = {
    id: 'p1',
    version: 2,
    title: 'Plan för handling',
    status: 'adopted' as const,
    adoptedByBody: 'Socialnämnden',
    adoptedOn: '2026-02-10',
    deadline: '2026-02-28',
  };
  const measures = [
    {
      id: 'm1',
      title: 'Bokpaket',
      status: 'started' as const,
      ownerRole: 'Enhetschef',
      dueOn: '2027-08-31',
      evidence: '',
    },
  ];
  const areas = [
    {
      area: 'schooling' as const,
      title: '',
      rationale: 'Placerade barns skolgång.',
      themes: ['familyHomes' as const],
      measures,
      indicators: [{ indicator, current: { value: 78, on: '2026-10-31', source: 'Samtak' } }],
    },
  ];

  it('holds the version, areas, measures and the indicator value of the day', () => {
    const snapshot = planSnapshot('2026-11-24', plan, areas);
    assert.equal(snapshot.plan.version, 2);
    assert.deepEqual(snapshot.areas[0]?.indicators[0], {
      name: 'Förhandsbedömningar inom 14 dagar',
      unit: 'percent',
      baseline: 62,
      target: 90,
      current: { value: 78, on: '2026-10-31', source: 'Samtak' },
    });
  });

  it('does not change when the plan changes afterwards', () => {
    const livePlan = structuredClone(plan);
    const liveAreas = structuredClone(areas);
    const snapshot = planSnapshot('2026-11-24', livePlan, liveAreas);
    const digest = snapshotDigest(snapshot);
    liveAreas[0]!.measures[0]!.status = 'done' as never;
    liveAreas[0]!.indicators[0]!.current!.value = 95;
    livePlan.title = 'Ändrad';
    assert.equal(snapshot.areas[0]?.measures[0]?.status, 'started');
    assert.equal(snapshot.areas[0]?.indicators[0]?.current?.value, 78);
    assert.equal(snapshot.plan.title, 'Plan för handling');
    assert.equal(snapshotDigest(snapshot), digest);
  });

  it('has a digest that ignores key order (jsonb reorders keys) but not content', () => {
    const snapshot = planSnapshot('2026-11-24', plan, areas);
    const reordered = JSON.parse(
      JSON.stringify({ areas: snapshot.areas, plan: snapshot.plan, takenOn: snapshot.takenOn }),
    );
    assert.equal(snapshotDigest(reordered), snapshotDigest(snapshot));
    assert.notEqual(snapshotDigest({ ...snapshot, takenOn: '2026-11-25' }), snapshotDigest(snapshot));
    assert.match(snapshotDigest(snapshot), /^[0-9a-f]{64}$/);
  });
});

describe("the coordinator's view across municipalities", () => {
  const plans = [
    {
      municipalityId: 'ostersund',
      municipalityCode: '2380',
      status: 'adopted' as const,
      areas: [
        { area: 'schooling' as const, themes: ['familyHomes' as const] },
        { area: 'qualityOfWork' as const, themes: ['workload' as const, 'staffingAndCompetence' as const] },
      ],
      measures: [
        { areaIndex: 0, status: 'done' as const },
        { areaIndex: 0, status: 'started' as const },
        { areaIndex: 1, status: 'planned' as const },
      ],
    },
    {
      municipalityId: 'storuman',
      municipalityCode: '2421',
      status: 'adopted' as const,
      areas: [{ area: 'other' as const, themes: ['staffingAndCompetence' as const] }],
      measures: [{ areaIndex: 0, status: 'started' as const }],
    },
    {
      municipalityId: 'krokom',
      municipalityCode: '2309',
      status: 'draft' as const,
      areas: [{ area: 'health' as const, themes: ['parentingSupport' as const] }],
      measures: [],
    },
  ];

  it('counts what everyone works on, by area and theme, adopted plans only', () => {
    const national = workAcrossMunicipalities(plans, { kind: 'national' });
    assert.equal(national.municipalities, 2);
    assert.deepEqual(national.areas, [
      { area: 'schooling', municipalities: 1, measures: 2, done: 1 },
      { area: 'qualityOfWork', municipalities: 1, measures: 1, done: 0 },
      { area: 'other', municipalities: 1, measures: 1, done: 0 },
    ]);
    assert.deepEqual(national.themes[0], { theme: 'staffingAndCompetence', municipalities: 2, measures: 2 });
  });

  it('a county coordinator sees the county only', () => {
    const jamtland = workAcrossMunicipalities(plans, { kind: 'county', countyCode: '23' });
    assert.equal(jamtland.municipalities, 1);
    const vasterbotten = workAcrossMunicipalities(plans, { kind: 'county', countyCode: '24' });
    assert.deepEqual(
      vasterbotten.areas.map((a) => a.area),
      ['other'],
    );
  });

  it('says what was raised nationally, how often, by how many, how much is unanswered', () => {
    const matters = [
      {
        municipalityId: 'storuman',
        municipalityCode: '2421',
        themes: ['unaccompaniedMinors' as const],
        status: 'raised',
      },
      {
        municipalityId: 'storuman',
        municipalityCode: '2421',
        themes: ['documentationAndReporting' as const],
        status: 'answered',
      },
      {
        municipalityId: 'vaxjo',
        municipalityCode: '0780',
        themes: ['documentationAndReporting' as const],
        status: 'raised',
      },
    ];
    assert.deepEqual(mattersAcrossMunicipalities(matters, { kind: 'national' }), [
      { theme: 'documentationAndReporting', raised: 2, municipalities: 2, unanswered: 1 },
      { theme: 'unaccompaniedMinors', raised: 1, municipalities: 1, unanswered: 1 },
    ]);
  });

  // Stands in for the measurement feature's suppression (issue 17): counts 1–4 hidden, and one more
  // when a single hidden count could be recomputed from the total.
  const suppress: SuppressRow = (counts, total) => {
    const shown: (number | null)[] = counts.map((c) => (c >= 1 && c <= 4 ? null : c));
    if (shown.filter((c) => c === null).length === 1) {
      const smallest = shown.reduce<number>(
        (best, c, i) => (c !== null && (best < 0 || c < (shown[best] ?? 0)) ? i : best),
        -1,
      );
      if (smallest >= 0) shown[smallest] = null;
    }
    return { counts: shown, total: total >= 1 && total <= 4 ? null : total };
  };

  it('adds up an indicator over the municipalities: counts summed, small ones suppressed, no share beside them', () => {
    const result = aggregateIndicator(
      [
        { municipalityId: 'ostersund', municipalityCode: '2380', numerator: 40, denominator: 50 },
        { municipalityId: 'krokom', municipalityCode: '2309', numerator: 3, denominator: 12 },
        { municipalityId: 'are', municipalityCode: '2321', numerator: 9, denominator: 10 },
        { municipalityId: 'gotland', municipalityCode: '0980', numerator: 1, denominator: 1 },
      ],
      { kind: 'county', countyCode: '23' },
      suppress,
    );
    assert.deepEqual(result.total, { numerator: 52, denominator: 72, share: 52 / 72 });
    assert.deepEqual(
      result.perMunicipality.map((m) => [m.municipalityId, m.numerator, m.share]),
      [
        ['ostersund', 40, 0.8],
        ['krokom', null, null],
        ['are', null, null],
      ],
    );
  });
});
