import type { Kysely } from 'kysely';
import type { IsoDate } from '../deadlines/calendar.ts';
import { type AuditEntry, writeAuditEvents } from '../platform/audit/audit.ts';
import type { Database } from '../platform/db/schema.ts';
import { assessRetention } from './assess.ts';
import { retentionInputs } from './inputs.ts';
import type { RetentionAssessment } from './model.ts';
import { type KeptSubmission, stateSubmissions } from './submissions.ts';

/** One file as the dry run lists it: what would be culled and kept, and under which rules. */
export interface DryRunFile {
  /** The person's id; for a report linked to no child, the report's id (decision 0127). */
  personId: string;
  assessment: RetentionAssessment;
  unlinkedReport?: true;
  archived?: true;
}

export interface DryRun {
  today: IsoDate;
  files: DryRunFile[];
  counts: { files: number; due: number; overdue: number; cull: number; keep: number; review: number };
  /** Kept records by the rule that keeps them, culled ones by the rule that culls them. */
  byRule: Record<string, { cull: number; keep: number }>;
  /** What was submitted to the state: kept, outside every file (decision 0126). */
  submissions: KeptSubmission[];
}

/**
 * What culling would do today in one municipality, and why (issue 16; decisions 0080–0082):
 * nothing is removed. The people whose files have something to cull or to review are read, so
 * each is audited (`retention.review`), in the municipality's chain, in one transaction with
 * the reading; `reason` says who ran it ('command' from the server, or the page's role).
 */
export async function retentionDryRun(
  db: Kysely<Database>,
  municipality: { id: string; code: string },
  today: IsoDate,
  audit: { reason: string; actor?: Parameters<typeof writeAuditEvents>[1]['actor'] },
): Promise<DryRun> {
  return db.transaction().execute(async (trx) => {
    const { run, reviewed } = await assessMunicipality(trx, municipality, today, audit.reason);
    await writeAuditEvents(
      trx,
      { municipalityId: municipality.id, actor: audit.actor ?? null, clientAddress: null },
      reviewed,
    );
    return run;
  });
}

/**
 * The dry run's reading and counting, in the caller's transaction; `reviewed` are the audit
 * entries (`retention.review`) for the people listed, for the caller to write in it.
 */
export async function assessMunicipality(
  trx: Kysely<Database>,
  municipality: { id: string; code: string },
  today: IsoDate,
  reason: string,
): Promise<{ run: DryRun; reviewed: AuditEntry[] }> {
  const inputs = await retentionInputs(trx, municipality.id, municipality.code, today);
  const files: DryRunFile[] = inputs.map(({ personId, input, unlinkedReport, archived }) => ({
    personId,
    assessment: assessRetention(input),
    ...(unlinkedReport ? { unlinkedReport } : {}),
    ...(archived ? { archived } : {}),
  }));
  const counts = { files: files.length, due: 0, overdue: 0, cull: 0, keep: 0, review: 0 };
  const byRule: DryRun['byRule'] = {};
  for (const { assessment } of files) {
    if (assessment.file.state === 'due') {
      counts.due++;
      if (assessment.file.overdue) counts.overdue++;
    }
    if (assessment.review.length) counts.review++;
    for (const record of assessment.records) {
      counts[record.verdict]++;
      for (const rule of record.rules) {
        const entry = byRule[rule.ruleId] ?? { cull: 0, keep: 0 };
        entry[record.verdict]++;
        byRule[rule.ruleId] = entry;
      }
    }
  }
  const submissions = await stateSubmissions(trx, municipality.id);
  if (submissions.length) byRule.stateSubmission = { cull: 0, keep: submissions.length };
  const reviewed = files.filter(listed).map((f) => ({
    action: 'retention.review',
    subjectPersonId: f.unlinkedReport ? null : f.personId,
    recordType: f.unlinkedReport ? 'report' : 'person',
    recordId: f.personId,
    reason,
  }));
  return { run: { today, files, counts, byRule, submissions }, reviewed };
}

/** The files a dry run lists (and so reads out): something to cull, or something to review. */
export const listed = (f: DryRunFile): boolean =>
  f.assessment.records.some((r) => r.verdict === 'cull') || f.assessment.review.length > 0 || toArchive(f);

/**
 * A due file whose register entry must stay for its kept records, not yet archived (decisions
 * 0082, 0117): the job archives the person even when nothing else is left to cull.
 */
export const toArchive = (f: Pick<DryRunFile, 'assessment' | 'unlinkedReport' | 'archived'>): boolean =>
  !f.unlinkedReport &&
  !f.archived &&
  f.assessment.file.state === 'due' &&
  f.assessment.review.length === 0 &&
  f.assessment.person.verdict === 'archive';
