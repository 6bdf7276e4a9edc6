import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Action,
  actions,
  type DenyReason,
  decide,
  type Resource,
  requiresSecondFactor,
} from '../../access.ts';
import { actor, home, other, ownCase } from '../../testing/policy-actors.ts';
import { type Role, roles } from '../db/schema.ts';

function resourceFor(action: Action, municipalityId = home, role: Role = 'manager'): Resource {
  switch (action) {
    case 'report.submit':
    case 'report.checkStatus':
      return { type: 'reportIntake', municipalityId };
    case 'report.list':
      return { type: 'reportRegister', municipalityId };
    case 'report.read':
    case 'report.process':
      return { type: 'report', municipalityId, case: ownCase(role, 'new') };
    case 'case.read':
    case 'case.update':
    case 'case.decideInitialAssessment':
    case 'case.assign':
    case 'case.extend':
    case 'case.decide':
    case 'case.close':
    case 'caseNote.write':
    case 'document.read':
    case 'document.dispatch':
    case 'document.recordApplication':
      return { type: 'case', municipalityId, case: ownCase(role) };
    case 'worklist.read':
    case 'worklist.readUnit':
      return { type: 'worklist', municipalityId, unitId: 'unit-a' };
    case 'caseSettings.manage':
    case 'placementSettings.manage':
      return { type: 'administration', municipalityId };
    case 'retention.review':
    case 'retention.approve':
    case 'retention.readArchived':
      return { type: 'retention', municipalityId };
    case 'person.search':
    case 'person.create':
      return { type: 'personRegister', municipalityId };
    case 'person.read':
    case 'person.update':
    case 'person.readProtectedDetails':
      return { type: 'person', municipalityId, protectedIdentity: 'protectedRegistration' };
    case 'auditLog.review':
      return { type: 'auditLog', municipalityId };
    case 'unit.manage':
    case 'user.manage':
      return { type: 'administration', municipalityId };
    case 'statistics.read':
    case 'statistics.export':
    case 'registerFile.prepare':
    case 'registerFile.submit':
    case 'registerFile.readSubmissions':
    case 'comparison.import':
      return { type: 'statistics', municipalityId };
    case 'staff.manage':
      return { type: 'administration', municipalityId };
    case 'statistics.drillDown':
      return { type: 'statisticsUnit', municipalityId, unitId: 'unit-a' };
    case 'workload.manageWeights':
      return { type: 'administration', municipalityId };
    case 'workload.read':
    case 'workload.assess':
    case 'workload.setProfile':
      return { type: 'workerLoad', municipalityId, workerId: `user-${role}`, unitId: 'unit-a' };
    case 'ivo.prepare':
      return { type: 'statistics', municipalityId };
    case 'partnerOrganisation.manage':
      return { type: 'administration', municipalityId };
    case 'partnerOrganisation.manageUsers':
      return { type: 'partnerOrganisation', municipalityId, organisationId: 'org-school' };
    case 'sip.list':
    case 'sip.create':
    case 'sip.request':
      return { type: 'sipRegister', municipalityId };
    case 'sip.accept':
    case 'sip.read':
    case 'sip.update':
    case 'sip.recordConsent':
    case 'sip.withdrawConsent':
    case 'sip.agree':
    case 'sip.reportActionStatus':
    case 'sip.followUp':
    case 'sip.close':
      return {
        type: 'sip',
        municipalityId,
        sip: { ...openSip, coordinatorUserId: `user-${role}` },
        informationKind: 'plan',
      };
    case 'guide.edit':
    case 'guide.review':
    case 'guide.publish':
      return { type: 'guide', municipalityId, lastEditedBy: 'someone-else' };
    case 'caseList.read':
    case 'caseList.readUnit':
    case 'caseList.search':
      return { type: 'caseList', municipalityId, unitId: 'unit-a' };
    case 'notification.read':
    case 'calendar.read':
    case 'calendar.manage':
      return { type: 'ownWorkday', municipalityId, userId: `user-${role}` };
    case 'jointVisit.list':
    case 'jointVisit.listSummaries':
    case 'jointVisit.readFigures':
      return { type: 'jointVisitRegister', municipalityId, unitId: 'unit-a' };
    case 'jointVisit.create':
    case 'jointVisit.read':
    case 'jointVisit.update':
    case 'jointVisit.recordConsent':
    case 'jointVisit.withdrawConsent':
    case 'jointVisit.completeFollowUp':
    case 'jointVisit.readSummary':
      return {
        type: 'jointVisit',
        municipalityId,
        visit: {
          case: ownCase(role, 'new'),
          recordedBy: `user-${role}`,
          policeOrganisationId: 'org-school',
          consent: { withdrawn: false },
        },
      };
    case 'placement.list':
      return { type: 'placementRegister', municipalityId, unitId: null };
    case 'ivoList.export':
      return { type: 'placementRegister', municipalityId, unitId: 'unit-a' };
    case 'placement.create':
    case 'placement.read':
    case 'placement.update':
    case 'placement.recordContact':
    case 'placement.recordConsideration':
    case 'placement.end':
    case 'placement.readHomeAddress':
      return {
        type: 'placement',
        municipalityId,
        placement: { unitIds: ['unit-a'], responsibleUserId: null, designatedWorkerId: `user-${role}` },
      };
    case 'home.list':
    case 'home.read':
    case 'home.manage':
      return { type: 'homeRegister', municipalityId, homeFindingUnitIds: ['unit-a'] };
    case 'example.write':
    case 'example.readUnpublished':
    case 'example.review':
    case 'example.withdraw':
    case 'comment.moderate':
      // An example in review by someone of another organisation, asked by a good-practice editor.
      return {
        type: 'goodPractice',
        municipalityId,
        state: 'inReview',
        authorUserId: null,
        authorOrganisationKey: 'o:another-organisation',
        actorIsEditor: true,
      };
    case 'comment.post':
      return { type: 'exampleComments', municipalityId };
    case 'forum.create':
    case 'forum.read':
    case 'forum.record':
    case 'forum.approve':
    case 'forum.updateAction':
      // A forum the actor chairs, with the actor's organisation a member.
      return {
        type: 'forum',
        municipalityId,
        memberOrganisationIds: ['org-own'],
        representatives: [{ userId: `user-${role}`, role: 'chair' }],
        actorOrganisationId: 'org-own',
      };
    case 'plan.read':
    case 'plan.write':
    case 'plan.updateMeasure':
    case 'matter.raise':
      // A plan the school takes part in, and a measure the school owns.
      return {
        type: 'actionPlan',
        municipalityId,
        organisationIds: ['org-school'],
        measureOwnerId: 'org-school',
      };
  }
}

/** The register file to Socialstyrelsen: a manager's, with the second factor (src/statistics/reporting-access.ts). */
const registerFileManager = {
  'registerFile.prepare': 'Y',
  'registerFile.submit': 'Y',
  'registerFile.readSubmissions': 'Y',
  'comparison.import': 'Y',
} as const;

/** Placements and homes: the designated worker's own, the unit's for its managers (src/placements/access.ts). */
const placementStaff = {
  'placement.list': 'Y',
  'placement.create': 'Y',
  'placement.read': 'Y',
  'placement.update': 'Y',
  'placement.recordContact': 'Y',
  'placement.recordConsideration': 'Y',
  'placement.end': 'Y',
  'placement.readHomeAddress': 'Y',
  'home.list': 'Y',
  'home.read': 'Y',
  'home.manage': 'Y',
} as const;

/** A plan the matrix's actor coordinates, with the school as a consenting party. */
const openSip = {
  status: 'active',
  coordinatorUserId: 'user-socialWorker',
  participantOrganisationIds: ['org-social-services', 'org-school'],
  requestedByOrganisationId: null,
  consent: {
    givenOn: '2026-01-10',
    validUntil: '2026-12-31',
    withdrawn: false,
    organisationIds: ['org-social-services', 'org-school'],
    informationKinds: ['plan', 'needs', 'contactDetails'],
  },
  asOf: '2026-03-01',
} as const;

const socialServicesSip = {
  'sip.list': 'Y',
  'sip.create': 'Y',
  'sip.accept': 'Y',
  'sip.read': 'Y',
  'sip.update': 'Y',
  'sip.recordConsent': 'Y',
  'sip.withdrawConsent': 'Y',
  'sip.agree': 'Y',
  'sip.reportActionStatus': 'Y',
  'sip.followUp': 'Y',
  'sip.close': 'Y',
} as const;

const socialServicesJointVisits = {
  'jointVisit.list': 'Y',
  'jointVisit.create': 'Y',
  'jointVisit.read': 'Y',
  'jointVisit.update': 'Y',
  'jointVisit.recordConsent': 'Y',
  'jointVisit.withdrawConsent': 'Y',
  'jointVisit.completeFollowUp': 'Y',
} as const;

// The whole matrix, written out so a change of rights shows up as a change of this table.
// Y = allowed in the user's own municipality; a deny reason = granted to the role, refused here.
// Anyone (even signed out) may file a report and check its status: 'P' = public, in every
// municipality. Case actions are listed for a case of the actor's own unit, assigned to them.
// The working day (src/workday/): the case lists, notifications and calendar of case workers.
const workday = {
  'caseList.read': 'Y',
  'caseList.search': 'Y',
  'notification.read': 'Y',
  'calendar.read': 'Y',
  'calendar.manage': 'Y',
} as const;
const publicReportActions = { 'report.submit': 'P', 'report.checkStatus': 'P', 'comment.post': 'P' } as const;
// Members of a forum take part with their own accounts, whatever their organisation.
const forumMember = {
  'forum.read': 'Y',
  'forum.record': 'Y',
  'forum.approve': 'Y',
  'forum.updateAction': 'Y',
} as const;
// Everyone who works with children's matters may share good examples; editors review them (the
// editor flag is the resource's here: docs/decisions/0105).
const goodPractice = {
  'example.write': 'notTheAuthor',
  'example.readUnpublished': 'Y',
  'example.review': 'Y',
  'example.withdraw': 'Y',
  'comment.moderate': 'Y',
} as const;
// A worker's own load and self-assessment (issue 17): the worker's, and their unit's manager's.
const ownWorkload = { 'workload.read': 'Y', 'workload.assess': 'Y' } as const;
const expected: Record<Role, Partial<Record<Action, 'Y' | 'P' | DenyReason>>> = {
  administrator: {
    'unit.manage': 'Y',
    'user.manage': 'Y',
    'caseSettings.manage': 'Y',
    'placementSettings.manage': 'Y',
    'partnerOrganisation.manage': 'Y',
    'partnerOrganisation.manageUsers': 'Y',
    'staff.manage': 'Y',
    'workload.manageWeights': 'Y',
    ...publicReportActions,
  },
  intakeWorker: {
    ...forumMember,
    ...ownWorkload,
    'plan.read': 'Y',
    'person.search': 'Y',
    'person.read': 'Y',
    'person.create': 'Y',
    'person.update': 'Y',
    'person.readProtectedDetails': 'Y',
    'report.list': 'Y',
    'report.read': 'Y',
    'report.process': 'Y',
    'case.read': 'Y',
    'case.update': 'Y',
    'case.decideInitialAssessment': 'Y',
    'caseNote.write': 'Y',
    'worklist.read': 'Y',
    'document.read': 'Y',
    'document.dispatch': 'Y',
    ...workday,
    ...socialServicesJointVisits,
    ...goodPractice,
    ...publicReportActions,
  },
  socialWorker: {
    ...forumMember,
    ...ownWorkload,
    'plan.read': 'Y',
    'person.search': 'Y',
    'person.read': 'Y',
    'person.create': 'Y',
    'person.update': 'Y',
    'person.readProtectedDetails': 'Y',
    'report.read': 'Y',
    'report.process': 'Y',
    'case.read': 'Y',
    'case.update': 'Y',
    'case.close': 'Y',
    'caseNote.write': 'Y',
    'worklist.read': 'Y',
    'document.read': 'Y',
    'document.dispatch': 'Y',
    'document.recordApplication': 'Y',
    ...socialServicesSip,
    ...workday,
    ...socialServicesJointVisits,
    ...placementStaff,
    ...goodPractice,
    ...publicReportActions,
  },
  manager: {
    ...forumMember,
    'forum.create': 'Y',
    'plan.read': 'Y',
    'plan.write': 'Y',
    'plan.updateMeasure': 'Y',
    'matter.raise': 'Y',
    'person.search': 'Y',
    'person.read': 'Y',
    'person.readProtectedDetails': 'Y',
    'auditLog.review': 'Y',
    'statistics.read': 'Y',
    'statistics.drillDown': 'Y',
    'statistics.export': 'Y',
    ...registerFileManager,
    'report.list': 'Y',
    'report.read': 'Y',
    'report.process': 'Y',
    'case.read': 'Y',
    'case.update': 'Y',
    'case.decideInitialAssessment': 'Y',
    'case.assign': 'Y',
    'case.extend': 'Y',
    'case.decide': 'Y',
    'case.close': 'Y',
    'caseNote.write': 'Y',
    'document.read': 'Y',
    'document.dispatch': 'Y',
    'document.recordApplication': 'Y',
    'worklist.read': 'Y',
    'worklist.readUnit': 'Y',
    ...socialServicesSip,
    ...workday,
    'caseList.readUnit': 'Y',
    ...socialServicesJointVisits,
    'jointVisit.readFigures': 'Y',
    ...placementStaff,
    'ivoList.export': 'Y',
    ...ownWorkload,
    'workload.setProfile': 'Y',
    'ivo.prepare': 'Y',
    ...goodPractice,
    ...publicReportActions,
  },
  partnerProfessional: {
    ...forumMember,
    'plan.read': 'Y',
    'plan.updateMeasure': 'Y',
    'sip.request': 'Y',
    'sip.read': 'Y',
    'sip.agree': 'Y',
    'sip.withdrawConsent': 'Y',
    'sip.reportActionStatus': 'Y',
    'partnerOrganisation.manageUsers': 'notOrganisationAdministrator',
    // The matrix's partner is the school's: only the police read a joint visit's summary.
    'jointVisit.listSummaries': 'notPolice',
    'jointVisit.readSummary': 'notPolice',
    ...goodPractice,
    ...publicReportActions,
  },
  statisticsReader: {
    'statistics.read': 'Y',
    'statistics.export': 'Y',
    'registerFile.readSubmissions': 'Y',
    'comparison.import': 'Y',
    'plan.read': 'Y',
    ...publicReportActions,
  },
  archivist: {
    'retention.review': 'Y',
    'retention.approve': 'Y',
    'retention.readArchived': 'Y',
    ...publicReportActions,
  },
  guideEditor: {
    'guide.edit': 'Y',
    'guide.review': 'Y',
    'guide.publish': 'Y',
    ...goodPractice,
    ...publicReportActions,
  },
};

const reason = 'Behöver adressen för hembesök enligt beslut.';

describe('the access policy, role by action', () => {
  for (const role of roles) {
    for (const action of actions) {
      const grant = expected[role][action];
      const allowed = grant === 'Y' || grant === 'P';
      it(`${role} ${allowed ? 'may' : 'may not'} ${action} in their own municipality`, () => {
        const decision = decide(actor(role), action, resourceFor(action, home, role), { reason });
        assert.equal(decision.allowed, allowed, JSON.stringify(decision));
        if (!allowed) assert.equal(decision.reason, grant ?? 'roleNotPermitted');
      });
      if (grant === 'P') {
        it(`${role} may ${action} in any municipality (a public action)`, () => {
          assert.equal(decide(actor(role), action, resourceFor(action, other, role)).allowed, true);
        });
      } else {
        it(`${role} may never ${action} in another municipality`, () => {
          const decision = decide(actor(role), action, resourceFor(action, other, role), { reason });
          assert.deepEqual(decision, { allowed: false, reason: 'otherMunicipality' });
        });
      }
    }
  }
});

describe('the access policy, beyond the matrix', () => {
  it('refuses everything but filing a report, checking its status and commenting on a good example to an anonymous visitor', () => {
    for (const action of actions) {
      const decision = decide(null, action, resourceFor(action));
      if (action === 'report.submit' || action === 'report.checkStatus' || action === 'comment.post')
        assert.equal(decision.allowed, true);
      else assert.deepEqual(decision, { allowed: false, reason: 'notSignedIn' });
    }
  });

  it('refuses personal data until the second factor is done', () => {
    const halfLoggedIn = actor('socialWorker', { secondFactorDone: false });
    assert.deepEqual(decide(halfLoggedIn, 'person.read', resourceFor('person.read')), {
      allowed: false,
      reason: 'secondFactorRequired',
    });
  });

  it('requires a second factor of every role except the statistics reader', () => {
    for (const role of roles) assert.equal(requiresSecondFactor(role), role !== 'statisticsReader', role);
  });

  it('lets a statistics reader without a second factor read statistics only', () => {
    const reader = actor('statisticsReader', { secondFactorDone: false });
    assert.equal(decide(reader, 'statistics.read', resourceFor('statistics.read')).allowed, true);
    assert.equal(decide(reader, 'person.read', resourceFor('person.read')).allowed, false);
  });

  it('demands a reason of at least ten characters before showing protected whereabouts', () => {
    const worker = actor('socialWorker');
    const resource = resourceFor('person.readProtectedDetails');
    for (const given of [undefined, '', '   ', 'kort skäl']) {
      assert.deepEqual(decide(worker, 'person.readProtectedDetails', resource, { reason: given }), {
        allowed: false,
        reason: 'reasonRequired',
      });
    }
    assert.equal(decide(worker, 'person.readProtectedDetails', resource, { reason }).allowed, true);
  });

  it('refuses an action applied to the wrong kind of resource', () => {
    const decision = decide(actor('manager'), 'person.read', { type: 'auditLog', municipalityId: home });
    assert.deepEqual(decision, { allowed: false, reason: 'wrongResource' });
  });

  it('lets no editor review their own change to the guide (four eyes)', () => {
    const editor = actor('guideEditor');
    const own = { type: 'guide' as const, municipalityId: home, lastEditedBy: editor.userId };
    assert.deepEqual(decide(editor, 'guide.review', own), { allowed: false, reason: 'ownChange' });
    assert.equal(decide(editor, 'guide.edit', own).allowed, true, 'may go on editing');
    assert.equal(decide(editor, 'guide.publish', own).allowed, true, 'publishes what another reviewed');
  });

  it('requires a second factor of guide editors, who handle no personal data but public texts', () => {
    const editor = actor('guideEditor', { secondFactorDone: false });
    assert.deepEqual(decide(editor, 'guide.edit', resourceFor('guide.edit')), {
      allowed: false,
      reason: 'secondFactorRequired',
    });
  });

  it('gives guide editors nothing of the people register or the log', () => {
    const editor = actor('guideEditor');
    for (const action of ['person.search', 'person.read', 'auditLog.review', 'user.manage'] as const)
      assert.equal(decide(editor, action, resourceFor(action), { reason }).allowed, false, action);
  });

  it('gives partner professionals no access at all to the social services file', () => {
    for (const kind of ['school', 'healthCare', 'dentalCare', 'police'] as const) {
      const partner = actor('partnerProfessional', { partnerKind: kind });
      for (const action of actions) {
        if (action === 'report.submit' || action === 'report.checkStatus') continue;
        // Plans, organisations and good examples (no one's personal data):
        // src/sip/partner-access.test.ts walks them cell by cell.
        if (action.startsWith('sip.') || action.startsWith('partnerOrganisation.')) continue;
        // A joint visit's police summary: the same test walks it cell by cell, police and others.
        if (action === 'jointVisit.readSummary' || action === 'jointVisit.listSummaries') continue;
        if (action.startsWith('example.') || action.startsWith('comment.')) continue;
        if (action.startsWith('plan.') || action.startsWith('matter.')) continue;
        if (action.startsWith('forum.')) continue;
        assert.equal(decide(partner, action, resourceFor(action), { reason }).allowed, false, action);
      }
    }
  });
});
