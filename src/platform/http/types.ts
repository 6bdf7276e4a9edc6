import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Actor } from '../access/policy.ts';
import type { LoadedSession } from '../auth/sessions.ts';
import type { Engine } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { Messages } from '../i18n/messages.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user; null when anonymous. May still lack the second factor: the policy checks. */
    actor: Actor | null;
    session: LoadedSession | null;
    lang: Lang;
    t: Messages;
    /** CSRF token for forms rendered in this response. */
    csrf: string;
  }
  interface FastifyInstance {
    db: Kysely<Database>;
    config: Config;
    engine: Engine;
    /** Every route of the app, as registered: what the audit-coverage and fuzz tests walk. */
    routeCatalogue: {
      method: string;
      url: string;
      personalData: boolean;
      /** The route's input schemas, from which the fuzz test makes its malformed requests. */
      input: { body?: unknown; querystring?: unknown; params?: unknown };
    }[];
  }
  interface FastifyContextConfig {
    /** Marks routes that return personal data; tests check each writes an audit event. */
    personalData?: boolean;
    /** An /api/v1 route open to anonymous callers (the concern-report intake). */
    publicApi?: boolean;
  }
}

/** The Fastify instance as features see it: route schemas typed through TypeBox. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
