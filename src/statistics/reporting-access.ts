import type { RuleSet } from '../platform/access/policy.ts';

/**
 * The register file to Socialstyrelsen and the Kolada comparison values in the access policy
 * (docs/decisions/0130, 0132). The register file names every placed child of the municipality with
 * an identity number, so preparing, downloading and marking it as sent is a manager's (who has
 * passed the second factor), never the statistics reader's; the reader sees the list of what was
 * sent, by whom and when, with the counts suppressed. Comparison values are public figures: the
 * statistics reader (and a manager) imports them. Registered by src/access.ts.
 */
const reportingActions = {
  'registerFile.prepare': 'statistics',
  'registerFile.submit': 'statistics',
  'registerFile.readSubmissions': 'statistics',
  'comparison.import': 'statistics',
} as const;
type ReportingActions = typeof reportingActions;

declare module '../platform/access/policy.ts' {
  interface PolicyActions extends ReportingActions {}
}

export const reportingRules: RuleSet = {
  name: 'statistics-reporting',
  actions: reportingActions,
  grants: {
    manager: [
      'registerFile.prepare',
      'registerFile.submit',
      'registerFile.readSubmissions',
      'comparison.import',
    ],
    statisticsReader: ['registerFile.readSubmissions', 'comparison.import'],
  },
};
