import type { RuleSet } from '../platform/access/policy.ts';
import { forumTexts } from './i18n/index.ts';

/**
 * Forums in the access policy (docs/decisions/0107). A forum's content is for its members: the
 * representatives named in it and the staff of its member organisations, who take part with the
 * accounts they already have. Anyone else is told the forum does not exist. The chair, vice chair
 * and secretary plan meetings and write minutes; the chair or vice chair approves them (not the
 * one who wrote them). A municipality's managers set up its forums.
 */

const forumActions = {
  'forum.create': 'forum',
  'forum.read': 'forum',
  'forum.record': 'forum',
  'forum.approve': 'forum',
  'forum.updateAction': 'forum',
} as const;
type ForumActions = typeof forumActions;

declare module '../platform/access/policy.ts' {
  interface PolicyActions extends ForumActions {}
  interface PolicyResources {
    /**
     * A forum (for forum.create: the municipality's forums as a whole, with no members). The
     * asking user's organisation (their partner organisation, or the municipality's social
     * services) is looked up by the service.
     */
    forum: {
      memberOrganisationIds: readonly string[];
      representatives: readonly { userId: string | null; role: string }[];
      actorOrganisationId: string | null;
    };
  }
  interface PolicyDenyReasons {
    notAForumMember: true;
    notAForumOfficer: true;
  }
}

const members = ['forum.read', 'forum.record', 'forum.approve', 'forum.updateAction'] as const;

export const forumRules: RuleSet = {
  name: 'forums',
  actions: forumActions,
  grants: {
    manager: ['forum.create', ...members],
    socialWorker: members,
    intakeWorker: members,
    partnerProfessional: members,
  },
  refusal(actor, action, resource) {
    if (resource.type !== 'forum' || action === 'forum.create') return null;
    // A partner sits in a forum for its organisation; without one it sits nowhere.
    if (actor.role === 'partnerProfessional' && !actor.partnerOrganisationId) return 'roleNotPermitted';
    const representative = resource.representatives.find((r) => r.userId === actor.userId);
    const member =
      representative !== undefined ||
      (resource.actorOrganisationId !== null &&
        resource.memberOrganisationIds.includes(resource.actorOrganisationId));
    if (!member) return 'notAForumMember';
    if (action === 'forum.record')
      return representative && ['chair', 'viceChair', 'secretary'].includes(representative.role)
        ? null
        : 'notAForumOfficer';
    if (action === 'forum.approve')
      return representative && ['chair', 'viceChair'].includes(representative.role)
        ? null
        : 'notAForumOfficer';
    return null;
  },
  concealedReasons: ['notAForumMember'],
  reasonTexts: (lang) => forumTexts(lang).denyReasons,
};
