import type { Action, Actor } from '../access/policy.ts';
import type { Lang } from '../i18n/i18n.ts';

/** A link a feature puts in the main navigation or on the start page (src/platform/features.ts). */
export interface FeatureLink {
  /** Place among every feature's links, lowest first. */
  order: number;
  /** The permitted action that shows the link. */
  action?: Action;
  /** A further or other condition, e.g. "administers their own organisation". */
  when?: (actor: Actor, permitted: readonly Action[]) => boolean;
  href: string | ((actor: Actor) => string);
  label: (lang: Lang) => string;
  /** In the navigation: current only on this very path, not on the pages below it. */
  exact?: boolean;
}

export interface ResolvedLink {
  href: string;
  label: string;
  exact: boolean;
}

export function byOrder<T extends { order: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.order - b.order);
}

/** The links of a list that this user may follow, in order, with their address and label resolved. */
export function linksFor(
  links: readonly FeatureLink[],
  actor: Actor,
  permitted: readonly Action[],
  lang: Lang,
): ResolvedLink[] {
  return byOrder(links)
    .filter(
      (link) => (!link.action || permitted.includes(link.action)) && (link.when?.(actor, permitted) ?? true),
    )
    .map((link) => ({
      href: typeof link.href === 'string' ? link.href : link.href(actor),
      label: link.label(lang),
      exact: link.exact ?? false,
    }));
}
