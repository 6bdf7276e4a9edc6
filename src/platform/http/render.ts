import type { FastifyReply } from 'fastify';
import { h, type VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { type FieldLabels, FieldLabelsContext } from '../layout/forms.tsx';

/**
 * The one way to send a page: JSX rendered on the server, escaped by default. A page with an
 * error summary is rendered twice: the first time learns the fields' labels, which the summary
 * then names (pages are pure functions of their props, so the two renderings agree).
 */
export function sendPage(reply: FastifyReply, page: VNode, statusCode = 200): FastifyReply {
  return reply
    .code(statusCode)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${renderPage(page)}`);
}

export function renderPage(page: VNode): string {
  const first: FieldLabels = { seen: new Map(), known: new Map(), summaryShown: false };
  const html = render(h(FieldLabelsContext.Provider, { value: first }, page));
  if (!first.summaryShown || first.seen.size === 0) return html;
  const second: FieldLabels = { seen: new Map(), known: first.seen, summaryShown: false };
  return render(h(FieldLabelsContext.Provider, { value: second }, page));
}
