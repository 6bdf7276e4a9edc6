import type { Lang } from '../i18n/i18n.ts';
import { messages } from '../i18n/messages.ts';

/** A text in the user's language; a feature passes its own, e.g. `(lang) => sipTexts(lang).notReady`. */
export type UserText = (lang: Lang) => string;

/**
 * An error the user can act on: a 4xx with a message in the user's language. Routes throw it;
 * the error handler renders it as a page or as the API's JSON error.
 */
export class UserError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly userMessage: UserText,
  ) {
    super(code);
  }
}

export const notFound = () => new UserError(404, 'notFound', (lang) => messages(lang).errors.notFound);
export const badRequest = (message: UserText = (lang) => messages(lang).errors.badRequest) =>
  new UserError(400, 'badRequest', message);
export const conflict = (message: UserText = (lang) => messages(lang).errors.conflict) =>
  new UserError(409, 'conflict', message);

/** The one JSON error format of the API. */
export interface ApiError {
  error: { code: string; message: string; fields?: Record<string, string> };
}
