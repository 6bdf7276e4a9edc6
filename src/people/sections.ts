import type { Person } from '../platform/db/schema.ts';
import type { PageSection } from '../platform/features.ts';
import type { PageContext } from '../platform/layout/page-context.ts';

/**
 * A part of the child's (or any person's) page owned by another feature: the child's reports,
 * cases and decisions, coordinated plans, and placements next (docs/decisions/0063). It loads in
 * the person page's access scope, after the person was authorised and audited, and sees the person
 * as the page shows them (protected whereabouts removed unless revealed). Besides its own part, a
 * section may give the page's shared parts what it loaded: dated events for the child's timeline,
 * and the professionals around the child. Only what the section itself shows (and audited) goes
 * there.
 */
export interface PersonSection<Data = unknown> extends PageSection<Person, Data> {
  timeline?(ctx: PageContext, data: Data): TimelineEntry[];
  professionals?(ctx: PageContext, data: Data): ProfessionalEntry[];
}

/** One dated event in the child's timeline. */
export interface TimelineEntry {
  /** YYYY-MM-DD */
  date: string;
  /** What kind of thing it is ("Anmälan", "Beslut", "SIP"): read before the text. */
  kind: string;
  text: string;
  href?: string | undefined;
}

/** A professional around the child, and where social services knows them from. */
export interface ProfessionalEntry {
  name: string;
  organisation: string | null;
  /** "Anmälde 2026-03-02", "Part i SIP" */
  role: string;
  href?: string | undefined;
}

declare module '../platform/features.ts' {
  interface ExtensionPoints {
    personSections: PersonSection;
  }
}
