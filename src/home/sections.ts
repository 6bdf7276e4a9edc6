import type { RequestContext } from '../platform/access/scope.ts';
import type { PageSection } from '../platform/features.ts';
import type { FeatureLink } from '../platform/layout/links.ts';

/** What the start page's sections are drawn for: today, as the page's date rules see it. */
export interface HomeSubject {
  today: string;
}

/** A part of the start page owned by another feature: the user's deadlines, plans due, children held. */
export interface HomeSection<Data = unknown> extends PageSection<HomeSubject, Data> {
  /** Whether the section is for this user at all; when none is, the page opens no access scope. */
  applies(context: RequestContext): boolean;
  /** Above the start page's links (what is due), or below them and the role's notes. */
  placement: 'beforeLinks' | 'afterLinks';
}

declare module '../platform/features.ts' {
  interface ExtensionPoints {
    /** Cards on the start page, one per thing this user can go and do. */
    homeLinks: FeatureLink;
    homeSections: HomeSection;
  }
}
