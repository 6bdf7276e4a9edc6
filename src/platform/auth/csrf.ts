import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Synchroniser tokens: the token is an HMAC of what identifies the browser's state — the session
 * when signed in, otherwise a random pre-session cookie — so a token from one session is worthless
 * in another, and nothing needs storing.
 */
export function csrfToken(key: Buffer, binding: string): string {
  return createHmac('sha256', key).update(`csrf:${binding}`).digest('base64url');
}

export function csrfTokenMatches(key: Buffer, binding: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length === 0) return false;
  const expected = Buffer.from(csrfToken(key, binding));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function newPreSessionId(): string {
  return randomBytes(24).toString('base64url');
}
