import type { RuleSet } from '../platform/access/policy.ts';
import { guideEditorTexts } from './i18n/editor/index.ts';

/**
 * The public support guide in the access policy (issue 4): editors write, a second editor
 * reviews, then it is published. Guide editors handle public texts only: no personal data, no
 * cases. Registered by src/access.ts.
 */

const guideActions = {
  'guide.edit': 'guide',
  'guide.review': 'guide',
  'guide.publish': 'guide',
} as const;
type GuideActions = typeof guideActions;

declare module '../platform/access/policy.ts' {
  interface PolicyActions extends GuideActions {}
  interface PolicyResources {
    /** The municipality's guide; lastEditedBy is who last changed the revision under review. */
    guide: { lastEditedBy?: string | null };
  }
  interface PolicyDenyReasons {
    ownChange: true;
  }
}

export const guideRules: RuleSet = {
  name: 'guide',
  actions: guideActions,
  grants: { guideEditor: ['guide.edit', 'guide.review', 'guide.publish'] },
  refusal(actor, action, resource) {
    // Four eyes: a change to the public guide is reviewed by someone other than its last editor.
    if (action === 'guide.review' && resource.type === 'guide' && resource.lastEditedBy === actor.userId)
      return 'ownChange';
    return null;
  },
  reasonTexts: (lang) => guideEditorTexts(lang).denyReasons,
};
