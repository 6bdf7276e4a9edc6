import type { PageSection } from '../platform/features.ts';
import type { SipAccessFacts } from './queries/facts.ts';

/**
 * A part of a coordinated plan's page owned by another feature (the child's placements): loaded
 * in the plan page's access scope after the plan was authorised; each section decides for itself
 * what this user may see (a partner in the plan sees nothing of social services' own records).
 */
export type SipSection<Data = unknown> = PageSection<SipAccessFacts['sip'], Data>;

declare module '../platform/features.ts' {
  interface ExtensionPoints {
    sipSections: SipSection;
  }
}
