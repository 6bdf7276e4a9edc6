import { isCountyCode } from '../collaboration/municipalities.ts';
import {
  checkPlainText,
  createOperatorAccount,
  fail,
  readFlags,
  readUsername,
} from '../installation/operator-account.ts';

/**
 * `npm run coordinator:create -- --username <u> --scope national|<county code> [--name "<name>"]
 * [--office "<office>"]`: a national or county coordinator (docs/decisions/0108), an
 * installation-level account like the operator's, made on the server by whoever runs the
 * installation. The coordinator logs in at /operator/login with the printed one-time password,
 * chooses a new one and enrols a second factor, and lands on /coordinator. Exit codes as
 * `npm run operator:create`: 1 bad arguments, 2 the username exists, 3 no database.
 */
const usage =
  'Usage: npm run coordinator:create -- --username <username> --scope national|<county code> [--name "<display name>"] [--office "<office>"]';
const values = readFlags(['username', 'name', 'scope', 'office'], usage);
const username = readUsername(values.username, usage);
const scope = values.scope?.trim() ?? '';
if (scope !== 'national' && !isCountyCode(scope))
  fail(1, `--scope must be national or a county's two-digit code (23 for Jämtland). ${usage}`);
const displayName = values.name?.trim() || 'Samordnare';
const office = values.office?.trim() ?? '';
checkPlainText('--name', displayName, usage);
checkPlainText('--office', office, usage);

await createOperatorAccount({
  username,
  displayName,
  extra: { coordinator_scope: scope, coordinator_office: office },
  existsLine: `The account ${username} already exists: nothing was changed`,
  describe: (publicUrl) => ({
    first: `Coordinator (${scope === 'national' ? 'national' : `county ${scope}`}): ${username}`,
    last: `Log in at ${publicUrl}/operator/login: choose a new password, enrol the second factor, then /coordinator`,
  }),
});
