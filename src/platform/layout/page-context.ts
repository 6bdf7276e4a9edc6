import type { FastifyRequest } from 'fastify';
import type { Actor } from '../access/policy.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { Messages } from '../i18n/messages.ts';
import type { FeatureLink } from './links.ts';

/** What every page needs from the request, and nothing more. */
export interface PageContext {
  t: Messages;
  lang: Lang;
  actor: Actor | null;
  csrf: string;
  /** Path and query of this page, to build the language switch link. */
  url: string;
  /** What the features put in the main navigation (src/platform/features.ts). */
  nav: readonly FeatureLink[];
}

export function pageContext(request: FastifyRequest): PageContext {
  return {
    t: request.t,
    lang: request.lang,
    actor: request.actor,
    csrf: request.csrf,
    url: request.url,
    nav: request.server.features.contributions('nav'),
  };
}
