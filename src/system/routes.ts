import { readFileSync } from 'node:fs';
import { Type } from 'typebox';
import type { App } from '../platform/http/types.ts';
import { faviconIco, faviconSvg } from './favicon.ts';

const css = readFileSync(new URL('../platform/assets/app.css', import.meta.url));
const ico = faviconIco();
const formsScript = readFileSync(new URL('../platform/assets/forms.js', import.meta.url));

export async function systemRoutes(app: App): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
          }),
        },
      },
      config: { rateLimit: false },
    },
    async () => {
      await app.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
      return { status: 'ok' as const, database: app.engine };
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
