import { type UnitKind, unitKinds } from '../platform/db/schema.ts';

/**
 * What `npm run setup` takes (docs/decisions/0083, 0085): checked before the database is opened,
 * so a typo costs nothing. Usernames follow the `user_account` check; the municipality code is
 * SCB's four-digit kommunkod.
 */
export interface SetupInput {
  municipality: string;
  code: string;
  admin: string;
  adminName: string;
  adminEmail: string | null;
  adminOidcSubject: string | null;
  units: { name: string; kind: UnitKind }[];
}

export type SetupArgs = {
  municipality?: string | undefined;
  code?: string | undefined;
  admin?: string | undefined;
  'admin-name'?: string | undefined;
  'admin-email'?: string | undefined;
  'admin-oidc-subject'?: string | undefined;
  unit?: string[] | undefined;
};

export const usage =
  'Usage: npm run setup -- --municipality "<name>" --code <four digits> --admin <username> ' +
  '[--admin-name "<name>"] [--admin-email <address>] [--admin-oidc-subject <subject>] [--unit "<name>:<kind>" …]';

/** The units a new municipality starts with when none are named: one to log in to, and the two first steps. */
export const defaultUnits: SetupInput['units'] = [
  { name: 'Administration', kind: 'administration' },
  { name: 'Mottagningen', kind: 'intake' },
  { name: 'Barn och unga', kind: 'investigation' },
];

const usernamePattern = /^[a-z0-9._-]{3,64}$/;
const codePattern = /^[0-9]{4}$/;
const emailPattern = /^[^\s@]{1,64}@[^\s@]{1,190}$/;
// Printable text without control characters or angle brackets, as names are everywhere else.
const plainText = /^[^\p{Cc}<>]+$/u;

export type SetupCheck = { ok: true; input: SetupInput } | { ok: false; problem: string };

export function checkSetupArgs(args: SetupArgs): SetupCheck {
  const refuse = (problem: string): SetupCheck => ({ ok: false, problem });
  const municipality = args.municipality?.trim() ?? '';
  if (!municipality) return refuse('--municipality is required');
  if (municipality.length > 200 || !plainText.test(municipality))
    return refuse('--municipality must be 1–200 characters of plain text');
  const code = args.code?.trim() ?? '';
  if (!codePattern.test(code)) return refuse('--code must be the four-digit municipality code, e.g. 0180');
  const admin = args.admin?.trim().toLowerCase() ?? '';
  if (!usernamePattern.test(admin))
    return refuse('--admin must be 3–64 characters: lower-case letters a–z, digits, dot, dash or underscore');
  const adminName = args['admin-name']?.trim() || 'Administratör';
  if (adminName.length > 200 || !plainText.test(adminName))
    return refuse('--admin-name must be 1–200 characters of plain text');
  const adminEmail = args['admin-email']?.trim() || null;
  if (adminEmail !== null && !emailPattern.test(adminEmail))
    return refuse('--admin-email must be an e-mail address');
  const adminOidcSubject = args['admin-oidc-subject']?.trim() || null;
  if (adminOidcSubject !== null && (adminOidcSubject.length > 255 || !plainText.test(adminOidcSubject)))
    return refuse('--admin-oidc-subject must be 1–255 characters of plain text');
  const units: SetupInput['units'] = [];
  for (const spec of args.unit ?? []) {
    const at = spec.lastIndexOf(':');
    const name = (at < 0 ? spec : spec.slice(0, at)).trim();
    const kind = at < 0 ? '' : spec.slice(at + 1).trim();
    if (!name || name.length > 200 || !plainText.test(name))
      return refuse(`--unit "${spec}": the name must be 1–200 characters of plain text`);
    if (!isUnitKind(kind)) return refuse(`--unit "${spec}": the kind must be one of ${unitKinds.join(', ')}`);
    if (units.some((u) => u.name === name)) return refuse(`--unit "${name}" is named twice`);
    units.push({ name, kind });
  }
  if (units.length && !units.some((u) => u.kind === 'administration'))
    return refuse('--unit: one unit must be of kind administration (the administrator belongs to it)');
  return {
    ok: true,
    input: {
      municipality,
      code,
      admin,
      adminName,
      adminEmail,
      adminOidcSubject,
      units: units.length ? units : defaultUnits,
    },
  };
}

function isUnitKind(kind: string): kind is UnitKind {
  return (unitKinds as readonly string[]).includes(kind);
}

/** A one-time password is valid this long: long enough to reach the person, short enough to matter. */
export const oneTimePasswordHours = 72;
