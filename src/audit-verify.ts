import { resolve } from 'node:path';
import { migrations } from './migrations.ts';
import { verifyAuditTrail } from './platform/audit/verify.ts';
import { openDatabase } from './platform/db/database.ts';

/**
 * `npm run audit:verify`: recomputes the audit trail's hash chains and reports any gap or edit.
 * Exits 1 when the trail has been tampered with, so it can run from cron or monitoring.
 */
// The chain needs no secret key, so this reads only where the database is (not loadConfig, which
// asks for SECRET_KEY with DATABASE_URL): it can run from monitoring or against a restored copy.
const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: resolve(process.env.DATA_DIR ?? './data'),
  migrations,
});
const reports = await verifyAuditTrail(db.db, (municipality, checked) => {
  process.stderr.write(`\r${municipality}: ${checked} events checked`);
});
process.stderr.write('\n');
let failed = false;
for (const report of reports) {
  if (report.problems.length === 0) {
    console.log(`OK     ${report.municipalityId}: ${report.events} events, chain intact`);
  } else {
    failed = true;
    console.log(
      `BROKEN ${report.municipalityId}: ${report.problems.length} problems in ${report.events} events`,
    );
    for (const p of report.problems.slice(0, 50)) console.log(`  seq ${p.seq}: ${p.problem}`);
  }
}
await db.close();
process.exit(failed ? 1 : 0);
