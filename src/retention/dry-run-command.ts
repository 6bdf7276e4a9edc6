import { startRetentionCommand } from './command.ts';
import { retentionDryRun } from './dry-run.ts';

/**
 * `npm run retention:dry-run -- --municipality <code> [--today YYYY-MM-DD]`: what culling would
 * remove and keep today, file by file, with the rules and their references. Removes nothing.
 * Files are named by the person's id, not their name or number: the output may end up in a log.
 */
const usage = 'Usage: npm run retention:dry-run -- --municipality <code> [--today YYYY-MM-DD]';
const { db, municipality, today } = await startRetentionCommand(usage);
const code = municipality.code;
try {
  const run = await retentionDryRun(db.db, municipality, today, { reason: 'command' });
  const lines = [`Dry run for ${municipality.name} (${code}) on ${today}: nothing was removed.`];
  for (const { personId, assessment, unlinkedReport } of run.files) {
    const cull = assessment.records.filter((r) => r.verdict === 'cull');
    if (!cull.length && !assessment.review.length) continue;
    const due =
      assessment.file.state === 'due'
        ? `due since ${assessment.file.dueOn}${assessment.file.overdue ? ', overdue' : ''}`
        : 'active';
    lines.push(
      `${unlinkedReport ? 'unlinked report' : 'person'} ${personId}: ${due}${assessment.review.length ? `; review: ${assessment.review.join(', ')}` : ''}`,
    );
    for (const r of assessment.records) {
      const why = r.rules.map((a) => `${a.ruleId} (${a.references.join('; ')})`).join(', ');
      const what = r.verdict === 'cull' ? `cull by ${r.completeBy}` : `keep until ${r.until}`;
      lines.push(`  ${r.recordType} ${r.recordId}: ${what}: ${why}`);
    }
  }
  const c = run.counts;
  lines.push(
    `Files: ${c.files}, due: ${c.due} (overdue ${c.overdue}), records to cull: ${c.cull}, to keep: ${c.keep}, files to review: ${c.review}`,
  );
  for (const [rule, n] of Object.entries(run.byRule).sort())
    lines.push(`  ${rule}: cull ${n.cull}, keep ${n.keep}`);
  for (const s of run.submissions)
    lines.push(`submission ${s.table} ${s.id} (${s.kind} ${s.period}, ${s.submittedOn}): keep: ${s.ruleId}`);
  console.log(lines.join('\n'));
} finally {
  await db.close();
}
