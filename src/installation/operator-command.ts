import { checkPlainText, createOperatorAccount, readFlags, readUsername } from './operator-account.ts';

/**
 * `npm run operator:create -- --username <u> [--name "<name>"]`: an installation operator
 * (decision 0086), who logs in at /operator/login with the printed one-time password, chooses
 * a new one and enrols a second factor. Exit codes as `npm run setup`: 1 bad arguments,
 * 2 the username exists, 3 the database cannot be opened.
 */
const usage = 'Usage: npm run operator:create -- --username <username> [--name "<display name>"]';
const values = readFlags(['username', 'name'], usage);
const username = readUsername(values.username, usage);
const displayName = values.name?.trim() || 'Driftansvarig';
checkPlainText('--name', displayName, usage);

await createOperatorAccount({
  username,
  displayName,
  existsLine: `Operator ${username} already exists: nothing was changed`,
  describe: (publicUrl) => ({
    first: `Installation operator: ${username}`,
    last: `Log in at ${publicUrl}/operator/login: choose a new password, then enrol the second factor`,
  }),
});
