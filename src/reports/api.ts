import { Type } from 'typebox';
import { todayFor } from '../platform/clock.ts';
import { accessContext } from '../platform/http/access-context.ts';
import { UserError } from '../platform/http/errors.ts';
import { pendingLoginStep } from '../platform/http/guards.ts';
import { allowTextRefusals } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/types.ts';
import { messages } from '../platform/i18n/messages.ts';
import { reportFieldErrors } from './messages.ts';
import { reportFields } from './routes.tsx';
import { type ApiClientPrincipal, apiClientByToken, submitReport } from './service.ts';

const ErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
  }),
});

/** The published JSON schema of a report sent by another system (a professional reporter). */
export const ReportRequestSchema = Type.Object(
  { ...reportFields, feedbackRequested: Type.Optional(Type.Boolean()) },
  { $id: 'ReportRequest', additionalProperties: false },
);

const unauthorized = () => new UserError(401, 'unauthorized', (lang) => messages(lang).errors.unauthorized);
const tooMany = () => new UserError(429, 'tooManyRequests', (lang) => messages(lang).errors.tooMany);

/**
 * Wrong tokens per address: a few typos are forgiven, guessing is not. The route's own limit is
 * per address too; it was per Authorization header, so every random token got a fresh allowance.
 */
export const failedTokenLimit = { max: 10, windowMs: 60_000 };

class FailedTokens {
  private readonly seen = new Map<string, number[]>();
  blocked(address: string, now = Date.now()): boolean {
    return this.recent(address, now).length >= failedTokenLimit.max;
  }
  record(address: string, now = Date.now()): void {
    const times = this.recent(address, now);
    times.push(now);
    this.seen.set(address, times);
    // Addresses that stopped trying are forgotten, so the map stays small.
    if (this.seen.size > 10_000)
      for (const [key] of this.seen) if (!this.recent(key, now).length) this.seen.delete(key);
  }
  private recent(address: string, now: number): number[] {
    return (this.seen.get(address) ?? []).filter((time) => now - time < failedTokenLimit.windowMs);
  }
}

/**
 * POST /api/v1/reports: the concern-report e-service for other systems. A machine reporter (a
 * school's or a region's system) authenticates with its organisation's API token (Bearer), which
 * an administrator issues; a signed-in user may use the session and CSRF token instead. See
 * docs/decisions/0012.
 */
export async function reportApiRoutes(app: App): Promise<void> {
  const failedTokens = new FailedTokens();
  app.post(
    '/api/v1/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'File a concern report about a child (as a professional reporter)',
        description:
          'Authenticate with `Authorization: Bearer <token>` (an API client issued by the municipality) or a signed-in session with `x-csrf-token`. Answers with the reference number only.',
        security: [{ bearer: [] }, { session: [] }],
        body: ReportRequestSchema,
        response: {
          201: Type.Object({ reference: Type.String(), receivedOn: Type.String({ format: 'date' }) }),
          400: ErrorSchema,
          401: ErrorSchema,
          429: ErrorSchema,
        },
      },
      config: {
        publicApi: true,
        personalData: true,
        rateLimit: { max: 120, timeWindow: '1 minute' },
      },
      // The answer names each field's problem, control characters included (validateReport).
      attachValidation: true,
    },
    async (request, reply) => {
      allowTextRefusals(request.validationError);
      let apiClient: ApiClientPrincipal | undefined;
      let municipalityId: string;
      const authorization = request.headers.authorization;
      if (authorization !== undefined) {
        if (failedTokens.blocked(request.ip)) throw tooMany();
        const token = /^Bearer (.+)$/.exec(authorization)?.[1];
        const client = token ? await apiClientByToken(app.db, token) : null;
        if (!client) {
          failedTokens.record(request.ip);
          throw unauthorized();
        }
        apiClient = client;
        municipalityId = client.municipalityId;
      } else {
        if (!request.session || pendingLoginStep(request.session)) throw unauthorized();
        municipalityId = request.session.actor.municipalityId;
      }
      const actor = request.actor;
      // A signed-in partner's own organisation stands unless the body says otherwise.
      const input = {
        ...request.body,
        reporterOrganisation: request.body.reporterOrganisation ?? actor?.organisation ?? undefined,
        reporterOrganisationKind: request.body.reporterOrganisationKind ?? actor?.partnerKind ?? undefined,
      };
      const outcome = await submitReport(app.db, accessContext(request), {
        municipalityId,
        input,
        form: 'professional',
        channel: 'api',
        today: todayFor(app.config),
        ...(apiClient ? { apiClient } : {}),
      });
      if (outcome.ok)
        return reply.code(201).send({ reference: outcome.reference, receivedOn: outcome.receivedOn });
      return reply.code(400).send({
        error: {
          code: 'invalid',
          message: request.t.errorSummaryTitle,
          fields: reportFieldErrors(outcome.errors, request.t, request.lang),
        },
      });
    },
  );

  app.get(
    '/api/v1/reports/schema.json',
    {
      schema: {
        tags: ['reports'],
        summary: 'The JSON schema of a report request',
        security: [],
        response: { 200: Type.Object({}, { additionalProperties: true }) },
      },
      config: { publicApi: true },
    },
    async () => ReportRequestSchema,
  );
}
