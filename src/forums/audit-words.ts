import { textsFor } from '../platform/i18n/i18n.ts';

/**
 * How the log review names this feature's codes in the audit trail (src/log-review/labels.ts;
 * decision 0068): the actions, refusal reasons and record types its events carry that its
 * other texts do not already name.
 */
export const forumAuditWords = textsFor({
  sv: {
    actions: {
      'forum.read': 'Läste i ett samverkansforum',
      'forum.record': 'Skrev i ett samverkansforum',
      'forum.approve': 'Justerade i ett samverkansforum',
    } as Record<string, string>,
    reasons: {
      notAForumMember: 'Inte med i forumet',
      notAForumOfficer: 'Inte ordförande eller sekreterare i forumet',
    } as Record<string, string>,
    recordTypes: {
      forum: 'Samverkansforum',
      forumMeeting: 'Forummöte',
      forumAction: 'Åtgärd i ett forum',
    } as Record<string, string>,
  },
  en: {
    actions: {
      'forum.read': 'Read in a collaboration forum',
      'forum.record': 'Wrote in a collaboration forum',
      'forum.approve': 'Approved in a collaboration forum',
    } as Record<string, string>,
    reasons: {
      notAForumMember: 'Not a member of the forum',
      notAForumOfficer: 'Not the chair or secretary of the forum',
    } as Record<string, string>,
    recordTypes: {
      forum: 'Collaboration forum',
      forumMeeting: 'Forum meeting',
      forumAction: 'Forum action',
    } as Record<string, string>,
  },
});
