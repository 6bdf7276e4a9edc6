import type { Actor, RuleSet } from '../platform/access/policy.ts';
import type { ExampleState } from './examples.ts';
import { goodPracticeTexts } from './i18n/index.ts';

/**
 * Good examples in the access policy (docs/decisions/0105). Published examples are public and read
 * without the policy (they are no one's personal data); the policy decides who writes, who reviews
 * (a good-practice editor of another organisation than the author's, never the author) and who
 * moderates the public's comments. Examples are shared between municipalities: each act is
 * authorised against, and audited in, the acting user's own municipality; a comment from the
 * public goes into the chain of the municipality whose example it is about. Registered by
 * src/access.ts.
 */

const goodPracticeActions = {
  'example.write': 'goodPractice',
  'example.readUnpublished': 'goodPractice',
  'example.review': 'goodPractice',
  'example.withdraw': 'goodPractice',
  'comment.moderate': 'goodPractice',
  'comment.post': 'exampleComments',
} as const;
type GoodPracticeActions = typeof goodPracticeActions;

declare module '../platform/access/policy.ts' {
  interface PolicyActions extends GoodPracticeActions {}
  interface PolicyResources {
    /**
     * One example (or, with state null, examples as a whole: a new one, the editors' lists). The
     * asking user's editor flag is looked up by the service (user_account.good_practice_editor).
     */
    goodPractice: {
      state: ExampleState | null;
      authorUserId: string | null;
      authorOrganisationKey: string | null;
      actorIsEditor: boolean;
    };
    /** The comments of one published example: anyone may post one (held for moderation). */
    exampleComments: Record<never, never>;
  }
  interface PolicyDenyReasons {
    notAnEditor: true;
    ownExample: true;
    sameOrganisation: true;
    notTheAuthor: true;
  }
}

/** The organisation a user writes for: their partner organisation, or their municipality's social services. */
export function organisationKeyOf(actor: Pick<Actor, 'municipalityId' | 'partnerOrganisationId'>): string {
  return actor.partnerOrganisationId ? `o:${actor.partnerOrganisationId}` : `m:${actor.municipalityId}`;
}

// Everyone who works with children's matters may share what worked; administrators and statistics
// readers handle accounts and figures, not practice.
const writers = [
  'example.write',
  'example.readUnpublished',
  'example.review',
  'example.withdraw',
  'comment.moderate',
] as const;

export const goodPracticeRules: RuleSet = {
  name: 'good-practice',
  actions: goodPracticeActions,
  grants: {
    manager: writers,
    socialWorker: writers,
    intakeWorker: writers,
    partnerProfessional: writers,
    guideEditor: writers,
  },
  publicActions: ['comment.post'],
  refusal(actor, action, resource) {
    if (resource.type !== 'goodPractice') return null;
    // A partner writes for its organisation; without one there is no organisation to review from.
    if (actor.role === 'partnerProfessional' && !actor.partnerOrganisationId) return 'roleNotPermitted';
    const isAuthor = resource.authorUserId !== null && resource.authorUserId === actor.userId;
    switch (action) {
      case 'example.write':
        // A new example is anyone's; an existing one is changed by its author.
        return resource.state === null || isAuthor ? null : 'notTheAuthor';
      case 'example.readUnpublished':
      case 'example.withdraw':
        return isAuthor || resource.actorIsEditor ? null : 'notAnEditor';
      case 'example.review':
        if (!resource.actorIsEditor) return 'notAnEditor';
        if (isAuthor) return 'ownExample';
        // Four eyes from another roof: never the author's own organisation.
        if (resource.authorOrganisationKey === organisationKeyOf(actor)) return 'sameOrganisation';
        return null;
      case 'comment.moderate':
        return resource.actorIsEditor ? null : 'notAnEditor';
      default:
        return 'wrongResource';
    }
  },
  reasonTexts: (lang) => goodPracticeTexts(lang).denyReasons,
};
