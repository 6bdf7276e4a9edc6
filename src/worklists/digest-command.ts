import { loadConfig } from '../config.ts';
import { migrations } from '../migrations.ts';
import { todayFor } from '../platform/clock.ts';
import { openDatabase } from '../platform/db/database.ts';
import { sendReminderDigests } from './digest.ts';

/** `npm run reminders:send`: run once a day (cron, systemd timer) when SMTP_URL is set. */
const config = loadConfig();
if (!config.smtp) {
  console.error('SMTP_URL is not set: no reminder digests to send.');
  process.exit(0);
}
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrations });
try {
  const { sent } = await sendReminderDigests(db.db, config, todayFor(config));
  console.log(`Reminder digests sent: ${sent}`);
} finally {
  await db.close();
}
