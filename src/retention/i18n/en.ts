import type { RetentionTexts } from './sv.ts';

export const retentionEn: RetentionTexts = {
  nav: 'Retention',
  title: 'Retention',
  intro:
    'The dry run shows which files are due for culling today under chapter 16 of the Social Services Act (2025:400), and why. Nothing is removed until you approve the culling, and the job assesses each file again when it culls it.',
  counts: (c) =>
    `${c.files} files assessed, ${c.due} due for culling (${c.overdue} overdue), ${c.cull} records culled, ${c.keep} kept, ${c.review} need review.`,
  more: (n) =>
    `And ${n} more files, which the approval covers too. The command npm run retention:dry-run lists them all.`,
  byRule: 'By rule',
  rule: 'Rule',
  culled: 'Culled',
  kept: 'Kept',
  files: 'Files due for culling',
  reviewFiles: 'Files that need review',
  none: 'No files are due for culling today.',
  person: 'Person',
  unlinkedReport: 'Report not linked to a child',
  dueSince: 'Due from',
  completeBy: 'Culled by',
  overdue: 'overdue',
  record: 'Record',
  verdict: 'Verdict',
  why: 'Why',
  verdictCull: 'Culled',
  keepUntil: (until) =>
    until === 'permanent'
      ? 'Kept permanently'
      : until === 'open'
        ? 'Kept until further notice'
        : `Kept until the day before ${until}`,
  review: { birthDateUnknown: 'Date of birth unknown', dateAfterToday: 'Date after today' },
  approve: 'Approve the culling',
  approveHint:
    'The approval covers the files above. The scheduled job (npm run retention:cull) then carries it out; it cannot be undone.',
  confirm: 'I have reviewed the list and approve that these files are culled',
  confirmMissing: 'Tick that you have reviewed the list.',
  nothingToApprove: 'There were no files to cull when you approved. Nothing has changed.',
  approved: (files) => `The culling of ${files} files is approved. The job will carry it out.`,
  runs: 'Approved cullings',
  run: { approved: 'Approved', running: 'In progress', done: 'Done' },
  runProgress: (p) =>
    `${p.culled + p.skipped} of ${p.total} files done: ${p.culled} culled (${p.records} records), ${p.skipped} skipped.`,
  approvedOn: 'Approved',
  state: 'State',
  progress: 'Progress',
  archivedTitle: 'Archived files',
  archivedIntro:
    'An archived file has only records left that must be kept. The person is in no search or list; find the file here by the identity number.',
  archivedNumber: 'Personal identity number',
  archivedFind: 'Find archived file',
  archivedNotFound: 'No archived file has that identity number.',
  archivedOn: 'Archived',
  archivedRecords: 'Kept records',
  archivedLink: 'Archived files',
  recordTypes: {
    case: 'Case',
    report: 'Report of concern',
    caseNote: 'Case note',
    childsVoice: "The child's account",
    deadlineExtension: 'Extended deadline',
    sip: 'Coordinated plan',
    placement: 'Placement',
    protectedDetailsAccess: 'Reason for seeing a protected address',
  },
};
