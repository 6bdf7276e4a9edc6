import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** The one way to send a page: JSX rendered on the server, escaped by default. */
export function sendPage(reply: FastifyReply, page: VNode, statusCode = 200): FastifyReply {
  return reply
    .code(statusCode)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${render(page)}`);
}
