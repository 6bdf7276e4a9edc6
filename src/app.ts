import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { adminRoutes } from './admin/routes.tsx';
import { authRoutes } from './auth/routes.tsx';
import { caseRoutes } from './cases/routes.tsx';
import { caseSettingsRoutes } from './cases/settings-routes.tsx';
import type { Config } from './config.ts';
import { guideEditorRoutes } from './guide/editor-routes.tsx';
import { guideRoutes } from './guide/routes.tsx';
import { homeRoutes } from './home/routes.tsx';
import { intakeRoutes } from './intake/routes.tsx';
import { logReviewRoutes } from './log-review/routes.tsx';
import { partnerRoutes } from './partners/routes.tsx';
import { peopleApiRoutes } from './people/api.ts';
import { peopleRoutes } from './people/routes.tsx';
import type { Db } from './platform/db/database.ts';
import { frameworkError, registerErrorHandler } from './platform/http/error-handler.tsx';
import { loggerOptions } from './platform/http/logging.ts';
import { registerRequestContext } from './platform/http/request-context.ts';
import { looseStrings } from './platform/http/schemas.ts';
import { registerSecurityHeaders } from './platform/http/security.ts';
import type { App } from './platform/http/types.ts';
import { reportApiRoutes } from './reports/api.ts';
import { reportRoutes } from './reports/routes.tsx';
import { sipApiRoutes } from './sip/api.ts';
import { sipRoutes } from './sip/routes.tsx';
import { systemRoutes } from './system/routes.ts';
import { worklistRoutes } from './worklists/routes.tsx';
import './platform/http/types.ts';

export interface AppOptions {
  config: Config;
  /** The app only queries; opening, maintaining and closing the database is the caller's. */
  db: Pick<Db, 'db' | 'engine'> & Partial<Db>;
  logger?: boolean;
  /** Where the log goes when not to stdout (tests read it). */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp({ config, db, logger = false, logStream }: AppOptions): Promise<App> {
  const app = Fastify({
    logger: logStream ? { ...loggerOptions, stream: logStream } : logger ? loggerOptions : false,
    trustProxy: config.trustProxy,
    frameworkErrors: frameworkError,
    bodyLimit: 256 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('db', db.db);
  app.decorate('config', config);
  app.decorate('engine', db.engine);

  app.decorate('routeCatalogue', []);
  requireSchemaOnEveryRoute(app);
  await registerSecurityHeaders(app, config.secureCookies);
  await app.register(cookie);
  await app.register(formbody);
  await app.register(rateLimit, { max: config.rateLimitPerMinute, timeWindow: '1 minute' });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Samtak API', version: '1', description: 'JSON API of Samtak, under /api/v1.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'samtak_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API client token (concern reports)' },
        },
      },
      security: [{ session: [] }],
    },
  });
  registerRequestContext(app);
  registerErrorHandler(app);

  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(homeRoutes);
  await app.register(peopleRoutes);
  await app.register(peopleApiRoutes);
  await app.register(logReviewRoutes);
  await app.register(adminRoutes);
  await app.register(reportRoutes);
  await app.register(reportApiRoutes);
  await app.register(intakeRoutes);
  await app.register(caseRoutes);
  await app.register(worklistRoutes);
  await app.register(caseSettingsRoutes);
  await app.register(partnerRoutes);
  await app.register(sipRoutes);
  await app.register(sipApiRoutes);
  await app.register(guideRoutes);
  await app.register(guideEditorRoutes);
  await app.ready();
  return app;
}

/**
 * A route without a schema would take unchecked input, and one whose schema takes a string other
 * than through the platform's text and id definitions (src/platform/http/schemas.ts) would let NUL
 * bytes and malformed ids through to the database: refuse to start instead. Every route is also
 * listed in the catalogue, which the audit-coverage and fuzz tests walk.
 */
function requireSchemaOnEveryRoute(app: App): void {
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/documentation')) return;
    if (!route.schema) throw new Error(`Route ${route.method} ${route.url} has no schema`);
    const schema = route.schema as Record<string, unknown>;
    const loose = ['body', 'querystring', 'params', 'headers'].flatMap((part) =>
      looseStrings(schema[part], part),
    );
    if (loose.length)
      throw new Error(`Route ${route.method} ${route.url} takes unchecked text: ${loose.join(', ')}`);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      app.routeCatalogue.push({
        method,
        url: route.url,
        personalData: route.config?.personalData === true,
        input: { body: schema.body, querystring: schema.querystring, params: schema.params },
      });
    }
    // Only the JSON API belongs in the OpenAPI document; pages are documented by being pages.
    if (!route.url.startsWith('/api/')) route.schema = { ...route.schema, hide: true };
  });
}
