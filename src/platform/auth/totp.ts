import { Secret, TOTP } from 'otpauth';

const period = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = 'Samtak'): TOTP {
  return new TOTP({ issuer: 'Samtak', label, secret: Secret.fromBase32(secretBase32), period, digits: 6 });
}

export function totpUri(secretBase32: string, username: string): string {
  return totp(secretBase32, username).toString();
}

export function totpCode(secretBase32: string, at = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: at });
}

/**
 * Returns the time step the code belongs to, or null. One step of clock drift either way is
 * accepted; the caller refuses a step at or before the last one used, so a code works only once.
 */
export function matchTotp(secretBase32: string, code: string, at = Date.now()): number | null {
  if (!/^[0-9]{6}$/.test(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: at, window: 1 });
  if (delta === null) return null;
  return Math.floor(at / 1000 / period) + delta;
}
