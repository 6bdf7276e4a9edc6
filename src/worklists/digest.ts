import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Actor } from '../platform/access/policy.ts';
import type { Database } from '../platform/db/schema.ts';
import { worklistsTexts } from './i18n/index.ts';
import { dueDeadlinesFor } from './queries.ts';
import { ownScope } from './service.ts';

/**
 * The optional e-mail digest: to each user with an e-mail address and something due, how many
 * deadlines have passed and how many run out within three days, and a link. Nothing else: no
 * names, no case details, so the message can travel by ordinary e-mail (OSL 26:1).
 */
export async function sendReminderDigests(
  db: Kysely<Database>,
  config: Pick<Config, 'smtp' | 'publicUrl'>,
  today: string,
): Promise<{ sent: number }> {
  if (!config.smtp) return { sent: 0 };
  const transport = nodemailer.createTransport(config.smtp.url);
  // A deactivated municipality's users get no digest: they cannot log in to follow the link
  // (docs/decisions/0083), and its deadlines are no longer being worked.
  const users = await db
    .selectFrom('user_account as u')
    .innerJoin('municipality as mu', 'mu.id', 'u.municipality_id')
    .select([
      'u.id',
      'u.municipality_id',
      'u.role',
      'u.unit_id',
      'u.display_name',
      'u.email',
      'u.organisation_name',
      'u.partner_kind',
    ])
    .where('u.active', '=', true)
    .where('mu.active', '=', true)
    .where('u.email', 'is not', null)
    .where('u.role', 'in', ['intakeWorker', 'socialWorker', 'manager'])
    .execute();
  let sent = 0;
  try {
    for (const user of users) {
      const actor: Actor = {
        userId: user.id,
        municipalityId: user.municipality_id,
        role: user.role,
        unitId: user.unit_id,
        displayName: user.display_name,
        organisation: user.organisation_name,
        partnerKind: user.partner_kind,
        secondFactorDone: false,
      };
      const scope = ownScope(actor);
      if (!scope || !user.email) continue;
      // Counting is not showing: the digest reads deadlines, never names, so it writes no audit
      // events; the user's own view of the list (after login) is audited as usual.
      const { items } = await dueDeadlinesFor(db, user.municipality_id, scope, today);
      const overdue = items.filter((i) => i.urgency === 'overdue').length;
      const soon = items.filter((i) => i.urgency === 'dueToday' || i.urgency === 'dueSoon').length;
      if (overdue + soon === 0) continue;
      const url = `${config.publicUrl}/worklist`;
      await transport.sendMail({
        from: config.smtp.from,
        to: user.email,
        subject: worklistsTexts('sv').digestSubject,
        text: `${worklistsTexts('sv').digestBody(overdue, soon, url)}\n\n---\n\n${worklistsTexts('en').digestBody(overdue, soon, url)}`,
      });
      sent++;
    }
  } finally {
    transport.close();
  }
  return { sent };
}
