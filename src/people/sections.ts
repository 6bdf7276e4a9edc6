import type { Person } from '../platform/db/schema.ts';
import type { PageSection } from '../platform/features.ts';

/**
 * A part of the child's (or any person's) page owned by another feature: coordinated plans today,
 * placements and cases next. It loads in the person page's access scope, after the person was
 * authorised and audited, and sees the person as the page shows them (protected whereabouts
 * removed unless revealed).
 */
export type PersonSection<Data = unknown> = PageSection<Person, Data>;

declare module '../platform/features.ts' {
  interface ExtensionPoints {
    personSections: PersonSection;
  }
}
