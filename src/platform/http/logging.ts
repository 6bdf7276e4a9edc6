import type { FastifyRequest } from 'fastify';

/**
 * What the logs may hold: no personal data (issue 12). A request is logged by its method and
 * route pattern (`GET /people/:id`), or its path when no route matched, never with the query
 * string (`?q=<a child's name>`) or the client's address. An error is logged by its type, code
 * and stack, with the values a database error quotes taken out (`invalid input syntax for type
 * uuid: "…"`), and never with the statement's parameters or details that PGlite and pg attach.
 */
export const loggerOptions = {
  serializers: {
    req: (request: FastifyRequest) => ({
      method: request.method,
      url: request.routeOptions?.url ?? request.url.split('?')[0],
    }),
    err: (error: Error & { code?: unknown }) => {
      const message = redact(error.message ?? '');
      const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
      return {
        type: error.name,
        message,
        ...(typeof error.code === 'string' ? { code: error.code } : {}),
        stack: [`${error.name}: ${message}`, ...frames].join('\n'),
      };
    },
  },
};

/** Quoted values and key details in a message are replaced: the shape of the error stays. */
export function redact(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/\)=\([^)]*\)/g, ')=(…)');
}
