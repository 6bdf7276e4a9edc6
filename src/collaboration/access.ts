import type { Role } from '../platform/db/schema.ts';
import { type CoordinatorScope, coordinatorCovers } from './municipalities.ts';

/**
 * Who may do what in the collaboration layer, as a pure rule set for the one policy to take in
 * when feature rule sets can be registered (issue 13): deny by default, every grant listed. This
 * layer holds no personal data about children, but it is not all public: forum content is for the
 * forum's members, plans for their municipality, its partners and the coordinator, published
 * examples for everyone. docs/decisions/0100, docs/design/collaboration.md.
 */

export type CollaborationActor =
  | { kind: 'public' }
  | {
      kind: 'staff';
      userId: string;
      municipalityId: string;
      role: Role;
      /** The partner organisation a partner professional belongs to; null for social services staff. */
      partnerOrganisationId: string | null;
      /** The organisation as this layer sees it: social services itself, or the partner organisation. */
      organisationId: string;
      goodPracticeEditor: boolean;
    }
  | {
      kind: 'coordinator';
      userId: string;
      scope: CoordinatorScope;
      /** The coordinator's office as an organisation (it can sit in a county network, review examples). */
      organisationId: string;
      goodPracticeEditor: boolean;
    };

export type CollaborationResource =
  | {
      type: 'forum';
      homeMunicipalityId: string | null;
      /** The county a county network belongs to, or a municipal forum's county; null for national. */
      countyCode: string | null;
      memberOrganisationIds: readonly string[];
      /** Users named as representatives, with their role in the forum. */
      representatives: readonly { userId: string; role: string }[];
    }
  | {
      type: 'municipalityWork';
      municipalityId: string;
      municipalityCode: string;
      organisationIds: readonly string[];
    }
  | {
      type: 'example';
      state: 'draft' | 'inReview' | 'published' | 'superseded' | 'withdrawn';
      authorUserId: string;
    }
  | { type: 'comments' }
  | { type: 'overview' };

export const collaborationActions = [
  'forum.create',
  'forum.read',
  'forum.edit',
  'forum.recordMeeting',
  'forum.approveMinutes',
  'forum.reportDeviation',
  'forum.updateOwnAction',
  'plan.read',
  'plan.write',
  'plan.updateOwnMeasure',
  'matter.raise',
  'matter.answer',
  'visit.record',
  'example.read',
  'example.write',
  'example.review',
  'comment.post',
  'comment.moderate',
  'overview.read',
] as const;
export type CollaborationAction = (typeof collaborationActions)[number];

export type CollaborationDenial =
  | 'notSignedIn'
  | 'notAMember'
  | 'notTheirMunicipality'
  | 'outsideScope'
  | 'roleNotPermitted'
  | 'notAnEditor'
  | 'notPublished'
  | 'wrongResource';

export type CollaborationDecision = { allowed: true } | { allowed: false; reason: CollaborationDenial };

const allow: CollaborationDecision = { allowed: true };
const deny = (reason: CollaborationDenial): CollaborationDecision => ({ allowed: false, reason });

/** Social services staff who steer the work: managers write plans and set up forums. */
const steering: readonly Role[] = ['manager'];
/** Social services staff who may read their municipality's plans, visits and matters. */
const planReaders: readonly Role[] = ['manager', 'socialWorker', 'intakeWorker', 'statisticsReader'];

export function decideCollaboration(
  actor: CollaborationActor,
  action: CollaborationAction,
  resource: CollaborationResource,
): CollaborationDecision {
  const prefix = action.slice(0, action.indexOf('.'));
  const expected: Record<string, CollaborationResource['type'][]> = {
    forum: ['forum'],
    plan: ['municipalityWork'],
    matter: ['municipalityWork'],
    visit: ['municipalityWork'],
    example: ['example'],
    comment: ['comments', 'example'],
    overview: ['overview'],
  };
  if (!expected[prefix]?.includes(resource.type)) return deny('wrongResource');
  // The public reads published examples and comments on them; nothing else.
  if (action === 'example.read' && resource.type === 'example' && resource.state === 'published')
    return allow;
  if (action === 'comment.post')
    return resource.type === 'example' && resource.state === 'published' ? allow : deny('notPublished');
  if (actor.kind === 'public') return deny('notSignedIn');
  switch (resource.type) {
    case 'forum':
      return forumRule(actor, action, resource);
    case 'municipalityWork':
      return workRule(actor, action, resource);
    case 'example':
    case 'comments':
      return exampleRule(actor, action, resource);
    case 'overview':
      return actor.kind === 'coordinator' ? allow : deny('roleNotPermitted');
  }
}

type SignedIn = Exclude<CollaborationActor, { kind: 'public' }>;

function forumRule(
  actor: SignedIn,
  action: CollaborationAction,
  forum: Extract<CollaborationResource, { type: 'forum' }>,
): CollaborationDecision {
  if (action === 'forum.create') {
    // A municipal forum is set up by the municipality's managers, a county or national one by a coordinator.
    if (forum.homeMunicipalityId !== null)
      return actor.kind === 'staff' &&
        actor.municipalityId === forum.homeMunicipalityId &&
        steering.includes(actor.role)
        ? allow
        : deny('roleNotPermitted');
    return actor.kind === 'coordinator' &&
      (actor.scope.kind === 'national' ||
        (forum.countyCode !== null && actor.scope.countyCode === forum.countyCode))
      ? allow
      : deny('outsideScope');
  }
  const representative = forum.representatives.find((r) => r.userId === actor.userId);
  const member = representative !== undefined || forum.memberOrganisationIds.includes(actor.organisationId);
  // Not a member: the forum is not found (404), which says nothing about it.
  if (!member) return deny('notAMember');
  switch (action) {
    case 'forum.read':
    case 'forum.reportDeviation':
    case 'forum.updateOwnAction':
      return allow;
    case 'forum.edit':
    case 'forum.recordMeeting':
      return representative && ['chair', 'viceChair', 'secretary'].includes(representative.role)
        ? allow
        : deny('roleNotPermitted');
    case 'forum.approveMinutes':
      return representative && ['chair', 'viceChair'].includes(representative.role)
        ? allow
        : deny('roleNotPermitted');
    default:
      return deny('wrongResource');
  }
}

function workRule(
  actor: SignedIn,
  action: CollaborationAction,
  work: Extract<CollaborationResource, { type: 'municipalityWork' }>,
): CollaborationDecision {
  if (actor.kind === 'coordinator') {
    if (!coordinatorCovers(actor.scope, work.municipalityCode)) return deny('outsideScope');
    return ['plan.read', 'matter.answer', 'visit.record'].includes(action) ? allow : deny('roleNotPermitted');
  }
  if (actor.municipalityId !== work.municipalityId) return deny('notTheirMunicipality');
  if (actor.partnerOrganisationId !== null) {
    // A partner sees the plans its organisation takes part in, and updates the measures it owns.
    if (!work.organisationIds.includes(actor.partnerOrganisationId)) return deny('notAMember');
    return action === 'plan.read' || action === 'plan.updateOwnMeasure' ? allow : deny('roleNotPermitted');
  }
  switch (action) {
    case 'plan.read':
      return planReaders.includes(actor.role) ? allow : deny('roleNotPermitted');
    case 'plan.write':
    case 'plan.updateOwnMeasure':
    case 'matter.raise':
      return steering.includes(actor.role) ? allow : deny('roleNotPermitted');
    default:
      return deny('roleNotPermitted');
  }
}

function exampleRule(
  actor: SignedIn,
  action: CollaborationAction,
  resource: Extract<CollaborationResource, { type: 'example' | 'comments' }>,
): CollaborationDecision {
  if (!actor.goodPracticeEditor) return deny('notAnEditor');
  if (action === 'comment.moderate' || action === 'example.write' || action === 'example.review')
    return allow;
  // An unpublished example is read by editors (to review it) and its author.
  if (action === 'example.read' && resource.type === 'example') return allow;
  return deny('wrongResource');
}
