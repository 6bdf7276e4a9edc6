import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { App } from '../platform/http/types.ts';
import { faviconIco, faviconSvg } from './favicon.ts';
import { tokenMatches } from './metrics.ts';

const engine = Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]);

/** A `select 1` that gives up after two seconds, so a hung database fails the check instead of hanging it. */
async function databaseAnswers(app: App): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), 2000);
  });
  try {
    return await Promise.race([sql`select 1`.execute(app.db).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

const css = readFileSync(new URL('../platform/assets/app.css', import.meta.url));
const ico = faviconIco();
const formsScript = readFileSync(new URL('../platform/assets/forms.js', import.meta.url));

export async function systemRoutes(app: App): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: engine }),
          503: Type.Object({ status: Type.Literal('unavailable'), reason: Type.Literal('database') }),
        },
      },
      config: { rateLimit: false },
    },
    async (_request, reply) => {
      if (!(await databaseAnswers(app)))
        return reply.code(503).send({ status: 'unavailable', reason: 'database' });
      return { status: 'ok' as const, database: app.engine };
    },
  );

  // Readiness for a balancer or an orchestrator: this process can serve, its database answers.
  app.get(
    '/readyz',
    {
      schema: {
        response: {
          200: Type.Object({ status: Type.Literal('ready'), database: engine }),
          503: Type.Object({ status: Type.Literal('unavailable'), reason: Type.Literal('database') }),
        },
      },
      config: { rateLimit: false },
    },
    async (_request, reply) => {
      if (!(await databaseAnswers(app)))
        return reply.code(503).send({ status: 'unavailable', reason: 'database' });
      return { status: 'ready' as const, database: app.engine };
    },
  );

  // Liveness: the process answers at all; a database outage is not a reason to restart it.
  app.get(
    '/livez',
    {
      schema: { response: { 200: Type.Object({ status: Type.Literal('live') }) } },
      config: { rateLimit: false },
    },
    async () => ({ status: 'live' as const }),
  );

  // Prometheus text format, behind METRICS_TOKEN; without the setting there are no metrics.
  app.get(
    '/metrics',
    { schema: { hide: true, headers: Type.Object({}) }, config: { rateLimit: false } },
    async (request, reply) => {
      const token = app.config.metricsToken;
      if (!token) return reply.callNotFound();
      if (!tokenMatches(token, request.headers.authorization))
        return reply.code(401).header('www-authenticate', 'Bearer').type('text/plain').send('unauthorized\n');
      return reply
        .header('cache-control', 'no-store')
        .type(app.metrics.registry.contentType)
        .send(await app.metrics.registry.metrics());
    },
  );

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/assets/app.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
  );

  app.get('/assets/forms.js', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(formsScript),
  );
  // Every page links the SVG icon; browsers still ask for /favicon.ico on their own.
  app.get('/favicon.svg', { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(faviconSvg),
  );
  app.get('/favicon.ico', { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) =>
    reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').send(ico),
  );
}
