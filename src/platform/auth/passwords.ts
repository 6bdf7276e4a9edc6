import { hash, verify } from '@node-rs/argon2';

// Argon2id (the library's default algorithm, 2 in its const enum) with OWASP's recommended
// parameters: 19 MiB, 2 iterations, 1 lane.
const argon2id = 2;
const options = { algorithm: argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Hash anyway when the account has no password, so timing does not reveal which accounts exist.
  if (!passwordHash) {
    await hash(password, options);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export const passwordRules = { minLength: 12, maxLength: 200 };

export type PasswordProblem = 'tooShort' | 'tooLong';

export function checkNewPassword(password: string): PasswordProblem | null {
  if (password.length < passwordRules.minLength) return 'tooShort';
  if (password.length > passwordRules.maxLength) return 'tooLong';
  return null;
}
