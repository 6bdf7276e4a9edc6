import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CollaborationAction,
  type CollaborationActor,
  type CollaborationResource,
  collaborationActions,
  decideCollaboration,
} from './access.ts';

const staff = (over: Partial<Extract<CollaborationActor, { kind: 'staff' }>> = {}): CollaborationActor => ({
  kind: 'staff',
  userId: 'u-manager',
  municipalityId: 'ostersund',
  role: 'manager',
  partnerOrganisationId: null,
  organisationId: 'ostersund-social',
  goodPracticeEditor: false,
  ...over,
});
const bup = staff({
  userId: 'u-bup',
  role: 'partnerProfessional',
  partnerOrganisationId: 'bup',
  organisationId: 'bup',
});
const national: CollaborationActor = {
  kind: 'coordinator',
  userId: 'u-coordinator',
  scope: { kind: 'national' },
  organisationId: 'coordinator-office',
  goodPracticeEditor: true,
};
const jamtland: CollaborationActor = { ...national, scope: { kind: 'county', countyCode: '23' } };
const vasterbotten: CollaborationActor = { ...national, scope: { kind: 'county', countyCode: '24' } };
const publicReader: CollaborationActor = { kind: 'public' };

const forum: CollaborationResource = {
  type: 'forum',
  homeMunicipalityId: 'ostersund',
  countyCode: '23',
  memberOrganisationIds: ['ostersund-social', 'bup', 'police'],
  representatives: [
    { userId: 'u-manager', role: 'chair' },
    { userId: 'u-bup', role: 'member' },
  ],
};
const plan: CollaborationResource = {
  type: 'municipalityWork',
  municipalityId: 'ostersund',
  municipalityCode: '2380',
  organisationIds: ['ostersund-social', 'bup'],
};
const published: CollaborationResource = { type: 'example', state: 'published', authorUserId: 'u-manager' };
const draft: CollaborationResource = { type: 'example', state: 'draft', authorUserId: 'u-manager' };

const can = (actor: CollaborationActor, action: CollaborationAction, resource: CollaborationResource) =>
  decideCollaboration(actor, action, resource);

describe('the collaboration rule set: deny by default', () => {
  it('the public reads and comments on published examples, and nothing else', () => {
    assert.deepEqual(can(publicReader, 'example.read', published), { allowed: true });
    assert.deepEqual(can(publicReader, 'comment.post', published), { allowed: true });
    assert.deepEqual(can(publicReader, 'comment.post', draft), { allowed: false, reason: 'notPublished' });
    for (const action of collaborationActions) {
      if (action === 'example.read' || action === 'comment.post') continue;
      const resources: CollaborationResource[] = [
        forum,
        plan,
        published,
        draft,
        { type: 'overview' },
        { type: 'comments' },
      ];
      for (const resource of resources) {
        assert.equal(can(publicReader, action, resource).allowed, false, `${action} on ${resource.type}`);
      }
    }
  });

  it('forum content is for its members; a non-member gets "not a member" (404)', () => {
    assert.deepEqual(can(bup, 'forum.read', forum), { allowed: true });
    assert.deepEqual(can(bup, 'forum.reportDeviation', forum), { allowed: true });
    const school = staff({
      userId: 'u-school',
      role: 'partnerProfessional',
      partnerOrganisationId: 'school',
      organisationId: 'school',
    });
    assert.deepEqual(can(school, 'forum.read', forum), { allowed: false, reason: 'notAMember' });
    assert.deepEqual(can(national, 'forum.read', forum), { allowed: false, reason: 'notAMember' });
    const police = staff({
      userId: 'u-police',
      role: 'partnerProfessional',
      partnerOrganisationId: 'police',
      organisationId: 'police',
    });
    assert.deepEqual(can(police, 'forum.read', forum), { allowed: true }); // its organisation is a member
  });

  it('the chair and secretary keep the minutes, the chair approves them; a member does not', () => {
    assert.deepEqual(can(staff(), 'forum.recordMeeting', forum), { allowed: true });
    assert.deepEqual(can(staff(), 'forum.approveMinutes', forum), { allowed: true });
    assert.deepEqual(can(bup, 'forum.recordMeeting', forum), { allowed: false, reason: 'roleNotPermitted' });
    assert.deepEqual(can(bup, 'forum.approveMinutes', forum), { allowed: false, reason: 'roleNotPermitted' });
  });

  it("a municipal forum is set up by the municipality's manager, a county network by its coordinator", () => {
    assert.deepEqual(can(staff(), 'forum.create', forum), { allowed: true });
    assert.deepEqual(can(staff({ role: 'socialWorker' }), 'forum.create', forum), {
      allowed: false,
      reason: 'roleNotPermitted',
    });
    const county = { ...forum, homeMunicipalityId: null, countyCode: '23' } as const;
    assert.deepEqual(can(jamtland, 'forum.create', county), { allowed: true });
    assert.deepEqual(can(vasterbotten, 'forum.create', county), { allowed: false, reason: 'outsideScope' });
    assert.deepEqual(can(staff(), 'forum.create', county), { allowed: false, reason: 'outsideScope' });
  });

  it('plans: the municipality reads, its manager writes, partners taking part read and update their measures', () => {
    assert.deepEqual(can(staff({ role: 'socialWorker' }), 'plan.read', plan), { allowed: true });
    assert.deepEqual(can(staff({ role: 'socialWorker' }), 'plan.write', plan), {
      allowed: false,
      reason: 'roleNotPermitted',
    });
    assert.deepEqual(can(staff(), 'plan.write', plan), { allowed: true });
    assert.deepEqual(can(staff({ role: 'administrator' }), 'plan.read', plan), {
      allowed: false,
      reason: 'roleNotPermitted',
    });
    assert.deepEqual(can(bup, 'plan.read', plan), { allowed: true });
    assert.deepEqual(can(bup, 'plan.updateOwnMeasure', plan), { allowed: true });
    assert.deepEqual(can(bup, 'plan.write', plan), { allowed: false, reason: 'roleNotPermitted' });
    const school = staff({
      role: 'partnerProfessional',
      partnerOrganisationId: 'school',
      organisationId: 'school',
    });
    assert.deepEqual(can(school, 'plan.read', plan), { allowed: false, reason: 'notAMember' });
    assert.deepEqual(can(staff({ municipalityId: 'krokom' }), 'plan.read', plan), {
      allowed: false,
      reason: 'notTheirMunicipality',
    });
  });

  it('the coordinator reads plans, records visits and answers matters within its scope only', () => {
    assert.deepEqual(can(national, 'plan.read', plan), { allowed: true });
    assert.deepEqual(can(jamtland, 'visit.record', plan), { allowed: true });
    assert.deepEqual(can(jamtland, 'matter.answer', plan), { allowed: true });
    assert.deepEqual(can(vasterbotten, 'plan.read', plan), { allowed: false, reason: 'outsideScope' });
    assert.deepEqual(can(national, 'plan.write', plan), { allowed: false, reason: 'roleNotPermitted' });
    assert.deepEqual(can(staff(), 'visit.record', plan), { allowed: false, reason: 'roleNotPermitted' });
    assert.deepEqual(can(staff(), 'matter.answer', plan), { allowed: false, reason: 'roleNotPermitted' });
    assert.deepEqual(can(national, 'overview.read', { type: 'overview' }), { allowed: true });
    assert.deepEqual(can(staff(), 'overview.read', { type: 'overview' }), {
      allowed: false,
      reason: 'roleNotPermitted',
    });
  });

  it('examples are written, reviewed and moderated by editors; drafts stay with them', () => {
    const editor = staff({ goodPracticeEditor: true });
    assert.deepEqual(can(editor, 'example.write', draft), { allowed: true });
    assert.deepEqual(can(editor, 'example.read', draft), { allowed: true });
    assert.deepEqual(can(staff(), 'example.read', draft), { allowed: false, reason: 'notAnEditor' });
    assert.deepEqual(can(national, 'comment.moderate', { type: 'comments' }), { allowed: true });
    assert.deepEqual(can(bup, 'comment.moderate', { type: 'comments' }), {
      allowed: false,
      reason: 'notAnEditor',
    });
  });

  it('an action on the wrong kind of resource is refused', () => {
    assert.deepEqual(can(staff(), 'plan.read', forum), { allowed: false, reason: 'wrongResource' });
    assert.deepEqual(can(staff(), 'forum.read', plan), { allowed: false, reason: 'wrongResource' });
  });
});
