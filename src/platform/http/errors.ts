import type { Messages } from '../i18n/i18n.ts';

/**
 * An error the user can act on: a 4xx with a message in the user's language. Routes throw it;
 * the error handler renders it as a page or as the API's JSON error.
 */
export class UserError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly userMessage: (t: Messages) => string,
  ) {
    super(code);
  }
}

export const notFound = () => new UserError(404, 'notFound', (t) => t.errors.notFound);
export const badRequest = (message: (t: Messages) => string = (t) => t.errors.badRequest) =>
  new UserError(400, 'badRequest', message);
export const conflict = (message: (t: Messages) => string = (t) => t.errors.conflict) =>
  new UserError(409, 'conflict', message);

/** The one JSON error format of the API. */
export interface ApiError {
  error: { code: string; message: string; fields?: Record<string, string> };
}
