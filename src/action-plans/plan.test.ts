import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextGuard } from '../collaboration/form.ts';
import { generatePersonalNumber } from '../people/personal-number.ts';
import {
  allowedNextStatuses,
  isLate,
  type MeasureInput,
  plansCitingExample,
  statusChangeRefusal,
  validateMeasure,
} from './measures.ts';
import { matterStatusAfter, matterStepRefusal, validateMatter } from './national-matters.ts';
import { nextVersion, type PlanInput, planStepRefusal, validatePlan } from './plan.ts';

const guard: TextGuard = { today: '2026-11-25', confirmed: false };
const errors = (r: { ok: boolean; errors?: { field: string; code: string }[] }) =>
  r.ok ? [] : (r.errors ?? []).map((e) => [e.field, e.code]);

describe("a municipality's action plan", () => {
  const valid: PlanInput = {
    title: 'Plan för handling, social barn- och ungdomsvård',
    adoptedByBody: 'Socialnämnden',
    adoptedOn: '2026-02-10',
    deadline: '2026-02-28',
    organisationIds: ['social', 'bup'],
    areas: [
      { area: 'childrensEnvironment', rationale: 'Barnfattigdom och vräkningar.', themes: ['childPoverty'] },
      {
        area: 'qualityOfWork',
        rationale: 'Hög arbetsbelastning.',
        themes: ['workload', 'staffingAndCompetence'],
      },
      {
        area: 'other',
        title: 'Samarbetet i Region 8',
        rationale: 'BUP är svår att nå.',
        themes: ['childPsychiatryCollaboration'],
      },
    ],
  };
  const context = { guard, organisationIds: ['social', 'bup', 'school'] };

  it('is accepted with areas and rationales; themes in their fixed order', () => {
    const result = validatePlan(valid, context);
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.value.areas[1]?.themes, ['staffingAndCompetence', 'workload']);
  });

  it('needs an area, each standard area once, an own title for "other", a rationale for each', () => {
    assert.deepEqual(errors(validatePlan({ ...valid, areas: [] }, context)), [['areas', 'noArea']]);
    const twice = validatePlan(
      {
        ...valid,
        areas: [
          { area: 'health', rationale: 'a' },
          { area: 'health', rationale: 'b' },
          { area: 'other', rationale: '' },
        ],
      },
      context,
    );
    assert.deepEqual(errors(twice), [
      ['areas.1.area', 'areaTwice'],
      ['areas.2.title', 'titleRequiredForOther'],
      ['areas.2.rationale', 'required'],
    ]);
  });

  it('refuses an unknown theme once', () => {
    const result = validatePlan(
      { ...valid, areas: [{ area: 'health', rationale: 'r', themes: ['happiness'] }] },
      context,
    );
    assert.deepEqual(errors(result), [['areas.0.themes', 'notAMember']]);
  });

  it('takes part only with registered organisations, and has its deadline after adoption', () => {
    assert.deepEqual(
      errors(
        validatePlan({ ...valid, organisationIds: ['social', 'police'], deadline: '2026-01-31' }, context),
      ),
      [
        ['deadline', 'deadlineBeforeAdoption'],
        ['organisationIds', 'notAMember'],
      ],
    );
  });

  it('refuses an identity number in a rationale', () => {
    const number = generatePersonalNumber('2010-10-10', 10);
    const result = validatePlan(
      { ...valid, areas: [{ area: 'health', rationale: `Se ärendet ${number}` }] },
      context,
    );
    assert.deepEqual(errors(result), [['areas.0.rationale', 'personalIdentityNumber']]);
  });

  it('is adopted once with its body, date and a measure; then changes only by a new version', () => {
    const draft = {
      status: 'draft' as const,
      adoptedByBody: 'Socialnämnden',
      adoptedOn: '2026-02-10',
      measures: 3,
      newerDraft: false,
    };
    assert.equal(planStepRefusal('adopt', draft, '2026-11-25'), null);
    assert.equal(planStepRefusal('adopt', { ...draft, adoptedOn: null }, '2026-11-25'), 'adoptionMissing');
    assert.equal(
      planStepRefusal('adopt', { ...draft, adoptedOn: '2026-11-26' }, '2026-11-25'),
      'adoptedInFuture',
    );
    assert.equal(planStepRefusal('adopt', { ...draft, measures: 0 }, '2026-11-25'), 'noMeasure');
    const adopted = { ...draft, status: 'adopted' as const };
    assert.equal(planStepRefusal('edit', adopted, '2026-11-25'), 'wrongStatus');
    assert.equal(planStepRefusal('revise', adopted, '2026-11-25'), null);
    assert.equal(planStepRefusal('revise', { ...adopted, newerDraft: true }, '2026-11-25'), 'draftExists');
    assert.equal(planStepRefusal('close', { ...adopted, status: 'superseded' }, '2026-11-25'), 'wrongStatus');
  });

  it('a new version is a draft one number up, without the adoption', () => {
    const result = validatePlan(valid, context);
    assert.ok(result.ok);
    const v2 = nextVersion({ ...result.value, version: 1 });
    assert.equal(v2.version, 2);
    assert.equal(v2.adoptedOn, null);
    assert.equal(v2.adoptedByBody, '');
    assert.equal(v2.areas.length, 3);
  });
});

describe('a measure', () => {
  const valid: MeasureInput = {
    areaIndex: '0',
    title: 'Bokpaket till familjehemsplacerade barn',
    ownerOrganisationId: 'social',
    ownerRole: 'Enhetschef familjehemsvården',
    partnerOrganisationIds: ['library'],
    startsOn: '2026-09-01',
    dueOn: '2027-08-31',
    citedExampleIds: ['letterbox'],
  };
  const context = {
    guard,
    areaCount: 2,
    planOrganisationIds: ['social', 'library', 'bup'],
    publishedExampleIds: ['letterbox'],
  };

  it('is accepted with an owner and partners of the plan, citing a published example', () => {
    assert.ok(validateMeasure(valid, context).ok);
  });

  it('refuses an owner outside the plan, the owner as partner, a draft example and a bad area', () => {
    const result = validateMeasure(
      { ...valid, areaIndex: '2', ownerOrganisationId: 'library', citedExampleIds: ['draftExample'] },
      context,
    );
    assert.deepEqual(errors(result), [
      ['areaIndex', 'invalid'],
      ['partnerOrganisationIds', 'ownerAlsoPartner'],
      ['citedExampleIds', 'exampleNotPublished'],
    ]);
    assert.deepEqual(errors(validateMeasure({ ...valid, ownerOrganisationId: 'police' }, context)), [
      ['ownerOrganisationId', 'ownerNotTakingPart'],
    ]);
    assert.deepEqual(errors(validateMeasure({ ...valid, dueOn: '2026-08-31' }, context)), [
      ['dueOn', 'dateBeforeStart'],
    ]);
  });

  it('moves planned → started → done or dropped, never back', () => {
    const change = (to: 'planned' | 'started' | 'done' | 'dropped', extra = {}) => ({
      to,
      on: '2026-11-20',
      evidence: '',
      reason: '',
      ...extra,
    });
    assert.equal(statusChangeRefusal('planned', change('started'), '2026-11-25'), null);
    assert.equal(
      statusChangeRefusal('planned', change('done', { evidence: 'x' }), '2026-11-25'),
      'notAllowed',
    );
    assert.equal(statusChangeRefusal('started', change('done'), '2026-11-25'), 'evidenceRequired');
    assert.equal(
      statusChangeRefusal('started', change('done', { evidence: 'Rutin antagen 2026-11-20' }), '2026-11-25'),
      null,
    );
    assert.equal(statusChangeRefusal('planned', change('dropped'), '2026-11-25'), 'reasonRequired');
    assert.equal(statusChangeRefusal('done', change('started'), '2026-11-25'), 'notAllowed');
    assert.equal(statusChangeRefusal('dropped', change('planned'), '2026-11-25'), 'notAllowed');
    assert.equal(
      statusChangeRefusal('planned', change('started', { on: '2026-11-26' }), '2026-11-25'),
      'dateInFuture',
    );
    assert.deepEqual(allowedNextStatuses('started'), ['done', 'dropped']);
    assert.deepEqual(allowedNextStatuses('done'), []);
  });

  it('is late when open past its due date', () => {
    assert.equal(isLate({ status: 'started', dueOn: '2026-11-24' }, '2026-11-25'), true);
    assert.equal(isLate({ status: 'started', dueOn: '2026-11-25' }, '2026-11-25'), false);
    assert.equal(isLate({ status: 'done', dueOn: '2026-01-01' }, '2026-11-25'), false);
  });

  it('an example lists each plan that cites it once', () => {
    assert.deepEqual(
      plansCitingExample('letterbox', [
        { planId: 'ostersund', citedExampleIds: ['letterbox', 'skolfam'] },
        { planId: 'ostersund', citedExampleIds: ['letterbox'] },
        { planId: 'vaxjo', citedExampleIds: ['mentors'] },
        { planId: 'gotland', citedExampleIds: ['letterbox'] },
      ]),
      ['ostersund', 'gotland'],
    );
  });
});

describe('matters raised to the national level', () => {
  const valid = {
    title: 'Överväganden var sjätte månad för ensamkommande',
    description: 'Lagen kräver överväganden även när placeringen ska bestå; det tar tid från barnen.',
    themes: ['unaccompaniedMinors', 'documentationAndReporting'],
    raisedOn: '2026-11-20',
  };

  it('has a theme, a description, a date not in the future', () => {
    assert.ok(validateMatter(valid, { guard, today: '2026-11-25' }).ok);
    assert.deepEqual(
      errors(
        validateMatter({ ...valid, themes: [], raisedOn: '2026-12-01' }, { guard, today: '2026-11-25' }),
      ),
      [
        ['themes', 'noTheme'],
        ['raisedOn', 'dateInFuture'],
      ],
    );
  });

  it('only a coordinator answers, with an answer; the municipality closes or reopens', () => {
    const raised = { status: 'raised' as const };
    assert.equal(matterStepRefusal('answer', raised, { isCoordinator: false }, 'Svar'), 'notACoordinator');
    assert.equal(matterStepRefusal('answer', raised, { isCoordinator: true }, ' '), 'answerRequired');
    assert.equal(
      matterStepRefusal('answer', raised, { isCoordinator: true }, 'Frågan är lyft till departementet.'),
      null,
    );
    assert.equal(matterStatusAfter('answer'), 'answered');
    assert.equal(matterStepRefusal('reopen', { status: 'answered' }, { isCoordinator: false }, ''), null);
    assert.equal(matterStatusAfter('reopen'), 'raised');
    assert.equal(
      matterStepRefusal('answer', { status: 'closed' }, { isCoordinator: true }, 'x'),
      'wrongStatus',
    );
  });
});
