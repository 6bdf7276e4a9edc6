import { textsFor } from '../platform/i18n/i18n.ts';

/**
 * How the log review names this feature's codes in the audit trail (src/log-review/labels.ts;
 * decision 0068): the actions, refusal reasons and record types its events carry that its
 * other texts do not already name.
 */
export const goodPracticeAuditWords = textsFor({
  sv: {
    actions: {
      'example.write': 'Skrev ett gott exempel',
      'example.readUnpublished': 'Läste ett opublicerat exempel',
      'example.review': 'Granskade ett gott exempel',
      'example.withdraw': 'Drog tillbaka ett gott exempel',
    } as Record<string, string>,
    reasons: {
      notAnEditor: 'Inte redaktör',
      ownExample: 'Eget exempel',
      sameOrganisation: 'Samma organisation som exemplet',
      notTheAuthor: 'Inte den som skrev exemplet',
      fromVisit: 'Utifrån ett uppföljningsbesöks rapport',
    } as Record<string, string>,
    recordTypes: {
      comment: 'Kommentar',
      goodPractice: 'Gott exempel',
    } as Record<string, string>,
  },
  en: {
    actions: {
      'example.write': 'Wrote a good example',
      'example.readUnpublished': 'Read an unpublished example',
      'example.review': 'Reviewed a good example',
      'example.withdraw': 'Withdrew a good example',
    } as Record<string, string>,
    reasons: {
      notAnEditor: 'Not an editor',
      ownExample: 'Own example',
      sameOrganisation: 'The same organisation as the example',
      notTheAuthor: 'Not the author of the example',
      fromVisit: "From a follow-up visit's report",
    } as Record<string, string>,
    recordTypes: {
      comment: 'Comment',
      goodPractice: 'Good example',
    } as Record<string, string>,
  },
});
