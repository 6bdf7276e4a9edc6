import { textsFor } from '../platform/i18n/i18n.ts';
import { retentionRuleIds, retentionRules } from './rules.ts';

/**
 * How the log review names the culling job's codes (decision 0081): its actions, the rule that
 * culled a record (the event's reason) and the run's record type. `retention.review` is named by
 * the installation feature, which wrote the dry run first.
 */
const ruleNames = (lang: 'sv' | 'en') =>
  Object.fromEntries(retentionRuleIds.map((id) => [id, retentionRules[id].summary[lang]])) as Record<
    string,
    string
  >;

export const retentionAuditWords = textsFor({
  sv: {
    actions: {
      'retention.approve': 'Godkände en gallring',
      'retention.cull': 'Gallrade en handling',
      'retention.archive': 'Arkiverade en akt (bara bevarade handlingar kvar)',
      'retention.readArchived': 'Läste en arkiverad akt',
    } as Record<string, string>,
    reasons: {
      ...ruleNames('sv'),
      dryRunPage: 'Gallringssidan (provgallring)',
      command: 'Kommandot för provgallring (npm run retention:dry-run)',
      archivist: 'Arkivariens genomgång',
      nothingDue: 'Inget att gallra',
      notFound: 'Ingen arkiverad akt med personnumret',
      guardianInNoOtherFile: 'Vårdnadshavare som inte finns i någon annan akt gallras med barnets akt.',
    } as Record<string, string>,
    recordTypes: { retentionRun: 'Gallring' } as Record<string, string>,
  },
  en: {
    actions: {
      'retention.approve': 'Approved a culling',
      'retention.cull': 'Culled a record',
      'retention.archive': 'Archived a file (only kept records left)',
      'retention.readArchived': 'Read an archived file',
    } as Record<string, string>,
    reasons: {
      ...ruleNames('en'),
      dryRunPage: 'The retention page (dry run)',
      command: 'The dry-run command (npm run retention:dry-run)',
      archivist: "The archivist's review",
      nothingDue: 'Nothing due for culling',
      notFound: 'No archived file with the number',
      guardianInNoOtherFile: "A guardian who is in no other file is culled with the child's file.",
    } as Record<string, string>,
    recordTypes: { retentionRun: 'Culling run' } as Record<string, string>,
  },
});
