import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import './access.ts';
import type { Config } from './config.ts';
import { features } from './features.ts';
import type { Db } from './platform/db/database.ts';
import { frameworkError, registerErrorHandler } from './platform/http/error-handler.tsx';
import { loggerOptions } from './platform/http/logging.ts';
import { registerRequestContext } from './platform/http/request-context.ts';
import { looseStrings } from './platform/http/schemas.ts';
import { registerSecurityHeaders } from './platform/http/security.ts';
import type { App } from './platform/http/types.ts';
import './platform/http/types.ts';
import { postgresRateLimitStore } from './installation/rate-limit-store.ts';
import { registerMetrics } from './system/metrics.ts';

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
  app.decorate('features', features);

  app.decorate('routeCatalogue', []);
  requireSchemaOnEveryRoute(app);
  await registerSecurityHeaders(app, config.secureCookies);
  await app.register(cookie);
  await app.register(formbody);
  registerMetrics(app, db);
  // Several processes on one PostgreSQL count together (decision 0087); PGlite has one process.
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    ...(db.engine === 'postgresql' ? { store: postgresRateLimitStore(db.db) } : {}),
  });
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

  for (const routes of features.routes) await app.register(routes);
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
